import assert from "node:assert/strict";
import { test } from "node:test";
import { foldName, tokenizeName, type NameKind } from "./normalize.ts";
import { prepareName } from "./prepare.ts";

const tokens = (name: string, kind: NameKind) => tokenizeName(name, kind).tokens;
const forms = (name: string) => tokenizeName(name, "organization").legalForms.map((f) => f.compare);

test("folding: lower-case ASCII, marks and apostrophes gone", () => {
  assert.equal(foldName("Łukasz Żółtowski"), "lukasz zoltowski");
  assert.equal(foldName("Sŏn'gyo O’Hara"), "songyo ohara");
  assert.equal(foldName("ЗАВОД"), "zavod");
});

test("legal forms are split off at either edge of an organisation's name, written out or short", () => {
  for (const name of [
    "Brennwerk Aktiengesellschaft",
    "Aktiengesellschaft Brennwerk",
    "Brennwerk AG",
    "Brennwerk A.G.",
  ]) {
    assert.deepEqual(tokens(name, "organization"), ["brennwerk"], name);
    assert.deepEqual(forms(name), ["ag"], name);
  }
  assert.deepEqual(tokens("Limited Liability Company Zarnitsa", "organization"), ["zarnitsa"]);
  assert.deepEqual(forms("Limited Liability Company Zarnitsa"), ["llc"]);
  assert.deepEqual(tokens("Zarnitsa OOO", "organization"), ["zarnitsa"]);
  assert.deepEqual(forms("Societatea cu Raspundere Limitata Dunarea Verde"), ["srl"]);
  assert.deepEqual(tokens("Societatea cu Raspundere Limitata Dunarea Verde", "organization"), [
    "dunarea",
    "verde",
  ]);
});

test("legal-form phrases inside a name are left as words of the name", () => {
  // Only the edges carry legal forms: "joint stock" in the middle is part of this bank's name.
  const { tokens: t } = tokenizeName(
    "Bank of the Joint Stock Company Trust Baltika",
    "organization",
  );
  assert.ok(t.includes("joint") && t.includes("stock") && t.includes("baltika"), t.join(" "));
});

test("a name made only of legal forms keeps them as its tokens", () => {
  assert.deepEqual(tokens("Co Ltd", "organization").sort(), ["co", "ltd"]);
  assert.deepEqual(tokens("GmbH", "any"), ["gmbh"]);
});

test("without a kind, short legal forms are still set aside, the long phrases are not", () => {
  assert.deepEqual(tokens("Brennwerk GmbH", "any"), ["brennwerk"]);
  assert.deepEqual(tokens("Brennwerk Aktiengesellschaft", "any"), [
    "brennwerk",
    "aktiengesellschaft",
  ]);
});

test("numbers in organisations' names are spelt one way", () => {
  assert.deepEqual(tokens("Forty-Four Signal Brigade", "organization"), [
    "44",
    "signal",
    "brigade",
  ]);
  assert.deepEqual(tokens("Third Machine Works", "organization"), ["3", "machine", "works"]);
  assert.deepEqual(tokens("3rd Machine Works", "organization"), ["3", "machine", "works"]);
  assert.deepEqual(tokens("Depot No. 17", "organization"), ["depot", "17"]);
  assert.deepEqual(tokens("Depot Nr. 17", "organization"), ["depot", "17"]);
  assert.deepEqual(tokens("Depot #17", "organization"), ["depot", "17"]);
  assert.deepEqual(tokens("Polar Dawn II", "organization"), ["polar", "dawn", "2"]);
});

test("party offices by number go by one word: Office, Bureau, Room or Division", () => {
  for (const name of ["Office No. 27", "Bureau 27", "Room 27", "Division 27"])
    assert.deepEqual(tokens(name, "organization"), ["office", "27"], name);
  // Without a number the word is the name's own.
  assert.deepEqual(tokens("Bureau Veritas Kazan", "organization"), ["bureau", "veritas", "kazan"]);
});

test("digits written for letters are read as letters; codes and brands are left alone", () => {
  assert.deepEqual(tokens("Gr1gory Zab0lotny", "person"), ["grigory", "zabolotny"]);
  assert.deepEqual(tokens("0leg S3menov", "person"), ["oleg", "semenov"]);
  // A person's two-letter word with a digit is a name (K1m); a company's is a brand (G4S).
  assert.deepEqual(tokens("K1m Su Ok", "person"), ["kim", "su", "ok"]);
  assert.deepEqual(tokens("G4S Kazan", "organization"), ["g4s", "kazan"]);
  assert.deepEqual(tokens("3M Kazan", "organization"), ["3m", "kazan"]);
  // Words mostly of digits are models and numbers.
  assert.deepEqual(tokens("A320 Spares", "organization"), ["a320", "spares"]);
  assert.deepEqual(tokens("Tu-154 Leasing", "organization"), ["tu", "154", "leasing"]);
  assert.deepEqual(tokens("Gl0bal Tr4ding Partners", "organization"), [
    "global",
    "trading",
    "partners",
  ]);
});

test("titles and honorifics go from persons' names wherever they stand", () => {
  assert.deepEqual(tokens("Monsieur Armand Tessier", "person"), ["armand", "tessier"]);
  assert.deepEqual(tokens("Hajji Farid Qasemi", "person"), ["farid", "qasemi"]);
  assert.deepEqual(tokens("Field Marshal Tomas Krelle", "person"), ["tomas", "krelle"]);
  assert.deepEqual(tokens("Tomas Krelle, Dr.", "person"), ["tomas", "krelle"]);
  assert.deepEqual(tokens("Comrade Pak Song Il", "person"), ["pak", "song", "il"]);
  assert.deepEqual(tokens("Yevgeny Tarkhov Jr", "person"), ["yevgeny", "tarkhov"]);
});

test("a title stays when it and one name would be the whole alias", () => {
  assert.deepEqual(tokens("Sheikh Tamim", "person"), ["sheikh", "tamim"]);
  assert.deepEqual(tokens("Mr", "person"), ["mr"]);
});

test("Arabic particles are spelt one way", () => {
  const bin = ["farid", "bin", "salim"];
  assert.deepEqual(tokens("Farid ibn Salim", "person"), bin);
  assert.deepEqual(tokens("Farid ben Salim", "person"), bin);
  assert.deepEqual(tokens("Farid bin Salim", "person"), bin);
  assert.deepEqual(tokens("Abou Hamza", "person"), ["abu", "hamza"]);
  assert.deepEqual(tokens("Abo Hamza", "person"), ["abu", "hamza"]);
});

test("the article al-/el- is dropped before a name when the name has more to it", () => {
  assert.deepEqual(tokens("Nabil al-Rawi", "person"), ["nabil", "rawi"]);
  assert.deepEqual(tokens("Nabil el Rawi Hassan", "person"), ["nabil", "rawi", "hassan"]);
  // On its own with one name it stays: it may be all there is to tell two aliases apart.
  assert.deepEqual(tokens("al-Rawi", "person"), ["al", "rawi"]);
});

test("Abd and the name after it, however they are joined", () => {
  const karim = ["abd", "karim", "nouri"];
  for (const name of [
    "Abdulkarim Nouri",
    "Abd al-Karim Nouri",
    "Abd-ul-Karim Nouri",
    "Abdel Karim Nouri",
    "Abdul Karim Nouri",
    "Abdelkarim Nouri",
  ])
    assert.deepEqual(tokens(name, "person"), karim, name);
  assert.deepEqual(tokens("Abdurrahim Nouri", "person"), ["abd", "rahim", "nouri"]);
});

test("Abdullah is Abd Allah", () => {
  assert.deepEqual(tokens("Abdullah Nouri", "person"), tokens("Abd Allah Nouri", "person"));
});

test("$ and @ inside words are read as letters", () => {
  assert.deepEqual(tokens("Moh@mmad Rezaei", "person"), ["mohammad", "rezaei"]);
  assert.deepEqual(tokens("$tanislav Orlov", "person"), ["stanislav", "orlov"]);
  assert.deepEqual(tokens("Ca$h Flow Partners", "organization"), ["cash", "flow", "partners"]);
  // Not before a digit, nor an @ at a word's edge.
  assert.deepEqual(tokens("$5 Store", "organization"), ["5", "store"]);
  assert.deepEqual(tokens("@Orlov Stanislav", "person"), ["orlov", "stanislav"]);
});

test("elided d' and l' are words of their own for acronyms", () => {
  const { words } = tokenizeName("Office de l'Energie Atomique", "organization");
  assert.deepEqual(words, ["office", "de", "l", "energie", "atomique"]);
  assert.deepEqual(tokenizeName("K.P.I. Holding", "organization").words, ["kpi", "holding"]);
});

test("names that are JavaScript prototype keys are names like any other", () => {
  assert.deepEqual(tokens("Constructor Company", "organization"), ["constructor"]);
  assert.deepEqual(forms("Constructor Company"), ["company"]);
  assert.deepEqual(tokens("toString", "organization"), ["tostring"]);
  assert.deepEqual(tokens("__proto__", "organization"), ["proto"]);
  assert.deepEqual(tokens("hasOwnProperty Trading", "organization"), ["hasownproperty", "trading"]);
  assert.deepEqual(tokens("valueOf", "any"), ["valueof"]);
  assert.deepEqual(tokens("Constructor Smith", "person"), ["constructor", "smith"]);
  assert.deepEqual(tokens("__proto__ constructor", "person"), ["proto", "constructor"]);
  for (const kind of ["person", "organization", "any"] as const)
    for (const name of ["constructor", "__proto__", "toString", "prototype", "__defineGetter__"])
      assert.ok(prepareName(name, kind).forms.length > 0, `${kind} ${name}`);
});
