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
