import assert from "node:assert/strict";
import { test } from "node:test";
import { scorePair } from "../screening/compare.ts";
import { DEFAULT_THRESHOLD } from "../matching/types.ts";
import { acronymFit, acronymShaped } from "./acronym.ts";
import { tokenizeName } from "./normalize.ts";

const fit = (acronym: string, name: string) => acronymFit(acronym, name.split(" "));
const org = (a: string, b: string) => scorePair("Organization", a, b).score;

test("an acronym is read off the words' initials in order", () => {
  assert.equal(fit("kpi", "kalinov precision instruments"), 1);
  assert.equal(fit("kp", "kalinov precision"), 1);
  // Small words may be skipped, or give their letter.
  assert.equal(fit("fbo", "fund for the blind of odessa"), 1);
  assert.equal(fit("vat", "valve and tube"), 1);
});

test("letters in another order are another body's acronym", () => {
  assert.equal(fit("pki", "kalinov precision instruments"), 0);
  assert.equal(fit("kip", "kalinov precision instruments"), 0);
  assert.equal(fit("ftb", "bank first trade"), 0);
});

test("words giving several letters fit less than one initial each", () => {
  const tekmash = fit("tekmash", "tekhnicheskoe mashinostroenie");
  assert.ok(tekmash > 0.8 && tekmash < 1, String(tekmash));
  const sovkomflot = fit("sovkomflot", "sovremenny kommercheskiy flot");
  assert.ok(sovkomflot > 0.7 && sovkomflot < tekmash, String(sovkomflot));
});

test("legal forms and small words after the acronym are not words left out", () => {
  assert.equal(fit("kpi", "kalinov precision instruments ltd"), 1);
  assert.equal(fit("kpi", "kalinov precision instruments gmbh"), 1);
  assert.equal(fit("kpi", "kalinov precision instruments of the"), 1);
});

test("a legal form written out in several words after the acronym is not words left out either", () => {
  assert.equal(fit("kpi", "kalinov precision instruments joint stock company"), 1);
});

test("a name may go on for at most two words after its acronym ends", () => {
  assert.ok(fit("kpis", "kalinov precision instruments supply depot yard") > 0);
  assert.equal(fit("kpis", "kalinov precision instruments supply depot yard north"), 0);
  assert.ok(
    fit("kpis", "kalinov precision instruments supply depot") >
      fit("kpis", "kalinov precision instruments supply depot yard"),
  );
});

test("elided d' and l' give no letter of their own, and must be split off to be skipped", () => {
  const { words } = tokenizeName("Office de l'Energie Atomique", "organization");
  assert.equal(acronymFit("oea", words), 1);
  assert.equal(acronymFit("odlea", words), 1);
  // Run together, l'Energie would give an L.
  assert.equal(fit("oea", "office de lenergie atomique"), 0);
});

test("only short words of letters are acronyms, and only of names of two words or more", () => {
  assert.ok(acronymShaped("kpi"));
  assert.ok(!acronymShaped("k"));
  assert.ok(!acronymShaped("kpi1"));
  assert.ok(!acronymShaped("abcdefghijk"));
  assert.equal(fit("k", "kalinov precision"), 0);
  assert.equal(fit("kpi", "kalinov"), 0);
  assert.equal(fit("constructor", "constructor"), 0);
});

test("end to end: an acronym finds the name it stands for, both ways, not another", () => {
  assert.ok(org("KPI", "Kalinov Precision Instruments") > DEFAULT_THRESHOLD);
  assert.ok(org("Kalinov Precision Instruments Ltd", "KPI") > DEFAULT_THRESHOLD);
  assert.ok(org("OEA", "Office de l'Energie Atomique") > DEFAULT_THRESHOLD);
  assert.ok(org("PKI", "Kalinov Precision Instruments") < DEFAULT_THRESHOLD);
  // A name's own acronym in brackets is that name's, not one to read off other names.
  assert.ok(org("Kalinov Precision Instruments (KPI)", "KPI") > DEFAULT_THRESHOLD);
  assert.ok(org("Kalinov Precision Instruments (KPI)", "Karsk Petroleum Industries") < 0.5);
});

test("an acronym of the name in its own language reads off the English name", () => {
  // Gosudarstvennaya Transportnaya Lizingovaya Kompaniya; Bank für Internationalen Zahlungsausgleich.
  assert.ok(fit("gtlk", "state transport leasing company pjsc") > 0.9);
  assert.ok(fit("biz", "bank for international settlements") > 0.9);
  // Arabic article and "and the" left out; an Arabic name read in English (Group for the Support…).
  assert.ok(fit("jnim", "jamaat nusrat al islam wal muslimin") > 0.9);
  assert.ok(fit("gsim", "jamaat nusrat al islam wal muslimin") > 0.9);
  // Contra-inteligencia gives two letters.
  assert.ok(fit("dgcim", "direccion general de contrainteligencia militar") > 0.9);
});

test("another language's order: head noun first, a phrase mirrored, the 'of' part first", () => {
  // Sluzhba Vneshney Razvedki; Banque des Règlements Internationaux; Banque Européenne pour la
  // Reconstruction et le Développement; Partiya Karkerên Kurdistanê; Moskovskiy Kreditnyy Bank;
  // Rossiyskiy Fond Pryamykh Investitsiy.
  assert.ok(fit("svr", "foreign intelligence service of the russian federation") > 0.8);
  assert.ok(fit("bri", "bank for international settlements") > 0.8);
  assert.ok(fit("berd", "european bank for reconstruction and development") > 0.8);
  assert.ok(fit("pkk", "kurdistan workers party") > 0.8);
  assert.ok(fit("mkb", "credit bank of moscow pjsc") > 0.8);
  assert.ok(fit("rfpi", "russian direct investment fund") > 0.8);
  // Less than the name's own acronym.
  assert.ok(
    fit("svr", "foreign intelligence service") < fit("fis", "foreign intelligence service"),
  );
});

test("the name's own initials in another order stay another body's acronym", () => {
  assert.equal(fit("bsi", "bank for international settlements"), 0);
  assert.equal(fit("fda", "allied democratic forces"), 0);
  assert.equal(fit("mom", "ocean maritime management company"), 0);
  assert.equal(fit("ebdi", "export development bank of iran"), 0);
  assert.equal(fit("kap", "korean peoples army"), 0);
  // Nor does a translation give several letters a word in another order (SAHA is another company).
  assert.equal(fit("saha", "iran aircraft manufacturing industrial company"), 0);
});

test("a short acronym proves little: no country left out with a legal form's letter, no stop at 'and'", () => {
  assert.equal(fit("kbc", "korea kwangson banking corporation"), 0);
  assert.ok(fit("kkbc", "korea kwangson banking corporation") > 0.9);
  assert.ok(fit("lh", "korea land and housing corporation") > 0.9);
  assert.equal(fit("moi", "ministry of intelligence and security"), 0);
  assert.ok(fit("mois", "ministry of intelligence and security") > 0.9);
  assert.ok(fit("casc", "china aerospace science and technology corporation") > 0.8);
});

test("a country is left out at the start or the end of an acronym, not between its letters", () => {
  assert.equal(fit("etesa", "empresa de telecomunicaciones de cuba sa"), 0);
  assert.ok(fit("etecsa", "empresa de telecomunicaciones de cuba sa") > 0.8);
  assert.ok(fit("norinco", "china north industries corporation") > 0.8);
});

test("end to end: an acronym in the name's own language", () => {
  assert.ok(org("GTLK", "State Transport Leasing Company PJSC") > DEFAULT_THRESHOLD);
  assert.ok(
    org("SVR", "Foreign Intelligence Service of the Russian Federation") > DEFAULT_THRESHOLD,
  );
  assert.ok(org("BSI", "Bank for International Settlements") < DEFAULT_THRESHOLD);
  assert.ok(org("PAO Moskovskiy Kreditnyy Bank", "Credit Bank of Moscow PJSC") > DEFAULT_THRESHOLD);
});

test("an acronym with small words' letters in lower case", () => {
  assert.ok(org("PdL", "Popolo della Libertà") > DEFAULT_THRESHOLD);
  assert.ok(org("DfID", "Department for International Development") > DEFAULT_THRESHOLD);
  assert.ok(org("PdL", "Libertà e Popolo") < DEFAULT_THRESHOLD);
});

test("an acronym leaves out the parent body after 'of', and may be written in hyphenated pieces", () => {
  assert.ok(
    scorePair(
      "Organization",
      "UFWD",
      "United Front Work Department of the Central Committee of the Chinese Communist Party",
    ).score > 0.7,
  );
  assert.ok(scorePair("Organization", "MOI", "Ministry of Intelligence and Security").score < 0.7);
  assert.ok(
    scorePair("Organization", "DHKP-C", "Revolutionary People's Liberation Party-Front").score >
      0.7,
  );
});

test("acronyms of Russian and Kurdish names against the English name", () => {
  for (const [a, b] of [
    ["GRU", "Main Intelligence Directorate"],
    ["MVD", "Ministry of Internal Affairs of the Russian Federation"],
    ["YPG", "People's Protection Units"],
  ] as const)
    assert.ok(scorePair("Organization", a, b).score > DEFAULT_THRESHOLD, `${a} ~ ${b}`);
});

test("a Turkish body's acronym and name against its English name", () => {
  assert.ok(
    scorePair("Organization", "SSB", "PRESIDENCY OF DEFENSE INDUSTRIES").score > DEFAULT_THRESHOLD,
  );
});
