import assert from "node:assert/strict";
import { test } from "node:test";
import { extractNames } from "./names.ts";
import type { Mention } from "../types.ts";

/** The texts of the mentions of one type, in order. */
function typed(text: string, type: Mention["type"]): string[] {
  return extractNames(text)
    .filter((m) => m.type === type)
    .map((m) => m.text);
}

/** Asserts that every one of `names` was found. */
function assertFound(found: string[], names: string[]): void {
  for (const name of names) assert.ok(found.includes(name), `${name} in ${found.join(", ")}`);
}

test("an unknown one-word firm is an organisation by the role news gives it", () => {
  const text = [
    "The operator of the Primorsk terminal told Handelsblatt that cargoes had stopped.",
    "Shipping data compiled by Kpler show the tankers were insured by Ingosstrakh.",
    "Trading houses such as Gunvor, Mercuria and Vitol once handled the oil.",
    "Wages went abroad through Payoneer and other payment services.",
    "Swissinfo reported that the accounts were closed. Later Gunvor sold its stake.",
  ].join(" ");
  const organisations = typed(text, "Organization");
  assertFound(organisations, [
    "Handelsblatt",
    "Kpler",
    "Ingosstrakh",
    "Gunvor",
    "Mercuria",
    "Payoneer",
  ]);
  assert.ok(organisations.includes("Swissinfo"), organisations.join(", "));
});

test("the agent of 'led by' and nationalities are no organisations", () => {
  const text =
    "The raid was led by Petrov. Officials told Russian reporters that Laotian police had helped.";
  const organisations = typed(text, "Organization");
  assert.ok(!organisations.includes("Petrov"), organisations.join(", "));
  assert.ok(!organisations.includes("Russian"), organisations.join(", "));
  assert.ok(!organisations.includes("Laotian"), organisations.join(", "));
});

test("an unknown word in a sentence is an organisation, after 'in' or a determiner it is not", () => {
  const text =
    "The drones carried sensors from Honeywell and engines bought in Zhytkavichy. Every Geran that hits the city has a chip inside.";
  const organisations = typed(text, "Organization");
  assert.ok(organisations.includes("Honeywell"), organisations.join(", "));
  assert.ok(!organisations.includes("Zhytkavichy"), organisations.join(", "));
  assert.ok(!organisations.includes("Geran"), organisations.join(", "));
});

test("a person named by title is referred back to by that name, not taken for a firm", () => {
  const text = "President Obama spoke on Monday. Critics said the plan was made with Obama alone.";
  assert.deepEqual(typed(text, "Organization"), []);
  assert.deepEqual(typed(text, "Person"), ["Obama", "Obama"]);
});

test("places listed or placed with a known place are places", () => {
  const text =
    "Cargoes were loaded at Primorsk and Novorossiysk. Drones hit the Kyiv and Odesa regions. The factory in Alabuga in Tatarstan makes them. She was the mayor of Bamban until last year.";
  const places = typed(text, "Location");
  assertFound(places, ["Primorsk", "Odesa", "Alabuga", "Bamban"]);
});

test("a comma after an opening place lists nothing", () => {
  const places = typed(
    "In Bern, Finance Minister Karin Keller-Sutter told parliament.",
    "Location",
  );
  assert.deepEqual(places, ["Bern"]);
});

test("organisations' names hold 'of the', 'on … and …' and words in capitals", () => {
  const text =
    "The Office of the Attorney General of Switzerland said so. The United Nations Office on Drugs and Crime agreed. The staff of Chinjin IT Cooperation Company were named, as was the Munitions Industry Department of the Workers' Party of Korea.";
  const organisations = typed(text, "Organization");
  assertFound(organisations, [
    "Office of the Attorney General of Switzerland",
    "United Nations Office on Drugs and Crime",
    "Chinjin IT Cooperation Company",
    "Munitions Industry Department",
    "Workers' Party of Korea",
  ]);
});

test("a name said of a country is a firm from there; a state's formal name stays whole", () => {
  const text =
    "A servo motor made by Futaba of Japan was found. Workers from the Democratic People's Republic of Korea were hired. Exports to Russia and Central Asia doubled.";
  assert.ok(typed(text, "Organization").includes("Futaba"));
  const places = typed(text, "Location");
  assertFound(places, ["Japan", "Democratic People's Republic of Korea", "Russia", "Central Asia"]);
});

test("the short form of a firm is the firm, even when it starts with a given name", () => {
  const text =
    "Petrovia Trading SA was set up in 2022. Petrovia was sold. Aras Makine Ticaret resold the parts; Aras Makine's owner declined to comment.";
  const organisations = typed(text, "Organization");
  assertFound(organisations, [
    "Petrovia Trading SA",
    "Petrovia",
    "Aras Makine Ticaret",
    "Aras Makine",
  ]);
  assert.deepEqual(typed(text, "Person"), []);
});

test("apposition reads past a hyphen; a think tank is an organisation", () => {
  const text =
    "Mandiant, the Google-owned security firm, saw it. So did the Silverado Policy Accelerator, a Washington think tank.";
  const organisations = typed(text, "Organization");
  assert.ok(organisations.includes("Mandiant"), organisations.join(", "));
  assert.ok(organisations.includes("Silverado Policy Accelerator"), organisations.join(", "));
});

test("a special agent is a person; continents are places", () => {
  const text = "Special Agent Elena Iacovelli flew to Africa.";
  assert.deepEqual(typed(text, "Person"), ["Elena Iacovelli"]);
  assert.deepEqual(typed(text, "Location"), ["Africa"]);
});

test("staff named after a firm, a firm's name of English words speaking, a place after 'in'", () => {
  const text =
    "A Chevron spokesman said the firm complied. Silver Lantern said the cargoes were legal. The buyer was a company in Tortola without staff.";
  const organisations = typed(text, "Organization");
  assert.ok(organisations.includes("Chevron"), organisations.join(", "));
  assert.ok(organisations.includes("Silver Lantern"), organisations.join(", "));
  assert.ok(typed(text, "Location").includes("Tortola"));
  assert.deepEqual(typed(text, "Person"), []);
});

test("a nationality after a verb of speech is no one", () => {
  const text = "Lee Sang-min said North Korean networks had grown.";
  assert.deepEqual(typed(text, "Person"), ["Lee Sang-min"]);
  assert.deepEqual(typed(text, "Organization"), []);
});

test("a long list typed from its far end is typed whole", () => {
  const firms = Array.from(
    { length: 400 },
    (_, i) => `Zorvex${String.fromCharCode(97 + (i % 26))}${i}q`,
  );
  const names = firms.map((firm) => firm.replace(/\d+/, (n) => "abcdefghij"[Number(n) % 10]!));
  const text = `Shares went to ${names.join(", ")} and Google.`;
  const organisations = typed(text, "Organization");
  assert.equal(organisations.length, names.length + 1);
  assert.deepEqual(organisations.slice(0, 3), ["Google", names.at(-1), names.at(-2)]);
});

test("a headline in title case is read by its words, not its capitals", () => {
  const text = [
    "Two Men Charged with Shipping Aircraft Parts to Iranian Airline Through Front Companies in Turkey",
    "",
    "BOSTON - Two men were charged with exporting parts to Mahan Air through firms in Turkey.",
  ].join("\n");
  const organisations = typed(text, "Organization");
  assert.deepEqual(organisations, ["Mahan Air"]);
  assert.ok(typed(text, "Location").includes("Turkey"));
});

test("a firm's name ends at its legal form, a brand's bank at 'of' a country", () => {
  const text =
    "It is managed by Hengda Ship Management Co. Ltd of Ningbo. OTP Bank of Hungary and Intesa Sanpaolo stayed; the National Bank of Cambodia did not.";
  const organisations = typed(text, "Organization");
  assertFound(organisations, [
    "Hengda Ship Management Co. Ltd",
    "OTP Bank",
    "Intesa Sanpaolo",
    "National Bank of Cambodia",
  ]);
  assert.ok(typed(text, "Location").includes("Ningbo"));
});

test("titles, honours, portfolios and laws are not names", () => {
  const text =
    "Chief Executive Andrea Orcel spoke. Acting U.S. Attorney Leah Foley and Mr Ivanov Petrov KC agreed with Finance Minister Anton Siluanov and General Abdel Fattah al-Burhan under the International Emergency Economic Powers Act.";
  const people = typed(text, "Person");
  assertFound(people, [
    "Andrea Orcel",
    "Leah Foley",
    "Ivanov Petrov",
    "Anton Siluanov",
    "Abdel Fattah al-Burhan",
  ]);
  const organisations = typed(text, "Organization");
  assert.ok(!organisations.some((o) => /Finance|Act$|KC/.test(o)), organisations.join(", "));
});

test("the words around a firm say it is one: possessives, descriptions, lists and aliases", () => {
  const text = [
    "Moody's and S&P Global Ratings rate the bank. Analysts at Jefferies and Kepler Cheuvreux agreed.",
    "Raiffeisen wanted a stake in Strabag, the Austrian builder, and cut ties with the vendor, Hanwool Soft, later.",
    "Tron's founder did not respond. Its market, Huione Guarantee, which sells data, was renamed Haowang Guarantee.",
    "Its commander, Mohamed Hamdan Dagalo, known as Hemedti, flew from Abu Dhabi to Amdjarass.",
  ].join(" ");
  const organisations = typed(text, "Organization");
  assertFound(organisations, [
    "Moody's",
    "S&P Global Ratings",
    "Kepler Cheuvreux",
    "Strabag",
    "Hanwool Soft",
    "Tron",
    "Haowang Guarantee",
  ]);
  assert.ok(typed(text, "Person").includes("Hemedti"));
  assert.ok(typed(text, "Location").includes("Amdjarass"));
});

test("a legal form ends a firm's name before 'for', 'and' or 'on'", () => {
  const text = "Transfer to Golden Harbour Trading Limited for Office 39, USD 50,000.";
  assert.deepEqual(typed(text, "Organization"), ["Golden Harbour Trading Limited", "Office 39"]);
});

test("a title after a body's name opens a person's name", () => {
  const text = "Korea Ryonbong General Corporation Chairman Kim Il Su visited Dandong.";
  assert.deepEqual(typed(text, "Organization"), ["Korea Ryonbong General Corporation"]);
  assert.deepEqual(typed(text, "Person"), ["Kim Il Su"]);
});

/** A cable of the kind the header words and wrapped lines come from (written for this test). */
const CABLE = `CONFIDENTIAL
CABLE
FROM: AMEMBASSY MANILA
TO: SECSTATE WASHINGTON
SUBJECT: CEBU BROKER PAYS TANKER BILLS

1. (C) SUMMARY: Officials of the Anti-Money Laundering Council said that a
Cebu broker, Visayas Harbour Trading Co.,
Ltd., paid the fuel bills of a tanker managed by Pacific Lantern Maritime Co.
Ltd. The council has shared what it found with the Financial
Crimes Enforcement Network. END SUMMARY.

MEMO
DATE: 3 March 2024
RE: Vessels
Kum Un San
Chon Ma San`;

test("cables and memos: header words are no names, a wrapped line does not cut one", () => {
  const found = extractNames(CABLE).map((m) => `${m.type}: ${m.text.replace(/\s+/g, " ")}`);
  for (const word of ["CABLE", "CONFIDENTIAL", "SUMMARY", "END SUMMARY", "MEMO", "DATE", "RE"])
    assert.ok(!found.some((f) => f.endsWith(`: ${word}`)), `${word} in ${found.join(", ")}`);
  assert.ok(!found.some((f) => /AMEMBASSY|SECSTATE/.test(f)), found.join(", "));
  assertFound(found, [
    "Location: MANILA",
    "Location: WASHINGTON",
    "Organization: Visayas Harbour Trading Co., Ltd.",
    "Organization: Pacific Lantern Maritime Co. Ltd.",
    "Organization: Financial Crimes Enforcement Network",
  ]);
  // Names one a line (a short line) stay apart.
  assert.ok(!found.some((f) => f.includes("Kum Un San Chon")), found.join(", "));
});
