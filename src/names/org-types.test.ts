import assert from "node:assert/strict";
import { test } from "node:test";
import { legalFormOf, legalFormsDiffer, splitLegalForms, type LegalForm } from "./org-types.ts";

const split = (text: string) => {
  const { name, forms } = splitLegalForms(text.split(" "));
  return { name: name.join(" "), forms: forms.map((f) => f.compare) };
};

/** The legal form a phrase names; fails the test when the table has none. */
function form(phrase: string): LegalForm {
  const found = legalFormOf(phrase);
  assert.ok(found, `no legal form for '${phrase}'`);
  return found;
}

const differ = (a: string[], b: string[]) => legalFormsDiffer(a.map(form), b.map(form));

test("legal forms come off either edge, the longest phrase first", () => {
  assert.deepEqual(split("public joint stock company zarya"), { name: "zarya", forms: ["pjsc"] });
  assert.deepEqual(split("zarya public joint stock company"), { name: "zarya", forms: ["pjsc"] });
  assert.deepEqual(split("zarya zakrytoe aktsionernoe obshchestvo"), {
    name: "zarya",
    forms: ["zao"],
  });
  assert.deepEqual(split("zarya gmbh und co kg"), { name: "zarya", forms: ["gmbhcokg"] });
  assert.deepEqual(split("zarya sdn bhd"), { name: "zarya", forms: ["sdnbhd"] });
  assert.deepEqual(split("sp z o o zarya"), { name: "zarya", forms: ["spzoo"] });
  assert.deepEqual(split("zarya spolka z ograniczona odpowiedzialnoscia"), {
    name: "zarya",
    forms: ["spzoo"],
  });
});

test("forms at both edges, or two at one edge, all come off", () => {
  assert.deepEqual(split("ooo zarya ltd"), { name: "zarya", forms: ["ltd", "ooo"] });
  assert.deepEqual(split("zarya gmbh ag").forms.sort(), ["ag", "gmbh"]);
});

test("at least one word of the name itself is kept", () => {
  assert.deepEqual(split("sp z o o"), { name: "sp z o o", forms: [] });
  assert.deepEqual(split("gmbh"), { name: "gmbh", forms: [] });
  assert.deepEqual(split("sociedad anonima").forms, []);
});

test("forms inside a name, and ordinary words, stay", () => {
  assert.deepEqual(split("nordwind sociedad anonima holding"), {
    name: "nordwind sociedad anonima holding",
    forms: [],
  });
  assert.deepEqual(split("zarya cooperative"), { name: "zarya cooperative", forms: [] });
  assert.deepEqual(split("zarya foundation"), { name: "zarya foundation", forms: [] });
});

test("translations and spellings of one form compare as one", () => {
  assert.equal(form("aktiengesellschaft").compare, "ag");
  assert.equal(form("a g").compare, "ag");
  assert.equal(form("societe a responsabilite limitee").compare, "sarl");
  assert.equal(form("spolka z ograniczona odpowiedzialnoscia").compare, "spzoo");
  assert.equal(form("sp z oo").compare, "spzoo");
  assert.equal(form("societatea cu raspundere limitata").compare, "srl");
});

test("prototype keys name no legal form", () => {
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])
    assert.equal(legalFormOf(key), undefined, key);
  assert.deepEqual(split("constructor toString"), { name: "constructor toString", forms: [] });
});

test("legal forms of different kinds say two companies", () => {
  assert.ok(differ(["ag"], ["gmbh"]));
  assert.ok(differ(["ao"], ["ooo"]));
  assert.ok(differ(["pjsc"], ["llc"]));
  assert.ok(differ(["sa"], ["sarl"]));
});

test("translations of one kind are not a difference", () => {
  // Aktsionernoe Obshchestvo, Joint Stock Company, AO: lists translate them.
  assert.ok(!differ(["aktsionernoe obshchestvo"], ["jsc"]));
  assert.ok(!differ(["ao"], ["pjsc"]));
  assert.ok(!differ(["ooo"], ["llc"]));
  assert.ok(!differ(["aktiengesellschaft"], ["ag"]));
  // Japanese, Chinese and Vietnamese forms are printed Co., Ltd.
  assert.ok(!differ(["kabushiki kaisha"], ["co ltd"]));
  assert.ok(!differ(["youxian gongsi"], ["limited"]));
  assert.ok(!differ(["tnhh"], ["co ltd"]));
});

test("Soviet joint-stock forms are one company through its re-registrations", () => {
  assert.ok(!differ(["oao"], ["pao"]));
  assert.ok(!differ(["zao"], ["ao"]));
  assert.ok(!differ(["publichnoe aktsionernoe obshchestvo"], ["ojsc"]));
});

test("forms lists keep as they are differ from any other form", () => {
  assert.ok(differ(["gmbh"], ["llc"]));
  assert.ok(differ(["fze"], ["llc"]));
  assert.ok(differ(["wll"], ["llc"]));
  assert.ok(differ(["limited"], ["llc"]));
  assert.ok(differ(["ltd"], ["ag"]));
  assert.ok(differ(["co ltd"], ["gmbh"]));
  assert.ok(!differ(["pte ltd"], ["limited"]));
});

test("a foundation, a fund or a cooperative on one side only is another body", () => {
  assert.ok(differ(["stiftung", "gmbh"], ["gmbh"]));
  assert.ok(!differ(["stiftung"], ["stiftung"]));
});

test("one form in a country's languages is one form (Swiss AG = SA, Belgian SPRL = BVBA)", () => {
  assert.ok(!differ(["ag"], ["sa"]));
  assert.ok(!differ(["gmbh"], ["sarl"]));
  assert.ok(!differ(["sprl"], ["bvba"]));
});

test("two local forms, or two English ones, that differ are two companies", () => {
  assert.ok(differ(["llc"], ["inc"]));
  // As analysts judge them, even of one kind: SARL and SAS, GmbH and SARL, FZE and FZCO.
  assert.ok(differ(["gmbh"], ["sas"]));
  assert.ok(differ(["sas"], ["sarl"]));
  assert.ok(differ(["fze"], ["fzco"]));
  assert.ok(differ(["ab"], ["gmbh"]));
  assert.ok(differ(["llc"], ["plc"]));
});

test("no difference when one side names no form, or only loose ones", () => {
  assert.ok(!legalFormsDiffer([], [form("gmbh")]));
  assert.ok(!legalFormsDiffer([form("ag")], []));
  // Company, Co., Corp.: lists print one body's name with any of them.
  assert.ok(!legalFormsDiffer([{ compare: "co", generic: "" }], [form("ag")]));
  // normalize.ts sets Company and Corp aside as forms of their own, without a kind.
  assert.ok(!legalFormsDiffer([{ compare: "company", generic: "" }], [form("gmbh")]));
  assert.ok(!legalFormsDiffer([form("ag")], [{ compare: "corp", generic: "" }]));
  // One shared form is enough, whatever else is there.
  assert.ok(!differ(["ag", "gmbh"], ["gmbh"]));
});

test("Limited and Co., Ltd. are limited companies, not joint-stock ones", () => {
  assert.equal(form("limited").compare, "ltd");
  assert.equal(form("limited").generic, "LLC");
  assert.equal(form("co ltd").generic, "LLC");
  assert.ok(!differ(["limited"], ["co ltd"]));
});
