/**
 * Bad list files are refused with an error that names the file and the line or byte, and the
 * store is left exactly as it was.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ListFormatError } from "../src/errors.ts";
import { importList, type ImportOptions } from "../src/lists/import.ts";
import { openStore } from "../src/store/open.ts";
import { FTM_JSONL, OFAC_CSV, UN_XML } from "./fixtures/lists.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-bad-"));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

interface BadCase {
  name: string;
  file: () => string;
  options?: ImportOptions;
  /** What the message must say besides the file name. */
  says: RegExp;
}

const half = (text: string): string => text.slice(0, Math.floor(text.length / 2));

const CASES: BadCase[] = [
  {
    name: "empty OFAC CSV",
    file: () => write("sdn_empty.csv", ""),
    options: { format: "ofac-csv" },
    says: /byte 0: file is empty/,
  },
  { name: "empty file, format to detect", file: () => write("empty.xml", ""), says: /byte 0/ },
  {
    name: "truncated UN XML",
    file: () => write("un_truncated.xml", half(UN_XML)),
    says: /line \d+/,
  },
  {
    name: "OFAC CSV cut inside a quoted remark",
    file: () => write("sdn_cut_quote.csv", OFAC_CSV.slice(0, OFAC_CSV.indexOf("Kaesong"))),
    says: /line \d+: .*(quote|Quote)/,
  },
  {
    name: "OFAC CSV cut between fields",
    file: () =>
      write(
        "sdn_cut_fields.csv",
        OFAC_CSV.split("\r\n")
          .slice(0, 2)
          .join("\r\n")
          .replace(/,-0- ,"a\.k\.a.*$/, ""),
      ),
    says: /line 2: expected 12 fields, found \d+/,
  },
  {
    name: "garbled bytes",
    file: () => write("garbled.bin", Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80, 0x81, 0x0a, 0x99])),
    says: /byte 0: cannot tell the list format/,
  },
  {
    name: "garbled bytes declared as UN XML",
    file: () => write("garbled_un.xml", Buffer.from([0x3c, 0x3c, 0xff, 0x00, 0x41, 0x3e])),
    options: { format: "un-xml" },
    says: /line \d+/,
  },
  {
    name: "UN XML declared as OFAC CSV",
    file: () => write("un_as_ofac.xml", UN_XML),
    options: { format: "ofac-csv" },
    says: /byte 0: file looks like un-xml, not ofac-csv/,
  },
  {
    name: "OFAC CSV declared as EU XML",
    file: () => write("sdn_as_eu.csv", OFAC_CSV),
    options: { format: "eu-xml" },
    says: /file looks like ofac-csv, not eu-xml/,
  },
  {
    name: "OFAC CSV with a non-numeric ent_num",
    file: () => write("sdn_bad_entnum.csv", OFAC_CSV.replace("9523,", "95x3,")),
    options: { format: "ofac-csv" },
    says: /line 2: ent_num '95x3' is not a number/,
  },
  {
    name: "OFAC CSV with an ent_num twice",
    file: () => write("sdn_twice.csv", OFAC_CSV.replace("18201,", "18200,")),
    says: /line 4: ent_num 18200 appears twice/,
  },
  {
    name: "UN XML record without reference",
    file: () =>
      write(
        "un_noref.xml",
        UN_XML.replace("<REFERENCE_NUMBER>KPe.001</REFERENCE_NUMBER>", "").replace(
          "<DATAID>690735</DATAID>",
          "",
        ),
      ),
    says: /line \d+: record without REFERENCE_NUMBER/,
  },
  {
    name: "UN XML with an entity-expansion bomb",
    file: () =>
      write(
        "un_bomb.xml",
        `<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&b;</FIRST_NAME><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`,
      ),
    says: /line \d+.*(entity|undefined)/i,
  },
  {
    name: "UN XML without records",
    file: () =>
      write(
        "un_empty.xml",
        `<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>`,
      ),
    says: /no records found/,
  },
  {
    name: "FtM line that is not JSON",
    file: () => write("bad.ftm.json", `${FTM_JSONL}\n{"id": "x", "schema": `),
    says: /line 4: invalid JSON/,
  },
  {
    name: "FtM entity of an unknown schema",
    file: () => write("schema.ftm.json", FTM_JSONL.replace('"Company"', '"Spaceship"')),
    says: /line 2: unknown schema 'Spaceship'/,
  },
  {
    name: "crypto list that is not an array of addresses",
    file: () => write("sanctioned_addresses_XBT.json", `[1, 2]`),
    says: /line 1: not a digital currency address/,
  },
  {
    name: "ODS that is not a zip",
    file: () =>
      write("broken.ods", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 7)])),
    says: /not a readable ODS/,
  },
];

test("bad list files are refused with file and position, and the store is unchanged", async () => {
  const store = await openStore(path.join(dir, "store.db"));
  try {
    const good = write("un_good.xml", UN_XML);
    await importList(store, [good], { version: "good" });
    const before = JSON.stringify(await store.listVersions());
    assert.ok(CASES.length >= 10);
    for (const bad of CASES) {
      const file = bad.file();
      await assert.rejects(
        importList(store, [file], { version: `bad-${bad.name}`, ...bad.options }),
        (error: unknown) => {
          assert.ok(error instanceof ListFormatError, `${bad.name}: ${String(error)}`);
          assert.ok(
            error.message.includes(file),
            `${bad.name}: message names the file: ${error.message}`,
          );
          assert.match(error.message, bad.says, bad.name);
          return true;
        },
        bad.name,
      );
      assert.equal(
        JSON.stringify(await store.listVersions()),
        before,
        `${bad.name}: store changed`,
      );
    }
  } finally {
    await store.close();
  }
});
