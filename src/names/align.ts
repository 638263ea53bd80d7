/**
 * Similarity of two prepared name forms, independent of word order and of how syllables are
 * joined (Ho-jin = Hojin = Ho Jin): tokens, and joined pairs of neighbouring short tokens, are
 * aligned one-to-one, best pairs first; each pair counts by its characters and by how alike it
 * is. Parts left over on one side only (a patronymic the query lacks) cost little once two or
 * more parts agree; parts left over on both sides are a conflict (Kim Jong Un vs Kim Yo Jong).
 */
import { distance } from "fastest-levenshtein";
import { acronymFit, acronymShaped } from "./acronym.ts";
import { jaroWinkler } from "./jaro-winkler.ts";
import { isCountryWord } from "./countries.ts";
import { isKoreanName } from "./korean-names.ts";
import { BURMESE_HONORIFICS, isBurmeseName } from "./burmese-names.ts";
import { russianAndNationalSpellings } from "./east-slavic.ts";
import { sameGivenName, samePatronymic } from "./nicknames.ts";
import { legalFormsDiffer } from "./org-types.ts";
import { seatsDiffer } from "./seats.ts";
import { GENERIC_ORG_WORDS } from "./words.ts";
import { consonantSkeleton, VOWELS } from "./phonetic.ts";
import { MAX_TOKENS, type NameUnit, type PreparedForm } from "./prepare.ts";
import { heardSimilarity, transcriptionSimilarity } from "./transcription.ts";

/** Below this similarity two parts are different names, not variants of one. */
const FLOOR = 0.72;
const CONFLICT_FACTOR = 0.9;
const SHORT_PART_PENALTY = 0.08;
const ORG_EXTRA_WORD_FACTOR = 0.85;
/** Same name, legal forms of different kinds (X AG, X GmbH): evidence of two companies. */
const LEGAL_KIND_FACTOR = 0.74;
/** A national subsidiary's country on one side only (nationalSubsidiary). */
const SUBSIDIARY_FACTOR = 0.74;
/** A South Korean seat on one side only: a namesake of a DPRK body (seats.ts). */
const SEAT_FACTOR = 0.74;
/** An acronym that reads off a name proves less than the name itself. */
const ACRONYM_FACTOR = 0.95;
/** Names whose numbers differ (Brigade 44, Brigade 45; Gold Star 2, Gold Star 3) are others. */
const NUMBER_CONFLICT_FACTOR = 0.7;
/** A number on one side only (Mi Rim 2, Mi Rim; Office 39, Office). */
const NUMBER_MISSING_FACTOR = 0.75;
/** Organisations' names whose telling words do not agree. */
const GENERIC_ONLY_FACTOR = 0.8;
/** The credit from which two telling words agree. */
const DISTINCTIVE_CREDIT = 0.5;
/** A country or "General" set aside on one side. */
const OPTIONAL_LEFT_FACTOR = 0.98;
/** Two organisations' names with different countries in them, or two persons' with different patronymics. */
const COUNTRY_CONFLICT_FACTOR = 0.65;
/** The fuller of two names begins with a given name the other lacks. */
const GIVEN_LEFT_OUT_FACTOR = 0.8;
/** A Burmese name against one with a part more (burmese-names.ts). */
const BURMESE_EXTRA_FACTOR = 0.8;
/** A kunya (Abu Yusuf) on one side only. */
const KUNYA_FACTOR = 0.75;
/** A person's name parts in an order no list writes one name in. */
const ORDER_FACTOR = 0.75;
/** Both names with parts left over, one of them an initial. */
const INITIAL_CONFLICT_FACTOR = 0.75;
/** The credit of an initial that agrees with a name part (J. ~ John). */
const INITIAL_CREDIT = 0.7;
/** A name with the Arabic article joined on (Albaghdadi, Baghdadi). */
const ARTICLE_SIMILARITY = 0.95;
/** A name and its other gender's form (Alexandra, Alexander; Ivanova, Ivanov): another person. */
const GENDER_FORM_SIMILARITY = 0.78;
/** A person's name part spelt with other vowels in the same places. */
const VOWEL_VARIANT_SIMILARITY = 0.95;
/** A given name and its familiar form (Bill, William). */
const NICKNAME_SIMILARITY = 0.95;
/** A Belarusian or Ukrainian spelling against the Russian one (Halouchanka, Golovchenko). */
const EAST_SLAVIC_SIMILARITY = 0.95;

export interface AlignedPair {
  query: string;
  candidate: string;
  similarity: number;
}

export interface Alignment {
  score: number;
  pairs: AlignedPair[];
  /** What else moved the score, in words (an acronym read off, legal forms that differ). */
  notes?: string[];
}

/**
 * Words of bodies' names that spell alike and mean the opposite (Import, Export; Northern,
 * Southern): never spellings of each other.
 */
const OPPOSITES = new Map(
  [
    ["import", "export"],
    ["importing", "exporting"],
    ["importer", "exporter"],
    ["north", "south"],
    ["northern", "southern"],
    ["east", "west"],
    ["eastern", "western"],
    ["upper", "lower"],
    ["inner", "outer"],
    ["internal", "external"],
  ].flatMap(([a, b]) => [
    [a!, b!],
    [b!, a!],
  ]),
);

/** How alike two parts are, from their spelling and their phonetic keys. */
export function partSimilarity(a: string, b: string, keyA: string, keyB: string): number {
  if (a === b) return 1;
  if (sameGivenName(a, b, keyA, keyB) || samePatronymic(a, b)) return NICKNAME_SIMILARITY;
  if (withArticle(a, b) || withArticle(b, a)) return ARTICLE_SIMILARITY;
  if (OPPOSITES.get(a) === b) return 0;
  // Numbers in names (Office 39, 2nd Economic Committee) are equal or different, never alike.
  if (isDigit(a.charCodeAt(0)) || isDigit(b.charCodeAt(0))) return 0;
  if (keyA === keyB && a.length > 1 && b.length > 1) return 0.97;
  if (keyA === keyB && (a.length > 1 || b.length > 1)) return 0.95;
  if (aspiratesOnlyDiffer(a, b)) return 0.95;
  if (russianAndNationalSpellings(a, b)) return EAST_SLAVIC_SIMILARITY;
  if (a.length === 1 || b.length === 1) {
    // An initial stands for any part with that first letter, but proves little.
    return a[0] === b[0] ? 0.85 : 0;
  }
  // Short parts pay a length penalty below; when it alone sinks them, skip the comparison.
  const shortestLength = Math.min(a.length, b.length);
  if (shortestLength <= 3 && 1 - 0.12 * Math.abs(a.length - b.length) - SHORT_PART_PENALTY < FLOOR)
    return 0;
  const spelled = jaroWinkler(a, b);
  // The phonetic keys can only help when they differ from the spellings and could beat them.
  const sounded = spelled < 0.95 && (keyA !== a || keyB !== b) ? jaroWinkler(keyA, keyB) * 0.95 : 0;
  let similarity = Math.max(spelled, sounded);
  // Jaro–Winkler rewards a shared beginning, which in names built of syllables (Kangson,
  // Kangbong; Chilsong, Chilbosan) says little: the share of letters to change, by spelling or by
  // sound, bounds it.
  if (Math.min(a.length, b.length) > 4)
    similarity = Math.min(similarity, editSimilarity(a, b, keyA, keyB));
  // Jaro–Winkler rates a short part inside a longer one highly ("un" in "jung"); short name
  // parts must differ in length little to be variants of each other.
  // Korean syllables a letter apart are usually other syllables (Jon/Jong, Pak/Paek): short
  // parts whose phonetic keys differ are held to a stricter standard.
  const shortest = Math.min(a.length, b.length);
  const edit = singleEdit(a, b);
  // One letter off in a long part is a spelling (Nomchongang, Namchongang); one consonant off in
  // a short one is another name (Daesong, Daedong; Yong, Pyong).
  if (edit === "substitution" && shortest >= 10) return Math.max(similarity, 0.95);
  if (
    (edit === "consonant" && shortest <= 7) ||
    edit === "leading-consonant" ||
    edit === "final-consonant"
  )
    return Math.min(similarity, SYLLABLE_CONFLICT);
  if (shortest > 4) return similarity;
  const lengthPenalty = shortest <= 3 ? 0.12 * Math.abs(a.length - b.length) : 0;
  return similarity - lengthPenalty - SHORT_PART_PENALTY;
}

/**
 * The DPRK and McCune–Reischauer aspirates written with and without their h (Unpha, Unpa,
 * Ŭnp'a; Thongil, Tongil; Khang, Kang): one syllable either way.
 */
function aspiratesOnlyDiffer(a: string, b: string): boolean {
  if (a.length === b.length || Math.min(a.length, b.length) < 3) return false;
  if (!a.includes("h") && !b.includes("h")) return false;
  const plain = (part: string) => part.replace(/([ptk])h/g, "$1");
  return plain(a) === plain(b);
}

/** Whether a form's last part is a country left out of the comparison before its legal form. */
function nationalSubsidiary(form: PreparedForm, left: number, optionalWeight: number): boolean {
  if (optionalWeight === 0 || form.legalForms.length === 0) return false;
  const last = Math.min(form.tokens.length, MAX_TOKENS) - 1;
  return last > 0 && (left & (1 << last)) !== 0 && form.tokens[last] !== "general";
}

/** Below the floor: two short parts a consonant apart are different names. */
const SYLLABLE_CONFLICT = 0.7;
/** How far the edit-distance bound sits above the share of letters left unchanged. */
const EDIT_ALLOWANCE = 0.1;

function consonants(part: string): string {
  return part.replace(/[aeiou]/g, "").replace(/(.)\1+/g, "$1");
}

function editSimilarity(a: string, b: string, keyA: string, keyB: string): number {
  const bySpelling = 1 - distance(a, b) / Math.max(a.length, b.length);
  const bySound = 1 - distance(keyA, keyB) / Math.max(keyA.length, keyB.length, 1);
  // Transliterations differ most in vowels (Youssef, Yusuf; Centre, Center): the same consonants
  // in the same order lift the bound (w and y are kept: Paekhwa is not Paekho).
  const bound = Math.max(bySpelling, bySound) + EDIT_ALLOWANCE;
  if (bound >= 1) return bound;
  const ca = consonants(a);
  return ca.length >= 3 && ca === consonants(b) ? 1 : bound;
}

function withArticle(long: string, short: string): boolean {
  return (
    long.length === short.length + 2 &&
    short.length >= 4 &&
    (long.startsWith("al") || long.startsWith("el")) &&
    long.endsWith(short)
  );
}

/** Endings that make a woman's name or family name of a man's (Slavic, Latin). */
const FEMININE_ENDINGS: Array<[string, string]> = [
  ["", "a"],
  ["o", "a"],
  ["ij", "aja"],
  ["y", "aya"],
  ["iy", "aya"],
  ["ski", "ska"],
  ["sky", "skaya"],
  ["er", "ra"],
  ["", "le"],
  ["", "ne"],
  // A patronymic against a family name of the same stem (Ivanovna, Ivanova; Petrovich, Petrov).
  ["ova", "ovna"],
  ["eva", "evna"],
  ["ov", "ovich"],
  ["ev", "evich"],
];

/** Same length, same consonants in the same places, at most two vowels changed, four letters up. */
function vowelsOnlyDiffer(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4 || a === b) return false;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!VOWELS.includes(a[i]!) || !VOWELS.includes(b[i]!) || ++changed > 2) return false;
    // In a syllable or two, a against o or u is another vowel, not another spelling of one
    // (Korean Jang, Jong; Pak, Pok), while o and u, e and i, a and e are (Chol, Chul; Ahmad, Ahmed).
    if (a.length < 6 && (a[i] === "a" || b[i] === "a") && /[ou]/.test(a[i]! + b[i]!)) return false;
    // Nor, in any length, a against i: Arabic Falah and Falih, Wissam and Wassim are two names.
    if ((a[i] === "a" && b[i] === "i") || (a[i] === "i" && b[i] === "a")) return false;
  }
  return true;
}

/** A given name cut short (Piet, Pieter; Kuda, Kudakwashe): likely, not certain, the same. */
const SHORTENED_SIMILARITY = 0.88;
const MIN_SHORTENED = 4;

function shortened(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_SHORTENED && long.length - short.length >= 2 && long.startsWith(short);
}

/**
 * Two-letter spellings of one vowel sound and the one letter they stand for (Haibatullah,
 * Hibatullah; Oumar, Omar; Raheem, Rahim). Two vowels of two syllables (Di-a-na, La-u-ra) are
 * not among them.
 */
const LONG_VOWELS = new Map([
  ["ai", ["i", "a"]],
  ["ei", ["i", "e"]],
  ["ou", ["u", "o"]],
  ["oo", ["u", "o"]],
  ["ee", ["i", "e"]],
  ["aa", ["a"]],
  ["ii", ["i"]],
  ["uu", ["u"]],
]);

function sameVowelRun(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return LONG_VOWELS.get(long)?.includes(short) ?? false;
}

/** A part as runs of vowels and of consonants, doubled letters single. */
function vowelAndConsonantRuns(part: string): string[] {
  return (
    part
      .replace(/(.)\1+/g, "$1")
      // y closing a vowel is the vowel's second letter (Bayden, Baiden; Husayn keeps its y before a vowel).
      .replace(/(?<=[aeiou])y(?![aeiou])/g, "i")
      // Russian ё after a consonant, yo or e (Kiselyov, Kiselev; Fyodor, Fedor).
      .replace(/(?<=[^aeiouy])yo/g, "e")
      .match(/[aeiou]+|[^aeiou]+/g) ?? []
  );
}

/**
 * The same consonants with vowels written with more or fewer letters (Haibatullah, Hibatullah;
 * Oumar, Omar; Nour, Nur; Raheem, Rahim; Bayden, Biden), doubled consonants aside: one name. Other vowels
 * (Hassan, Hussein) are not.
 */
function vowelRunsDiffer(a: string, b: string): boolean {
  // One name's spellings begin alike (Oumar, Omar; Youssef, Yusuf): a cheap test before the runs.
  if (a.length === b.length || Math.max(a.length, b.length) < 5 || a[0] !== b[0]) return false;
  const ra = vowelAndConsonantRuns(a);
  const rb = vowelAndConsonantRuns(b);
  if (ra.length !== rb.length || ra.length < 3) return false;
  let changed = 0;
  for (let i = 0; i < ra.length; i++) {
    if (ra[i] === rb[i]) continue;
    if (!/^[aeiou]/.test(ra[i]!) || !sameVowelRun(ra[i]!, rb[i]!) || ++changed > 2) return false;
  }
  return true;
}

/** Phonetic keys that differ only in o against u (Deok, Duck, Tok: 덕): Korean ㅓ and ㅗ written both ways. */
function keysDifferInOU(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3 || a === b) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(/[ou]/.test(a[i]!) && /[ou]/.test(b[i]!))) return false;
  }
  return true;
}

function isGenderPair(a: string, b: string): boolean {
  return a !== b && (genderForms(a, b) || genderForms(b, a));
}

/** Whether `female` is `male` with a feminine ending (Ivanov → Ivanova, Alexander → Alexandra). */
function genderForms(male: string, female: string): boolean {
  if (male.length < 4) return false;
  for (const [from, to] of FEMININE_ENDINGS) {
    if (!male.endsWith(from) || !female.endsWith(to)) continue;
    if (male.slice(0, male.length - from.length) === female.slice(0, female.length - to.length))
      return true;
  }
  return false;
}

/**
 * How two parts differ when they differ by one letter: "consonant" for one consonant put for
 * another, "substitution" for any other letter put for another (not the first), and
 * "leading-consonant" when one is the other with a consonant in front. Undefined otherwise.
 */
function singleEdit(
  a: string,
  b: string,
): "consonant" | "substitution" | "leading-consonant" | "final-consonant" | undefined {
  if (a.length === b.length) {
    let at = -1;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (at !== -1) return undefined;
      at = i;
    }
    if (at === -1) return undefined;
    if (!VOWELS.includes(a[at]!) && !VOWELS.includes(b[at]!)) return "consonant";
    return at > 0 ? "substitution" : undefined;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return undefined;
  let at = 0;
  while (at < short.length && short[at] === long[at]) at++;
  if (long.slice(at + 1) !== short.slice(at)) return undefined;
  const letter = long[at]!;
  // An h marks a digraph or a breath (Ivanovich, Ivanovic; Fayyadh, Fayyad), not another syllable.
  if (VOWELS.includes(letter) || letter === "h") return undefined;
  if (at === 0) return "leading-consonant";
  // A doubled letter (Chollima, Cholima) or a plural s (Tradings) is a spelling; another
  // consonant is another syllable (Sinara, Sintara; Huaxin, Huaxing).
  if (letter === long[at - 1] || letter === long[at + 1]) return undefined;
  if (letter === "s" && at === short.length) return undefined;
  // A w or y between two vowels is a glide that spellings write or leave out (Howayek, Hoayek).
  if (
    (letter === "w" || letter === "y") &&
    at + 1 < long.length &&
    VOWELS.includes(long[at - 1]!) &&
    VOWELS.includes(long[at + 1]!)
  )
    return undefined;
  // A consonant added at the end is another ending in any length (Golovchenko, Golovchenkov).
  return at === short.length ? "final-consonant" : "consonant";
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function credit(similarity: number): number {
  return similarity < FLOOR ? 0 : (similarity - FLOOR) / (1 - FLOOR);
}

interface Candidate {
  q: NameUnit;
  c: NameUnit;
  sim: number;
}

/** Pairs remembered before the cache starts afresh (some 40 MB at most). */
const CACHE_LIMIT = 500_000;

/**
 * Part similarities remembered across queries. Name parts follow a steep frequency curve in
 * lists and customer files alike (Kim, Mohammad, Trading), so most pairs recur; a pair's
 * similarity depends only on the two parts' spellings and phonetic keys.
 */
export class SimilarityCache {
  private readonly byQueryPart = new Map<string, Map<string, number>>();
  private size = 0;

  similarity(q: NameUnit, c: NameUnit): number {
    const qId = (q.id ??= unitId(q));
    const cId = (c.id ??= unitId(c));
    let known = this.byQueryPart.get(qId);
    if (!known) {
      known = new Map();
      this.byQueryPart.set(qId, known);
    }
    let sim = known.get(cId);
    if (sim === undefined) {
      sim = partSimilarity(q.text, c.text, q.key, c.key);
      if (this.size >= CACHE_LIMIT) {
        this.byQueryPart.clear();
        this.size = 0;
        this.byQueryPart.set(qId, known);
        known.clear();
      }
      known.set(cId, sim);
      this.size++;
    }
    return sim;
  }
}

/** A part's spelling and key in one string; most keys differ from the spelling. */
function unitId(unit: NameUnit): string {
  return unit.key === unit.text ? unit.text : `${unit.text}\u0000${unit.key}`;
}

/** Parts compared by their consonants, when one side was romanised from an abjad. */
function consonantSimilarity(q: NameUnit, c: NameUnit): number {
  const qc = (q.cons ??= consonantSkeleton(q.text));
  const cc = (c.cons ??= consonantSkeleton(c.text));
  let best = skeletonSimilarity(qc, cc);
  // Persian و is a v as often as a long vowel: the abjad side read both ways.
  if (best < 0.97 && (q.text.includes("w") || c.text.includes("w"))) {
    const qw = (q.consW ??= consonantSkeleton(q.text, true));
    const cw = (c.consW ??= consonantSkeleton(c.text, true));
    best = Math.max(best, skeletonSimilarity(qw, cc), skeletonSimilarity(qc, cw));
  }
  return best;
}

/** Below the floor: the long vowel an abjad would have written is missing. */
const LONG_VOWEL_MISSING = 0.7;

function unwrittenLongVowel(abjad: string, latin: string): boolean {
  return (
    abjad.length >= 3 &&
    !/[aeiouy]/.test(abjad) &&
    /[^aeiouy](?:ei|ai|ay|ey|ee)[^aeiouy]/.test(latin)
  );
}

function skeletonSimilarity(qc: string, cc: string): number {
  if (qc.length === 0 || cc.length === 0) return 0;
  if (qc === cc) return 0.97;
  return Math.min(qc.length, cc.length) >= 3 ? jaroWinkler(qc, cc) * 0.9 : 0;
}

function cachedSimilarity(
  q: NameUnit,
  c: NameUnit,
  cache: SimilarityCache | undefined,
  abjad: boolean,
): number {
  if (abjad)
    return Math.max(partSimilarity(q.text, c.text, q.key, c.key), consonantSimilarity(q, c));
  return cache ? cache.similarity(q, c) : partSimilarity(q.text, c.text, q.key, c.key);
}

export function alignForms(
  query: PreparedForm,
  candidate: PreparedForm,
  cache?: SimilarityCache,
): Alignment {
  const parts = alignParts(query, candidate, cache);
  const aligned = joinedAlignment(query, candidate, parts) ?? parts;
  if (query.kind === "person") return aligned;
  const acronym = acronymAlignment(query, candidate);
  let best = acronym && acronym.score > aligned.score ? acronym : aligned;
  if (
    (query.seat || candidate.seat) &&
    seatsDiffer(query.seat, query.tokens, candidate.seat, candidate.tokens)
  ) {
    best = {
      ...best,
      score: best.score * SEAT_FACTOR,
      notes: [...(best.notes ?? []), `seated in ${query.seat || candidate.seat} on one side only`],
    };
  }
  const differ = legalFormsDiffer(query.legalForms, candidate.legalForms);
  if (!differ) return best;
  const forms = (f: PreparedForm) => f.legalForms.map((l) => l.compare).join(" ");
  return {
    ...best,
    score: best.score * LEGAL_KIND_FACTOR,
    notes: [...(best.notes ?? []), `legal forms differ: ${forms(query)} vs ${forms(candidate)}`],
  };
}

/** Below this, names written joined or split elsewhere (MacDonald, Mac Donald) are compared whole. */
const JOINED_BELOW = 0.9;
const MIN_JOINED_LENGTH = 8;
const JOINED_EDIT_ALLOWANCE = 0.1;

/**
 * The names compared with their words run together, when they split them differently
 * (Rosoboronexport, Roso Boron Export; AbuBakr AlBaghdadi, Abu Bakr al-Baghdadi): syllable
 * joining in the alignment covers short parts only.
 */
function joinedAlignment(
  query: PreparedForm,
  candidate: PreparedForm,
  parts: Alignment,
): Alignment | undefined {
  // A person's particles (al-) count here; an organisation's legal forms do not (prepare.ts).
  if (parts.score >= JOINED_BELOW || query.joinedCount === candidate.joinedCount) return undefined;
  const q = query.joined;
  const c = candidate.joined;
  // One side written by ear in another script (팬오션 paenosyon, Pan Ocean): compared by sound,
  // whose vowels and codas make it longer.
  // Persons' parts are heard one by one (alignParts): their syllables run together meet too many.
  const heard = query.kind !== "person" && query.transcribed !== candidate.transcribed;
  if (
    Math.min(q.length, c.length) < MIN_JOINED_LENGTH ||
    (!heard && Math.abs(q.length - c.length) > 2)
  )
    return undefined;
  if (q.replace(/\D/g, "") !== c.replace(/\D/g, "")) return undefined;
  // Jaro–Winkler forgives letters swapped at the end of a long string (Kang Songman, Kang Song
  // Nam): the share of letters to change bounds it.
  let similarity = q === c ? 1 : jaroWinkler(q, c);
  if (similarity < 1 && similarity >= 0.93)
    similarity = Math.min(
      similarity,
      1 - distance(q, c) / Math.max(q.length, c.length) + JOINED_EDIT_ALLOWANCE,
    );
  if (heard && similarity < 0.93) {
    const [byEar, latin] = query.transcribed ? [q, c] : [c, q];
    // Borrowing scripts add vowels and drop nothing: the heard name is never much the shorter.
    if (byEar.length + 1 >= latin.length) similarity = transcriptionSimilarity(byEar, latin);
  }
  if (similarity < 0.93) return undefined;
  const score = 0.95 * similarity;
  if (score <= parts.score) return undefined;
  return { score, pairs: [{ query: q, candidate: c, similarity }], notes: ["words joined"] };
}

/** One side a single acronym-shaped word, the other a name of several words it abbreviates. */
function acronymAlignment(query: PreparedForm, candidate: PreparedForm): Alignment | undefined {
  const [short, long] = query.acronymLike ? [query, candidate] : [candidate, query];
  // An aside's acronym is read off its own name, not off another's (Reporters Without Borders
  // (RSF) is not the Rapid Support Forces).
  if (!short.acronymLike || long.words.length < 2 || short.aside) return undefined;
  const acronym = short.tokens.find((_, i) => (short.optional & (1 << i)) === 0)!;
  // A name with the acronym as a word of its own is compared part by part (ISIS-Sinai Province).
  if (long.tokens.includes(acronym)) return undefined;
  // A country beside the acronym must not be another than the full name's (KOMID (Iran)).
  // Optional words that are no country (General, Venture, WPK) say nothing of it.
  const countries = (form: PreparedForm) =>
    form.tokens.filter((t, i) => form.optional & (1 << i) && isCountryWord(t));
  const shortCountries = countries(short);
  if (shortCountries.length > 0 && countries(long).some((c) => !shortCountries.includes(c)))
    return undefined;
  const fit = acronymFit(acronym, long.words);
  if (fit === 0) return undefined;
  return {
    score: fit * ACRONYM_FACTOR,
    pairs: [],
    notes: [`${acronym} is read as the acronym of ${long.words.join(" ")}`],
  };
}

/** An acronym inside a longer name against the words it stands for (MSS Border Guard Bureau). */
const ACRONYM_RUN_SIMILARITY = 0.9;
/** Shorter acronyms meet a run of initials by chance too often. */
const MIN_ACRONYM_RUN = 3;

/**
 * Letters no word is made of, at most one vowel and none between consonants (KPA, WPK, IBK, not
 * Sun): how an acronym is told from a word in a name written all in capitals.
 */
function unpronounceable(text: string): boolean {
  return !/[^aeiouy][aeiouy][^aeiouy]/.test(text) && (text.match(/[aeiouy]/g) ?? []).length <= 1;
}

/**
 * Pairs of an acronym-shaped word of `short` with the run of `long`'s words whose initials it
 * spells, one letter a word (WPK Central Committee, Central Committee of the Workers' Party of
 * Korea): the run counts as one part. `swapped` when `short` is the candidate side.
 */
function acronymRuns(short: PreparedForm, long: PreparedForm, swapped: boolean): Candidate[] {
  const found: Candidate[] = [];
  const count = Math.min(long.tokens.length, MAX_TOKENS);
  // A bracketed acronym belongs to its own name (acronymAlignment).
  if (count < MIN_ACRONYM_RUN || short.aside) return found;
  const initials = (long.initialLetters ??= long.tokens
    .slice(0, count)
    .map((t) => t[0])
    .join(""));
  for (const unit of short.units) {
    const text = unit.text;
    if (unit.mask & (unit.mask - 1) || text.length < MIN_ACRONYM_RUN) continue;
    const at = initials.indexOf(text);
    if (at < 0 || !acronymShaped(text) || long.tokens.includes(text)) continue;
    if (!short.capitals.includes(text) && !unpronounceable(text)) continue;
    let mask = 0;
    let weight = 0;
    for (const unitOfLong of long.units)
      if (unitOfLong.mask & (unitOfLong.mask - 1)) continue;
      else if (unitOfLong.mask >= 1 << at && unitOfLong.mask < 1 << (at + text.length)) {
        mask |= unitOfLong.mask;
        weight += unitOfLong.weight;
      }
    const run: NameUnit = {
      text: long.tokens.slice(at, at + text.length).join(" "),
      key: "",
      mask,
      weight,
    };
    found.push(
      swapped
        ? { q: run, c: unit, sim: ACRONYM_RUN_SIMILARITY }
        : { q: unit, c: run, sim: ACRONYM_RUN_SIMILARITY },
    );
  }
  return found;
}

function alignParts(
  query: PreparedForm,
  candidate: PreparedForm,
  cache?: SimilarityCache,
): Alignment {
  const scored: Candidate[] = [];
  const abjad = query.abjad || candidate.abjad;
  // One side written by ear in another script (唐纳德 tang na de for Donald): compare sounds too.
  const heard = query.transcribed !== candidate.transcribed;
  for (const q of query.units) {
    const qJoined = (q.mask & (q.mask - 1)) !== 0;
    for (const c of candidate.units) {
      // Joined syllables meet spaced ones; joined against joined repeats what their parts found.
      const cJoined = (c.mask & (c.mask - 1)) !== 0;
      if (qJoined && cJoined) continue;
      // An initial stands for one part, not for parts run together (J. is not Jean-Pierre).
      if ((qJoined && c.text.length === 1) || (cJoined && q.text.length === 1)) continue;
      let sim = cachedSimilarity(q, c, cache, abjad);
      if (heard && sim < 0.96)
        sim = Math.max(sim, query.transcribed ? heardSimilarity(q, c) : heardSimilarity(c, q));
      // An abjad writes a long vowel or diphthong (حسين Hussein): a part written with none (حسن
      // Hasan) is another name than a Latin one with ei, ai or ee between its consonants (French
      // spellings write a short u as ou: Boutros, Mouhamed).
      if (abjad && (unwrittenLongVowel(q.text, c.text) || unwrittenLongVowel(c.text, q.text)))
        sim = Math.min(sim, LONG_VOWEL_MISSING);
      if (query.kind === "person") {
        if (sim > GENDER_FORM_SIMILARITY && isGenderPair(q.text, c.text))
          sim = GENDER_FORM_SIMILARITY;
        // Vowels are what transliterations of one name differ in most (Tareq, Tariq; Hashemi,
        // Hashimi; Deok, Duck).
        else if (
          sim < VOWEL_VARIANT_SIMILARITY &&
          (vowelsOnlyDiffer(q.text, c.text) ||
            vowelRunsDiffer(q.text, c.text) ||
            keysDifferInOU(q.key, c.key) ||
            vowelsOnlyDiffer(q.key, c.key))
        )
          sim = VOWEL_VARIANT_SIMILARITY;
        // Only the first given name is cut short so (Eslamian is not Eslami's).
        else if (
          sim < SHORTENED_SIMILARITY &&
          (query.edges & q.mask) !== 0 &&
          (candidate.edges & c.mask) !== 0 &&
          shortened(q.text, c.text)
        )
          sim = SHORTENED_SIMILARITY;
      }
      if (sim < FLOOR) continue;
      scored.push({ q, c, sim });
    }
  }
  if (query.kind !== "person") {
    scored.push(...acronymRuns(query, candidate, false), ...acronymRuns(candidate, query, true));
  }
  if (scored.length === 0) return { score: 0, pairs: [] };
  // Equal pairs go in order of position (I. I. Sechin: the first I. to Igor, the second to
  // Ivanovich), so that ties do not make a name look reordered.
  scored.sort(
    (x, y) =>
      y.sim - x.sim ||
      y.q.weight + y.c.weight - (x.q.weight + x.c.weight) ||
      Math.abs(Math.clz32(x.q.mask) - Math.clz32(x.c.mask)) -
        Math.abs(Math.clz32(y.q.mask) - Math.clz32(y.c.mask)),
  );
  let usedQ = 0;
  let usedC = 0;
  let matched = 0;
  let matchedQ = 0;
  let matchedC = 0;
  let creditSum = 0;
  let tokensMatched = 0;
  // An initial stands for a whole part: the letters the part has beyond it are neither matched
  // nor missing.
  let initialExcess = 0;
  const pairs: AlignedPair[] = [];
  const distinctive = {
    query: query.distinctive,
    candidate: candidate.distinctive,
    matched: false,
  };
  // Matched single parts as [query position, candidate position], for the order check.
  const usedOrder: OrderedPair[] = [];
  for (const { q, c, sim } of scored) {
    if ((usedQ & q.mask) !== 0 || (usedC & c.mask) !== 0) continue;
    usedQ |= q.mask;
    usedC |= c.mask;
    const initial = (q.text.length === 1) !== (c.text.length === 1);
    const value = initial ? INITIAL_CREDIT : credit(sim);
    if (initial) {
      matched += value * 2 * Math.min(q.weight, c.weight);
      initialExcess += Math.abs(q.weight - c.weight);
    } else matched += value * (q.weight + c.weight);
    matchedQ += q.weight;
    matchedC += c.weight;
    creditSum += value;
    if (
      value >= DISTINCTIVE_CREDIT &&
      !GENERIC_ORG_WORDS.has(q.text) &&
      !GENERIC_ORG_WORDS.has(c.text)
    )
      distinctive.matched = true;
    tokensMatched += popcount(q.mask);
    if ((q.mask & (q.mask - 1)) === 0 && (c.mask & (c.mask - 1)) === 0)
      usedOrder.push([Math.clz32(q.mask), Math.clz32(c.mask), q.text, c.text]);
    pairs.push({ query: q.text, candidate: c.text, similarity: sim });
  }
  // A country or "general" on one side only is left out of the comparison; on both sides
  // unmatched (Bank of China, Bank of Korea) it is a difference like any other.
  const leftQ = query.optional & ~usedQ;
  const leftC = candidate.optional & ~usedC;
  let optionalQ = 0;
  let optionalC = 0;
  // A patronymic left over against an initial left over (N. P. against Natalya Ivanovna) is a
  // name that disagrees, not one left out.
  const initialAgainstPatronymic =
    query.kind === "person" &&
    ((leftC !== 0 && (query.initials & ~usedQ) !== 0) ||
      (leftQ !== 0 && (candidate.initials & ~usedC) !== 0));
  if (pairs.length > 0 && (leftQ === 0) !== (leftC === 0) && !initialAgainstPatronymic) {
    optionalQ = weightOf(query, leftQ);
    optionalC = weightOf(candidate, leftC);
  }
  const total = query.length + candidate.length - initialExcess - optionalQ - optionalC;
  // Close, not the same: a name without its country is no perfect match (resolution merges
  // records automatically only on perfect ones).
  let score = (matched / total) * (optionalQ + optionalC > 0 ? OPTIONAL_LEFT_FACTOR : 1);
  const queryCovered = matchedQ + optionalQ >= query.length - 1e-9;
  const candidateCovered = matchedC + optionalC >= candidate.length - 1e-9;
  const numbers = query.kind === "person" ? undefined : compareNumbers(query, candidate);
  const notes: string[] = [];
  // A country between a company's name and its legal form, on one side only, names a national
  // subsidiary (Middle East Bank Kenya Limited, Gazprom Germania GmbH), another legal person;
  // without a legal form after it, it is the body's own name (Bank Melli Iran).
  if (
    query.kind !== "person" &&
    (nationalSubsidiary(query, leftQ, optionalQ) || nationalSubsidiary(candidate, leftC, optionalC))
  ) {
    score *= SUBSIDIARY_FACTOR;
    notes.push("a national subsidiary on one side");
  }
  // Every part of the query found in a fuller listed name (a patronymic, a second given name).
  // Not the other way round: a short listed alias ("Bank for Development") inside a longer query
  // says little. An organisation's number shared by both names (Bureau 39, Unit 26165) is what
  // names it: words around it on one side only (Central Committee, Military) cost little.
  // A person's two or more parts inside a listed name of four or more (Mohammed Rahman in
  // Mohammed Abdul Karim Rahman) is a fair candidate too, and so is a short listed name inside a
  // customer's fuller one (Ibrahim al-Banna in Ibrahim Muhammad Salih al-Banna).
  const person = query.kind === "person";
  // For a person, the fuller name's first given name must be among the parts found (Ali Rashid
  // is not inside Gholam Ali Rashid, whose given name is Gholam).
  const inside = (
    covered: boolean,
    other: boolean,
    matchedOther: number,
    fuller: PreparedForm,
    usedFuller: number,
  ) =>
    covered &&
    !other &&
    (!person || (fuller.edges & usedFuller) === fuller.edges) &&
    (matchedOther * 2 >= fuller.length || (person && fuller.tokens.length >= 4));
  // Burmese names have no family name: a part more makes another name (Zaw Zaw, Zaw Zaw Aung).
  // Nor do Korean names leave a syllable out (Han Kwon is not HAN Kwon U): both sides Korean
  // names of one family name.
  const burmese = person && isBurmeseName(query.tokens) && isBurmeseName(candidate.tokens);
  const korean =
    person &&
    !burmese &&
    isKoreanName(query.tokens) &&
    isKoreanName(candidate.tokens) &&
    query.tokens[0] === candidate.tokens[0];
  const oneNameOnly = burmese || korean;
  const subset =
    !oneNameOnly &&
    tokensMatched >= 2 &&
    (inside(queryCovered, candidateCovered, matchedC, candidate, usedC) ||
      (person && inside(candidateCovered, queryCovered, matchedQ, query, usedQ)) ||
      (numbers === "shared" && (queryCovered || candidateCovered)));
  // The fuller of two persons' names with its first given name left out is a relative's
  // (Ibrahim Ahmed Mahmoud al-Qosi, and Ahmed Mahmoud al-Qosi his son).
  // Only a listed name so: a customer's name with a word before the listed one is more often a
  // title the lists do not use (Seyyed, Field Marshal) than a relative.
  const givenLeftOut =
    person &&
    !subset &&
    queryCovered &&
    !candidateCovered &&
    (candidate.edges & usedC) !== candidate.edges;
  if (givenLeftOut) {
    score *= GIVEN_LEFT_OUT_FACTOR;
    notes.push("the fuller name's first given name is not in the other");
  }
  const honorifics = burmese ? BURMESE_HONORIFICS : NO_HONORIFICS;
  if (
    oneNameOnly &&
    (extraParts(query, usedQ, honorifics) || extraParts(candidate, usedC, honorifics))
  ) {
    score *= BURMESE_EXTRA_FACTOR;
    notes.push("a Burmese or Korean name with a part more is another name");
  }
  if (subset) {
    score = Math.max(score, (creditSum / pairs.length) * (0.8 + 0.2 * score));
  } else if (!queryCovered && !candidateCovered) {
    // An initial left over against a part left over is a name that disagrees (J.-L. against
    // Jean-Pierre), not one that is missing.
    const initialLeft = (query.initials & ~usedQ) !== 0 || (candidate.initials & ~usedC) !== 0;
    score *= initialLeft ? INITIAL_CONFLICT_FACTOR : CONFLICT_FACTOR;
  } else if ((!queryCovered || !candidateCovered) && query.kind !== "person") {
    // An organisation named with a word the other name lacks is usually another organisation
    // ("Amnokkang Development Bank" is not the "Bank for Development", Gazprom not Gazprom Neft).
    score *= ORG_EXTRA_WORD_FACTOR;
  }
  // Bodies' names that agree in their common words only (Jinsong Joint Bank, Jinmyong Joint Bank).
  if (
    !person &&
    pairs.length > 0 &&
    distinctive.query &&
    distinctive.candidate &&
    !distinctive.matched
  ) {
    score *= GENERIC_ONLY_FACTOR;
    notes.push("only common words agree");
  }
  // Different countries in two bodies' names (Central Bank of Iraq, of Syria) are two bodies.
  if (leftQ !== 0 && leftC !== 0 && pairs.length > 0) {
    score *= COUNTRY_CONFLICT_FACTOR;
    notes.push(person ? "patronymics differ" : "countries differ");
  }
  // Abu or Umm before a name makes another person of it (Abu Yusuf, the father of Yusuf).
  if (person && ((query.kunya & ~usedQ) !== 0 || (candidate.kunya & ~usedC) !== 0)) {
    score *= KUNYA_FACTOR;
    notes.push("abu or umm on one side only");
  }
  // A person's given names in another order, other than the family name moved to the front
  // (Yusuf Ahmad al-Masri, Ahmad Yusuf al-Masri: father and son), is another person.
  if (person && !inOrder(usedOrder) && !inOrder(uncrossed(usedOrder))) {
    score *= ORDER_FACTOR;
    notes.push("names in another order");
  }
  if (numbers === "conflict") {
    score *= NUMBER_CONFLICT_FACTOR;
    notes.push("numbers differ");
  } else if (numbers === "one-sided") {
    score *= NUMBER_MISSING_FACTOR;
    notes.push("a number on one side only");
  }
  return notes.length > 0 ? { score, pairs, notes } : { score, pairs };
}

const NO_HONORIFICS: ReadonlySet<string> = new Set();

/** Parts of a Burmese or Korean name left unmatched, honorifics aside. */
function extraParts(form: PreparedForm, used: number, honorifics: ReadonlySet<string>): boolean {
  return form.tokens.some(
    (token, i) => i < MAX_TOKENS && (used & (1 << i)) === 0 && !honorifics.has(token),
  );
}

/** A matched pair of single parts: positions as clz32 of their masks, and their texts. */
type OrderedPair = [number, number, string, string];

/**
 * The pairs with parts of one spelling on either side paired in order (J. J. Noguera: the two J.s
 * to Justo and Jose as written): which J. the greedy matching gave which name to says nothing.
 */
function uncrossed(order: OrderedPair[]): Array<[number, number]> {
  const pairs = order.map(([q, c]) => [q, c] as [number, number]);
  for (const side of [0, 1] as const) {
    const text = side === 0 ? 2 : 3;
    const bySpelling = new Map<string, number[]>();
    order.forEach((pair, i) =>
      bySpelling.set(pair[text], [...(bySpelling.get(pair[text]) ?? []), i]),
    );
    for (const indexes of bySpelling.values()) {
      if (indexes.length < 2) continue;
      const other = side === 0 ? 1 : 0;
      const mine = indexes.map((i) => pairs[i]![side]).sort((a, b) => b - a);
      const theirs = indexes.map((i) => pairs[i]![other]).sort((a, b) => b - a);
      indexes.forEach((i, k) => {
        pairs[i]![side] = mine[k]!;
        pairs[i]![other] = theirs[k]!;
      });
    }
  }
  return pairs;
}

/**
 * Whether three or more matched parts keep their order, up to a rotation (Kim Jong Un and Jong
 * Un Kim; PUTIN, Vladimir and Vladimir Putin). Fewer parts always do.
 */
function inOrder(order: ReadonlyArray<readonly [number, number, ...unknown[]]>): boolean {
  if (order.length < 3) return true;
  // Positions come from clz32 of one-bit masks: a higher value is an earlier part.
  const byQuery = [...order].sort((a, b) => b[0] - a[0]).map(([, c]) => -c);
  let descents = 0;
  for (let i = 1; i < byQuery.length; i++) if (byQuery[i]! < byQuery[i - 1]!) descents++;
  if (descents === 0) return true;
  return descents === 1 && byQuery[byQuery.length - 1]! < byQuery[0]!;
}

/** The weight of a form's tokens in `mask`. */
function weightOf(form: PreparedForm, mask: number): number {
  let weight = 0;
  for (const unit of form.units)
    if ((unit.mask & (unit.mask - 1)) === 0 && unit.mask & mask) weight += unit.weight;
  return weight;
}

/** Whether two organisations' names share a number, differ in them, or only one has any. */
function compareNumbers(
  query: PreparedForm,
  candidate: PreparedForm,
): "shared" | "conflict" | "one-sided" | undefined {
  const q = query.tokens.filter(isNumber);
  const c = candidate.tokens.filter(isNumber);
  if (q.length === 0 && c.length === 0) return undefined;
  if (q.length === 0 || c.length === 0) return "one-sided";
  return q.some((n) => c.includes(n)) ? "shared" : "conflict";
}

function isNumber(token: string): boolean {
  return isDigit(token.charCodeAt(0)) && isDigit(token.charCodeAt(token.length - 1));
}
