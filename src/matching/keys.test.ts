import assert from "node:assert/strict";
import { test } from "node:test";
import { prepareName } from "../names/prepare.ts";
import { ScreeningIndex } from "./index.ts";
import { leadingLetters, listedKeys, queryKeys, soundKey, wordInitials } from "./keys.ts";
import type { IndexedEntity } from "./types.ts";

const KOMID = "Korea Mining Development Trading Corporation";
/** Bodies whose names share KOMID's words, so trigrams alone favour them over the acronym's. */
const DISTRACTORS = [
  "Korea Mining Trading Company",
  "Korea Kwangson Banking Corporation",
  "Korea Ryonbong General Corporation",
  "Korea Kumsan Trading Corporation",
  "Korea Development Bank",
  "Komitet Mining Authority",
];

function entity(id: string, schema: string, name: string): IndexedEntity {
  return { id, schema, properties: { name: [name] }, datasets: ["t"], sourceIds: [id], hash: "" };
}

function screen(index: ScreeningIndex, schema: string, name: string): string[] {
  return index
    .match(
      { schema, names: [name], birthDates: [], countries: [], identifiers: [] },
      { limit: 5, threshold: 0.7 },
    )
    .map((r) => r.entity.id);
}

test("an acronym's leading letters include the initials of the words that gave it", () => {
  assert.ok(leadingLetters("komid").includes("kmd"));
  assert.ok(leadingLetters("irgc").includes("irg"));
  assert.deepEqual(wordInitials(["korea", "mining", "development", "trading"]), ["kmd"]);
  // Small words kept (Ministry of Defense, MODAFL) and skipped (Islamic State of Iraq, ISIL).
  assert.deepEqual(wordInitials(["ministry", "of", "defense", "and", "armed"]), ["mod", "mda"]);
  assert.deepEqual(wordInitials(["rapid", "forces"]), []);
});

test("a query's acronym keys name the listed full name's keys, and the other way round", () => {
  const [acronym] = prepareName("KOMID", "organization").forms;
  const [full] = prepareName(KOMID, "organization").forms;
  assert.ok(queryKeys(acronym!).some((k) => listedKeys(full!).includes(k)));
  assert.ok(queryKeys(full!).some((k) => listedKeys(acronym!).includes(k)));
  // An acronym whose body is listed under its full name too is found through that name.
  assert.ok(!listedKeys(acronym!, true).some((k) => queryKeys(full!).includes(k)));
  // Persons' names are not read as acronyms.
  const person = listedKeys(prepareName("Kim Yong Chol", "person").forms[0]!);
  assert.ok(person.every((k) => k.startsWith("sound:") || k.startsWith("nick:")));
});

test("a name written by ear shares its sound key with the Latin spelling", () => {
  const latin = soundKey(prepareName("Donald Trump", "person").forms[0]!);
  assert.equal(latin, "TT.TP");
  for (const heard of ["唐纳德·特朗普", "ドナルド・トランプ", "도널드 트럼프"]) {
    const forms = prepareName(heard, "person").forms;
    assert.ok(
      forms.some((f) => f.transcribed && queryKeys(f).includes(`sound:${latin}`)),
      heard,
    );
  }
  // Latin queries compare spellings, not sounds.
  const keys = queryKeys(prepareName("Donald Trump", "person").forms[0]!);
  assert.ok(!keys.some((k) => k.startsWith("sound:")));
});

test("screening finds an organisation by its acronym and an acronym by its name", () => {
  const index = new ScreeningIndex();
  DISTRACTORS.forEach((name, i) => index.add(entity(`d${i}`, "Company", name)));
  index.add(entity("komid", "Company", KOMID));
  index.add(entity("rsf", "Organization", "RSF"));
  index.build();
  assert.ok(screen(index, "Company", "KOMID").includes("komid"));
  assert.ok(screen(index, "Organization", "Rapid Support Forces").includes("rsf"));
  // Letters in another order are another body's acronym.
  assert.ok(!screen(index, "Company", "KDMI").includes("komid"));
});

test("screening finds a body by the acronym of its name in another language, and the other way round", () => {
  const index = new ScreeningIndex();
  for (const [i, name] of [
    "State Transport Leasing Company PJSC",
    "State Trading Leasing Company",
    "Sovcomflot PJSC",
    "MKB",
    "Moscow Credit Union",
    "Bank for International Settlements",
  ].entries())
    index.add(entity(`c${i}`, "Company", name));
  index.build();
  // Gosudarstvennaya Transportnaya Lizingovaya Kompaniya; Moskovskiy Kreditnyy Bank.
  assert.equal(screen(index, "Company", "GTLK")[0], "c0");
  assert.ok(screen(index, "Company", "Credit Bank of Moscow").includes("c3"));
  // Banque des Règlements Internationaux; not the English initials in the French order.
  assert.ok(screen(index, "Company", "BRI").includes("c5"));
  assert.ok(!screen(index, "Company", "BSI").includes("c5"));
});

test("screening finds a name written by ear, and a name written joined or split", () => {
  const index = new ScreeningIndex();
  for (const [i, name] of [
    "Donald Trump",
    "Donald Tusk",
    "Ronald Tramp",
    "Saifullah Khalid",
    "Saif al-Islam",
    "Khalid Saif",
  ].entries())
    index.add(entity(`p${i}`, "Person", name));
  index.build();
  assert.equal(screen(index, "Person", "唐纳德·特朗普")[0], "p0");
  assert.equal(screen(index, "Person", "Saif Ullah Khalid")[0], "p3");
});

test("screening finds a full given name by its familiar form among namesakes", () => {
  const index = new ScreeningIndex();
  [
    "Ivan Ivanov",
    "Igor Ivanov",
    "Sergei Ivanov",
    "Viktor Ivanov",
    "Pavel Ivanov",
    "Oleg Ivanov",
  ].forEach((name, i) => index.add(entity(`n${i}`, "Person", name)));
  index.add(entity("alexander", "Person", "Aleksandr Ivanov"));
  index.build();
  assert.ok(screen(index, "Person", "Sasha Ivanov").includes("alexander"));
});

test("a family name listed first is found among many names sharing the given names", () => {
  const index = new ScreeningIndex();
  const others = ["Salih", "Saeed", "Sadr", "Said", "Saad", "Sabawi", "Salem", "Sami", "Samir"];
  for (let i = 0; i < 60; i++)
    index.add(
      entity(
        `n${i}`,
        "Person",
        `Ibrahim ${others[i % others.length]} ${i % 2 ? "Mohammed" : "Ali"}`,
      ),
    );
  index.add(entity("target", "Person", "AL-SHAAR, Mohammad Ibrahim"));
  index.build();
  assert.ok(screen(index, "Person", "Mohamad Ibrahim al-Shaar").includes("target"));
  assert.ok(screen(index, "Person", "Mohammad Ibrahim").includes("target"));
});
