import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRemarks } from "./remarks.ts";

const REMARKS_PAEK =
  "DOB 29 Mar 1963; POB Pyongyang, North Korea; nationality Korea, North; Gender Male; Passport 745132109 (Korea, North) expires 12 Feb 2020; a.k.a. 'PAEK, Ch'ang-Ho'; a.k.a. 'PAEK, Chang Ho'; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Linked To: KOREAN COMMITTEE FOR SPACE TECHNOLOGY.";

test("parses DOB, POB, nationality, passport, aliases and links", () => {
  const facts = parseRemarks(REMARKS_PAEK);
  const props = facts.flatMap((f) => (f.kind === "property" ? [`${f.prop}=${f.value}`] : []));
  assert.deepEqual(props, [
    "birthDate=29 Mar 1963",
    "birthPlace=Pyongyang, North Korea",
    "nationality=Korea, North",
    "gender=Male",
    "passportNumber=745132109",
  ]);
  const aliases = facts.flatMap((f) => (f.kind === "alias" ? [f.value] : []));
  assert.deepEqual(aliases, ["PAEK, Ch'ang-Ho", "PAEK, Chang Ho"]);
  assert.ok(
    facts.some((f) => f.kind === "link" && f.name === "KOREAN COMMITTEE FOR SPACE TECHNOLOGY"),
  );
  assert.ok(facts.some((f) => f.kind === "provision"));
});

test("parses vessel identifiers and digital currency addresses", () => {
  const facts = parseRemarks(
    "Vessel Registration Identification IMO 8712362; MMSI 445115000; Former Vessel Flag Panama; Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; alt. Digital Currency Address - ETH 0x098B716B8Aaf21512996dC57EB0615e2383E2f96.",
  );
  assert.deepEqual(
    facts.map((f) =>
      f.kind === "property"
        ? `${f.prop}=${f.value}`
        : f.kind === "wallet"
          ? `${f.currency}:${f.address}`
          : f.kind,
    ),
    [
      "imoNumber=8712362",
      "mmsi=445115000",
      "pastFlags=Panama",
      "XBT:12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
      "ETH:0x098B716B8Aaf21512996dC57EB0615e2383E2f96",
    ],
  );
});

test("f.k.a. names are previous names", () => {
  const facts = parseRemarks("f.k.a. 'OLD NAME TRADING'; a.k.a. 'NEW NAME'.");
  assert.deepEqual(facts, [
    { kind: "alias", weight: "previous", value: "OLD NAME TRADING" },
    { kind: "alias", weight: "strong", value: "NEW NAME" },
  ]);
});
