import assert from "node:assert/strict";
import { test } from "node:test";
import type { Mention, MentionType } from "../types.ts";
import { extractRelations } from "./relations.ts";

/** Mentions at the places these names occur in the text (each name once). */
function mentionsIn(text: string, names: Array<[string, MentionType, string?]>): Mention[] {
  return names.map(([name, type, value]) => {
    const start = text.indexOf(name);
    assert.ok(start >= 0, name);
    return { type, text: name, start, end: start + name.length, confidence: 0.9, value };
  });
}

const said = (text: string, names: Array<[string, MentionType, string?]>): string[] =>
  extractRelations(text, mentionsIn(text, names))
    .filter((r) => r.kind !== "co_mention")
    .map((r) => `${r.source.text} ${r.kind} ${r.target.text}${r.value ? ` ${r.value}` : ""}`);

test("what a sentence says between two names: subsidiary, owner, reporting line", () => {
  assert.deepEqual(
    said("Korea Kwangson Banking Corp, a wholly-owned subsidiary of Foreign Trade Bank, opened", [
      ["Korea Kwangson Banking Corp", "Organization"],
      ["Foreign Trade Bank", "Organization"],
    ]),
    ["Korea Kwangson Banking Corp subsidiary_of Foreign Trade Bank"],
  );
  assert.deepEqual(
    said("Office 39's front company Korea Daesong General Trading moved the gold.", [
      ["Office 39", "Organization"],
      ["Korea Daesong General Trading", "Organization"],
    ]),
    ["Korea Daesong General Trading subsidiary_of Office 39"],
  );
  assert.deepEqual(
    said("Wolmido Export is majority-owned by the Korea Ryonbong General Corporation.", [
      ["Wolmido Export", "Organization"],
      ["Korea Ryonbong General Corporation", "Organization"],
    ]),
    ["Wolmido Export owned_by Korea Ryonbong General Corporation"],
  );
  assert.deepEqual(
    said("Ocean Maritime Management operates CHONG CHON GANG.", [
      ["Ocean Maritime Management", "Organization"],
      ["CHONG CHON GANG", "Vessel"],
    ]),
    ["CHONG CHON GANG owned_by Ocean Maritime Management"],
  );
  assert.deepEqual(
    said("Ri Song Hyok, who reports directly to Kim Chol Nam, travels often.", [
      ["Ri Song Hyok", "Person"],
      ["Kim Chol Nam", "Person"],
    ]),
    ["Ri Song Hyok reports_to Kim Chol Nam"],
  );
  assert.deepEqual(
    said("Room 39, under the direction of the Central Committee, runs hotels.", [
      ["Room 39", "Organization"],
      ["Central Committee", "Organization"],
    ]),
    ["Room 39 reports_to Central Committee"],
  );
});

test("payments: who paid whom how much, in three word orders", () => {
  assert.deepEqual(
    said("Chonsong Shipping paid Paekho Trading USD 98,000 on 4 March.", [
      ["Chonsong Shipping", "Organization"],
      ["Paekho Trading", "Organization"],
      ["USD 98,000", "Money", "98000 USD"],
    ]),
    ["Chonsong Shipping paid Paekho Trading 98000 USD"],
  );
  assert.deepEqual(
    said("Golden Star Bank wired about EUR 1.2 million to Korea Daesong Trading.", [
      ["Golden Star Bank", "Organization"],
      ["EUR 1.2 million", "Money", "1200000 EUR"],
      ["Korea Daesong Trading", "Organization"],
    ]),
    ["Golden Star Bank paid Korea Daesong Trading 1200000 EUR"],
  );
  assert.deepEqual(
    said("Kim Chol Man received JPY 5,000,000 from Chongryon.", [
      ["Kim Chol Man", "Person"],
      ["JPY 5,000,000", "Money", "5000000 JPY"],
      ["Chongryon", "Organization"],
    ]),
    ["Chongryon paid Kim Chol Man 5000000 JPY"],
  );
});

test("no relation across sentences, from unrelated words, or without an amount", () => {
  assert.deepEqual(
    said("He met Ri Song Hyok. Kim Chol Nam owns a car.", [
      ["Ri Song Hyok", "Person"],
      ["Kim Chol Nam", "Person"],
    ]),
    [],
  );
  assert.deepEqual(
    said("Ri Song Hyok visited Kim Chol Nam in Dandong.", [
      ["Ri Song Hyok", "Person"],
      ["Kim Chol Nam", "Person"],
    ]),
    [],
  );
  assert.deepEqual(
    said("Chonsong Shipping paid Paekho Trading on time.", [
      ["Chonsong Shipping", "Organization"],
      ["Paekho Trading", "Organization"],
    ]),
    [],
  );
});

test("co-mentions: weighted by how crowded the paragraph is, summed over paragraphs", () => {
  const text = [
    "Kim Chol Man met Jang Song Thaek.",
    "Kim Chol Man, Jang Song Thaek and Choe Ryong Hae dined with Ri Song Hyok.",
    "Korea Daesong Bank, again.",
  ].join("\n\n");
  const all: Mention[] = [];
  for (const name of ["Kim Chol Man", "Jang Song Thaek", "Choe Ryong Hae", "Ri Song Hyok"]) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
      all.push({ type: "Person", text: name, start: at, end: at + name.length, confidence: 1 });
  }
  const at = text.indexOf("Korea Daesong Bank");
  all.push({
    type: "Organization",
    text: "Korea Daesong Bank",
    start: at,
    end: at + 18,
    confidence: 1,
  });
  const weights = new Map(
    extractRelations(text, all).map((r) => [
      [r.source.text, r.target.text].sort().join(" + "),
      r.weight,
    ]),
  );
  // Together in a pair (1) and in a paragraph of four (1/3).
  assert.equal(weights.get("Jang Song Thaek + Kim Chol Man"), 1.333);
  assert.equal(weights.get("Choe Ryong Hae + Ri Song Hyok"), 0.333);
  assert.equal(weights.size, 6, "the bank is alone in its paragraph");
});

test("a paragraph crowded like a table relates names row by row", () => {
  const rows = Array.from({ length: 40 }, (_, i) => `Payer ${i} Ltd;Payee ${i} Ltd`);
  const text = rows.join("\n");
  const mentions: Mention[] = [];
  for (const [i, row] of rows.entries()) {
    const offset = rows.slice(0, i).reduce((n, r) => n + r.length + 1, 0);
    for (const name of row.split(";")) {
      const start = offset + row.indexOf(name);
      mentions.push({
        type: "Organization",
        text: name,
        start,
        end: start + name.length,
        confidence: 1,
      });
    }
  }
  const relations = extractRelations(text, mentions);
  assert.equal(relations.length, 40);
  assert.ok(
    relations.every(
      (r) =>
        r.source.text.replace("Payer", "Payee") === r.target.text ||
        r.target.text.replace("Payer", "Payee") === r.source.text,
    ),
  );
});

test("payments in cable and memo style: wired, remitted, moved, with amounts in every form", async () => {
  const { extractMentions } = await import("./extract.ts");
  const paid = async (text: string): Promise<string[]> =>
    extractRelations(text, await extractMentions(text))
      .filter((r) => r.kind === "paid")
      .map((r) => `${r.source.text} → ${r.target.text}: ${r.value}`);
  const CASES: Array<[string, string]> = [
    ["Sino Harbour Ltd. wired USD 2,400,000 to Kestrel Marine Ltd.", "USD"],
    ["Formosa Lantern Ltd. remitted US$ 640,000 to Bright Quay Ltd. in July.", "USD"],
    ["Harbour Light Co. then transferred HKD 4.2 million to Eastgate Ltd.", "HKD"],
    ["Kestrel Marine Ltd., a Hong Kong shell, sent 1,200,000 USD to Tanager Trading Ltd.", "USD"],
    ["Gulf Mirage Trading LLC of Sharjah moved AED 5,500,000 to Al Sahra Exchange LLC.", "AED"],
    ["Alder Aviation Ltd. also paid £2.3m to Anatolia Parts Ltd. last year.", "GBP"],
    ["Everwin Global Ltd. transferred HK$8 million to Jade Gate Ltd.", "HKD"],
    ["Nova Circuit Inc. sent $415,250.00 to Ararat Supply LLC on 14 May.", "USD"],
    [
      "Zhao Lianfeng transferred RMB 3,500,000 to an account held by Kumsong Trading Corporation.",
      "CNY",
    ],
    ["Volga Supply LLC moved a further $1.9m to Baltic Freight Ltd. in Riga.", "USD"],
  ];
  for (const [text, currency] of CASES) {
    const [found] = await paid(text);
    assert.ok(found, `no payment in: ${text}`);
    assert.match(found, new RegExp(currency), text);
  }
  // A line break inside the payer's legal form, or before the amount, changes nothing.
  assert.deepEqual(
    await paid(
      "a trading house, Liaoning Hengtai Import and Export Co.,\nLtd., wired USD\n2,400,000 to Golden Crane Shipping Ltd. in Hong Kong",
    ),
    ["Liaoning Hengtai Import and Export Co.,\nLtd. → Golden Crane Shipping Ltd.: 2400000 USD"],
  );
  // Not a payment: money raised, or a place as the payee.
  assert.deepEqual(await paid("Kestrel Marine Ltd. raised $5 million from investors."), []);
  assert.deepEqual(await paid("Kestrel Marine Ltd. sent $5 million to Singapore."), []);
});
