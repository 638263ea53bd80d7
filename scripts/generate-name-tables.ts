/**
 * Writes the name tables that ship inside the package, from public data a developer has beside
 * the repository (../shared): never read at run time, so that the product stays offline.
 *
 *   node --import tsx scripts/generate-name-tables.ts [path/to/shared]
 *
 *  - src/names/data/org-types.ts: legal-form phrases (Aktiengesellschaft, Sp. z o.o., ООО,
 *    有限公司 …) in every Latin rendering the matcher makes of them, with the short form they are
 *    compared by and their generic kind (LLC, JSC …), from opensanctions/rigour org_types.yml (MIT);
 *  - src/names/data/nicknames.ts: English given names with their nicknames, from
 *    carltonnorthern/nicknames (Apache-2.0);
 *  - src/names/data/org-symbols.ts: words of organisations' names in many languages grouped by
 *    meaning, from opensanctions/rigour symbols.yml (MIT).
 * Each file carries their licence notice; src/names/data/NOTICE.md has the full texts' origin.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { foldName } from "../src/names/normalize.ts";
import { latinVariants } from "../src/names/romanize.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = path.resolve(process.argv[2] ?? path.join(ROOT, "../shared"));
const OUT = path.join(ROOT, "src/names/data");

/**
 * Phrases rigour lists as organisation types that are also everyday words of organisation names:
 * setting them aside would make "Korea Cooperation Bank" and "Korea Bank" one name.
 */
const ORDINARY_WORDS = new Set([
  "cooperation",
  "cooperative",
  "charity",
  "nonprofit",
  "partnership",
  "unlimited",
  "limite",
  "fund",
  "foundation",
  "trust",
  "society",
  "association",
  "institute",
  "group",
  "bank",
  // English words and Chinese, Korean and Vietnamese name parts that are also short forms.
  "too",
  "yet",
  "spa",
  "kor",
  "dou",
  "gou",
  "ano",
  "ong",
  "ngo",
  "mau",
  "mou",
  "sad",
  "jp",
  "korporeshn",
]);

/**
 * Two-letter forms are kept only when they are well-known legal forms: most others (in, of, no,
 * yu, gu, ro …) are also words and name syllables.
 */
const SHORT_FORMS = new Set([
  "ag",
  "kg",
  "bv",
  "nv",
  "sa",
  "oy",
  "ab",
  "as",
  "pt",
  "cv",
  "jv",
  "se",
  "ao",
  "ad",
  "dd",
  "ky",
  "ou",
]);

/** Forms rigour does not list yet, written here: [phrase, compared form, generic kind]. */
const SUPPLEMENT: Array<[string, string, string]> = [
  ["allmennaksjeselskap", "asa", "JSC"],
  // Russian state enterprises and research-and-production associations written out (rigour
  // compares NPO as it compares an NGO).
  ["federal state unitary enterprise", "fgup", "SOE"],
  ["federalnoye gosudarstvennoye unitarnoye predpriyatiye", "fgup", "SOE"],
  ["federalnoe gosudarstvennoe unitarnoe predpriyatie", "fgup", "SOE"],
  ["state unitary enterprise", "gup", "SOE"],
  ["gosudarstvennoye unitarnoye predpriyatiye", "gup", "SOE"],
  ["gosudarstvennoe unitarnoe predpriyatie", "gup", "SOE"],
  ["municipal unitary enterprise", "mup", "SOE"],
  ["federal state budgetary institution", "fgbu", "SOE"],
  ["scientific production association", "ngo", "NGO"],
  ["scientific and production association", "ngo", "NGO"],
  ["research and production association", "ngo", "NGO"],
  ["nauchno proizvodstvennoye obyedineniye", "ngo", "NGO"],
  ["nauchno proizvodstvennoe obedinenie", "ngo", "NGO"],
  // French one-member forms: a SARL or SAS with a single partner is the same kind of company.
  ["sarlu", "sarl", "LLC"],
  ["sasu", "sas", "LLC"],
  ["asa", "asa", "JSC"],
  ["aksjeselskap", "as", "LLC"],
  ["sociedad anonima bursatil de capital variable", "sabcv", "JSC"],
  ["s a b de c v", "sabcv", "JSC"],
  ["sab de cv", "sabcv", "JSC"],
  ["private limited", "pvtltd", "LLC"],
  ["private limited company", "pvtltd", "LLC"],
  ["pvt ltd", "pvtltd", "LLC"],
  ["public company limited", "pcl", "JSC"],
  ["pcl", "pcl", "JSC"],
  ["terbuka", "tbk", "JSC"],
  ["tbk", "tbk", "JSC"],
  ["naamloze vennootschap", "nv", "JSC"],
  ["besloten vennootschap", "bv", "LLC"],
  ["besloten vennootschap met beperkte aansprakelijkheid", "bv", "LLC"],
  ["yugen kaisha", "yk", "LLC"],
  ["with limited liability", "wll", "LLC"],
  // A Russian or Belarusian state group (Belneftekhim Concern): a loose word like "Company".
  ["concern", "concern", ""],
  ["kontsern", "concern", ""],
  ["konzern", "concern", ""],
  ["wll", "wll", "LLC"],
  ["cong ty tnhh", "tnhh", "LLC"],
  ["cong ty trach nhiem huu han", "tnhh", "LLC"],
  ["tnhh", "tnhh", "LLC"],
  ["gufen youxian gongsi", "gfyxgs", "JSC"],
  ["youxian gongsi", "yxgs", "LLC"],
  ["youxian zeren gongsi", "yxgs", "LLC"],
  // The same after gongsi is read "company" (org-vocabulary.ts): 股份有限公司, 有限责任公司.
  ["gufen youxian company", "gfyxgs", "JSC"],
  ["youxian zeren company", "yxgs", "LLC"],
  ["gufen company", "gfyxgs", "JSC"],
  ["gesellschaft mit beschrankter haftung compagnie kommanditgesellschaft", "gmbhcokg", "LP"],
  ["gesellschaft mit beschrankter haftung co kommanditgesellschaft", "gmbhcokg", "LP"],
  ["yk", "yk", "LLC"],
  ["kabushiki kaisha", "kk", "JSC"],
  ["kk", "kk", "JSC"],
  ["godo kaisha", "gk", "LLC"],
  ["sociedad anonima de capital variable", "sacv", "JSC"],
  ["akcionernoe obshchestvo", "ao", "JSC"],
  ["aktsionernoye obshchestvo", "ao", "JSC"],
  ["aktsionernoe obschestvo", "ao", "JSC"],
  ["akcionernoe obschestvo", "ao", "JSC"],
  ["publichnoe aktsionernoe obshchestvo", "pao", "JSC"],
  ["publichnoye aktsionernoye obshchestvo", "pao", "JSC"],
  ["publichnoe aktsionernoe obschestvo", "pao", "JSC"],
  ["otkrytoe aktsionernoe obshchestvo", "oao", "JSC"],
  ["otkrytoye aktsionernoye obshchestvo", "oao", "JSC"],
  ["zakrytoe aktsionernoe obshchestvo", "zao", "JSC"],
  ["zakrytoye aktsionernoye obshchestvo", "zao", "JSC"],
  // Kazakhstan's and Kyrgyzstan's ТОО, a limited liability partnership, as registers abbreviate it.
  ["too", "too", "LLP"],
  // Belarus's ОДО, an additional liability company.
  ["additional liability company", "odo", "LLC"],
  ["obshchestvo s dopolnitelnoy otvetstvennostyu", "odo", "LLC"],
  ["obshchestvo s dopolnitelnoi otvetstvennostyu", "odo", "LLC"],
  // Gulf single-person companies and Nordic partnerships, as Bahraini, Omani, Norwegian and
  // Danish registers print them.
  ["spc", "spc", "SP"],
  ["s p c", "spc", "SP"],
  ["single person company", "spc", "SP"],
  ["ans", "ans", "GP"],
  ["ansvarlig selskap", "ans", "GP"],
  ["interessentskab", "is", "GP"],
  ["i s", "is", "GP"],
  // Polish partnerships: spółka jawna, komandytowa, partnerska, komandytowo-akcyjna.
  ["sp j", "spj", "GP"],
  ["sp k", "spk", "LP"],
  ["sp p", "spp", "GP"],
  ["s k a", "ska", "LP"],
  // Readings of 주식회사, 유한회사 and ГмбХ that the romanisers' variant cap can leave out.
  ["chusik hoesa", "jusikhoesa", "JSC"],
  ["jusik hoesa", "jusikhoesa", "JSC"],
  ["yuhan hoesa", "yu", "LLC"],
  ["g m b kh", "gmbh", "LLC"],
  // A vessel's type before its name (M/T DOVER, MV Wise Honest): it names no legal person, and
  // org-types.ts counts it among the loose forms that tell nothing.
  ["mt", "mv", ""],
  ["m t", "mv", ""],
  ["mv", "mv", ""],
  ["m v", "mv", ""],
  ["ms", "mv", ""],
  ["m s", "mv", ""],
  ["ss", "mv", ""],
  ["motor tanker", "mv", ""],
  ["motor vessel", "mv", ""],
];

/**
 * Phrases rigour files under a form they are not: the Brazilian and Portuguese Limitada is not
 * the loose English "Ltd", which says nothing, but a form of its own.
 */
const OVERRIDES: Array<[string, string, string]> = [
  ["ltda", "ltda", "LLC"],
  ["limitada", "ltda", "LLC"],
  ["sociedade limitada", "ltda", "LLC"],
];

interface OrgType {
  display?: string;
  compare?: string;
  generic?: string;
  aliases?: string[];
}

function tokens(text: string): string[] {
  return foldName(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isLatin(text: string): boolean {
  return !/[^\p{Script=Latin}\p{P}\p{Zs}\p{N}\p{M}]/u.test(text);
}

function orgTypeRows(): string[][] {
  const file = path.join(SHARED, "data/reference/rigour/resources/names/org_types.yml");
  const data = parseYaml(readFileSync(file, "utf8")) as { types: OrgType[] };
  const rows = new Map<string, [string, string]>();
  // Phrases written in Latin letters claim first; readings of other scripts (股份有限公司 read
  // as "co ltd") come after, or "Limited" would take the kind of a Chinese joint-stock form.
  for (const latinPass of [true, false]) {
    for (const type of data.types) {
      const aliases = [...(type.aliases ?? []), ...(type.display ? [type.display] : [])];
      const compareFrom = type.compare ?? type.display ?? type.aliases?.[0] ?? "";
      const compare = tokens(compareFrom).join("");
      if (!compare) continue;
      for (const alias of aliases) {
        if (isLatin(alias) !== latinPass) continue;
        for (const latin of latinVariants(alias)) {
          const phrase = tokens(latin).join(" ");
          if (!phrase || ORDINARY_WORDS.has(phrase)) continue;
          if (phrase.length <= 2 && !SHORT_FORMS.has(phrase)) continue;
          // The first type to claim a phrase keeps it: rigour lists the main reading first.
          if (!rows.has(phrase)) rows.set(phrase, [compare, type.generic ?? ""]);
        }
      }
    }
  }
  for (const [phrase, compare, generic] of SUPPLEMENT)
    if (!rows.has(phrase)) rows.set(phrase, [compare, generic]);
  for (const [phrase, compare, generic] of OVERRIDES) rows.set(phrase, [compare, generic]);
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([phrase, [compare, generic]]) => [phrase, compare, generic]);
}

function nicknameGroups(): string[] {
  const file = path.join(SHARED, "data/names/nicknames/names.csv");
  const rows = parseCsv(readFileSync(file), { columns: true }) as Array<Record<string, string>>;
  const groups = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.relationship !== "has_nickname") continue;
    const name = tokens(row.name1 ?? "").join("");
    const nickname = tokens(row.name2 ?? "").join("");
    if (!name || !nickname) continue;
    const group = groups.get(name) ?? new Set([name]);
    group.add(nickname);
    groups.set(name, group);
  }
  return [...groups.values()].map((g) => [...g].join(" ")).sort();
}

/**
 * Groups of rigour's symbols.yml that are not words of the same meaning: legal forms and their
 * parts (co, corp, partner), words that mark a kind of listing rather than the body (nominee, in
 * liquidation, so-called) and whole bodies' names (CIA, IRGC), which are aliases, not words.
 */
const SKIPPED_SYMBOL_GROUPS = new Set(
  `co corp partner bros nominee spv private public associates liquidation repoff named socalled
  branch skb instrmak tpb npp snco nbco alqaeda hezbollah irgc pla ccp cia tv invfund stockexch
  diamond jewelry world global house royal wine hotel restaurant casino museum theater culture
  social united media crypto cartel capital trust city base special`.split(/\s+/),
);

/**
 * Words of the table that are as often a brand or a person's name as the word they translate
 * (Marina, Chang, Brilliant): translated, two different companies would read alike.
 */
const NAME_LIKE_SYMBOLS = new Set(["marina", "chang", "brilliant", "almaz", "almas", "zoloto"]);
/** Shorter words are too often names or syllables of names (Mir, Casa, Reis, Mali). */
const MIN_SYMBOL_LENGTH = 5;

/** The English word a group stands for, where rigour's key is an abbreviation. */
const SYMBOL_GROUP_WORD: Record<string, string> = {
  org: "organization",
  coop: "cooperative",
  assoc: "association",
  ngo: "ngo",
  dept: "department",
  intl: "international",
  grp: "group",
  mgmt: "management",
  fed: "federal",
  natl: "national",
  allrussian: "allrussian",
  repu: "republic",
  fdn: "foundation",
  dev: "development",
  gov: "government",
  tech: "technology",
  intel: "intelligence",
  lab: "laboratory",
  eng: "engineering",
  comms: "communications",
  distrib: "distribution",
  auto: "automobile",
};

/**
 * Words of organisations' names in many languages, grouped by meaning (bank: banco, banque,
 * банк …), each in the Latin renderings the matcher makes of it. Words that are part of a legal
 * form phrase are left out: those phrases are recognised before words are translated.
 */
function orgSymbolRows(legalFormPhrases: string[]): string[] {
  const file = path.join(SHARED, "data/reference/rigour/resources/names/symbols.yml");
  const data = parseYaml(readFileSync(file, "utf8")) as Record<string, Record<string, string[]>>;
  const legalWords = new Set(legalFormPhrases.flatMap((phrase) => phrase.split(" ")));
  const groupsOf = new Map<string, Set<string>>();
  const groups = new Map<string, Set<string>>();
  for (const section of ["org_symbols", "org_domains"]) {
    for (const [key, aliases] of Object.entries(data[section] ?? {})) {
      if (SKIPPED_SYMBOL_GROUPS.has(key)) continue;
      const word = SYMBOL_GROUP_WORD[key] ?? key;
      const words = groups.get(word) ?? new Set<string>();
      for (const alias of aliases ?? []) {
        for (const latin of latinVariants(String(alias))) {
          const parts = tokens(latin);
          if (parts.length !== 1) continue;
          const variant = parts[0]!;
          if (
            variant.length < MIN_SYMBOL_LENGTH ||
            NAME_LIKE_SYMBOLS.has(variant) ||
            legalWords.has(variant) ||
            /\d/.test(variant)
          )
            continue;
          words.add(variant);
          groupsOf.set(variant, (groupsOf.get(variant) ?? new Set()).add(word));
        }
      }
      groups.set(word, words);
    }
  }
  // A word rigour files under two meanings (corporation: company and corporation) says neither.
  return [...groups.entries()]
    .map(([word, words]) =>
      [word, ...[...words].filter((w) => w !== word && groupsOf.get(w)!.size === 1).sort()].join(
        " ",
      ),
    )
    .filter((line) => line.includes(" "))
    .sort();
}

const HEADER = (source: string, licence: string): string =>
  `// Generated by scripts/generate-name-tables.ts from ${source} (${licence}); do not edit.\n` +
  `// Licence notice: src/names/data/NOTICE.md.\n`;

const orgTypes = orgTypeRows();
writeFileSync(
  path.join(OUT, "org-types.ts"),
  HEADER("opensanctions/rigour resources/names/org_types.yml", "MIT") +
    `/** Legal-form phrase (folded tokens) | compared form | generic kind, one per line. */\n` +
    `export const ORG_TYPE_TABLE = ${JSON.stringify(orgTypes.map((r) => r.join("|")).join("\n"))};\n`,
);
const nicknames = nicknameGroups();
writeFileSync(
  path.join(OUT, "nicknames.ts"),
  HEADER("carltonnorthern/nicknames names.csv", "Apache-2.0") +
    `/** A given name and its nicknames, space-separated, one group per line. */\n` +
    `export const NICKNAME_TABLE = ${JSON.stringify(nicknames.join("\n"))};\n`,
);
const orgSymbols = orgSymbolRows(orgTypes.map((row) => row[0]!));
writeFileSync(
  path.join(OUT, "org-symbols.ts"),
  HEADER("opensanctions/rigour resources/names/symbols.yml", "MIT") +
    `/** An English word of organisations' names, then its other spellings and translations. */\n` +
    `export const ORG_SYMBOL_TABLE = ${JSON.stringify(orgSymbols.join("\n"))};\n`,
);
console.log(
  `org-types: ${orgTypes.length} phrases; nicknames: ${nicknames.length} groups; ` +
    `org symbols: ${orgSymbols.length} groups`,
);
