/**
 * A name ready for comparison: every Latin rendering of it, tokenised, with phonetic keys.
 * Prepared once per listed name when the index is built, and once per query name.
 */
import { acronymFit } from "./acronym.ts";
import { isOptionalWord } from "./countries.ts";
import { seatOf } from "./seats.ts";
import { GENERIC_ORG_WORDS, PERSON_TITLES } from "./words.ts";
import { phoneticKey, VOWELS } from "./phonetic.ts";
import { boundName } from "./length.ts";
import { isAbjad, transcribesByEar } from "./script.ts";
import { latinVariants } from "./romanize.ts";
import { foldName, symbolReading, tokenizeName, type NameKind } from "./normalize.ts";
import type { LegalForm } from "./org-types.ts";

/** A token, or two neighbouring syllable-sized tokens joined, with the tokens it covers as bits. */
export interface NameUnit {
  text: string;
  key: string;
  /** Consonant skeleton, for comparing with names romanised from an abjad; made when first needed. */
  cons?: string;
  /** The same with w read as a consonant (Persian و as v); made when first needed. */
  consW?: string;
  /** Spelling and key as one string, for caches; made when first needed. */
  id?: string;
  mask: number;
  /** How much the unit counts in an alignment: its length, scaled down for common name parts. */
  weight: number;
}

export interface PreparedForm {
  kind: NameKind;
  /** Romanised from Arabic or Hebrew script: vowels are missing, compare consonants. */
  abjad: boolean;
  /** Romanised from a script that writes foreign names by ear (Han, kana, Hangul, Thai, Arabic …). */
  transcribed: boolean;
  tokens: string[];
  /** The name's words before legal forms and country words were set aside, for acronyms. */
  words: string[];
  units: NameUnit[];
  keys: string[];
  legalForms: LegalForm[];
  /**
   * A person's first given name (as a bit): the first part, or in "FAMILY, Given …" the one after
   * the comma; none when it is a Muhammad, which Iranian and Arab names often leave out.
   */
  edges: number;
  /** The acronym of a name's trailing aside (KOMID of "… (KOMID)"): it stands for that name only. */
  aside: boolean;
  /** A South Korean seat in the name's trailing brackets ("incheon"), or "" (seats.ts). */
  seat: string;
  /**
   * Whether a one-word name may be read as an acronym: written in capitals or dotted (KOMID,
   * K.O.M.I.D.), or in a name written all in capitals as lists print them; not "GaNI SARL".
   */
  acronymLike: boolean;
  /**
   * Worked out once, for the aligner: the name's words run together (a person's as written, an
   * organisation's without legal forms) and how many there were; an organisation's word outside
   * the common ones; a person's Abu or Umm, and single consonants (initials), as bits.
   */
  joined: string;
  joinedCount: number;
  /** Words written in capitals in a name that is not (MSS in MSS Border Guard Bureau), folded. */
  capitals: string[];
  /** The first letters of the tokens, for acronyms inside the other name; made when first needed. */
  initialLetters?: string;
  distinctive: boolean;
  kunya: number;
  initials: number;
  /** Tokens (as bits) that one name may have and the other lack: country names, "general". */
  optional: number;
  /** Sum of the tokens' weights: the weight of the form in alignments. */
  length: number;
}

export interface PreparedName {
  original: string;
  forms: PreparedForm[];
}

export function prepareName(original: string, kind: NameKind): PreparedName {
  const forms: PreparedForm[] = [];
  const seen = new Set<string>();
  const name = boundName(original);
  const abjad = isAbjad(name);
  // A body's name in Hangul or Han may be an English one written by ear (팬오션 Pan Ocean) even
  // when it reads like a Korean or Chinese name; a person's is told apart (script.ts).
  const transcribed =
    transcribesByEar(name) || (kind !== "person" && /[\uac00-\ud7af\p{Script=Han}]/u.test(name));
  const acronym = trailingAcronym(name);
  const stripped =
    withoutTrailingAside(name) ?? (kind === "person" ? withoutTrailingOffice(name) : undefined);
  const seat = kind === "organization" ? seatOf(name) : "";
  // "X Co. W.L.L. (Bahrain)": the legal form sits before the aside, where the edges miss it.
  const strippedTokens = stripped && kind !== "person" ? tokenizeName(stripped, kind) : undefined;
  const formsBeforeAside = kind === "organization" ? (strippedTokens?.legalForms ?? []) : [];
  // An acronym written in hyphenated pieces is one acronym (DHKP-C, FARC-EP).
  const hyphenated = /^\s*\p{Lu}{2,}(?:-\p{Lu}{1,4})+\s*$/u.test(name)
    ? name.replace(/-/g, "")
    : undefined;
  const sources: Array<[string | undefined, boolean]> = [
    [name, false],
    [hyphenated, false],
    [stripped, false],
    [acronym, !acronym || !strippedTokens || standsForItsName(acronym, strippedTokens.words)],
  ];
  for (const [latin, aside] of sources.flatMap(([n, aside]) =>
    n ? latinVariants(n, kind).map((v) => [v, aside] as const) : [],
  )) {
    const tokenized = tokenizeName(latin, kind);
    const { words } = tokenized;
    const legalForms =
      !aside && formsBeforeAside.length > tokenized.legalForms.length
        ? formsBeforeAside
        : tokenized.legalForms;
    const readings = [tokenized.tokens];
    const translated = kind === "person" ? undefined : symbolReading(tokenized.tokens);
    if (translated) readings.push(translated);
    const capitals = kind === "person" ? [] : capitalWords(latin);
    for (const tokens of readings) {
      if (tokens.length === 0) continue;
      const signature = tokens.join(" ");
      if (seen.has(signature)) continue;
      seen.add(signature);
      const keys = tokens.map(phoneticKey);
      const facts = alignerFacts(kind, tokens, words);
      forms.push({
        kind,
        abjad,
        transcribed,
        aside,
        seat,
        acronymLike: acronymWritten(latin, tokens, facts.optional),
        capitals,
        tokens,
        words,
        units: nameUnits(tokens, keys),
        keys,
        legalForms,
        joined: facts.joined,
        joinedCount: facts.joinedCount,
        distinctive: facts.distinctive,
        kunya: facts.kunya,
        initials: facts.initials,
        optional: facts.optional,
        edges: kind === "person" ? edgeMask(latin, tokens) : 0,
        length: tokens.reduce((sum, t) => sum + t.length, 0),
      });
    }
  }
  return { original, forms };
}

/**
 * The name without a trailing aside in brackets: lists append acronyms and former names
 * ("KOREA KWANGSON BANKING CORPORATION (KKBC)") that the same body's other records leave out.
 */
function withoutTrailingAside(name: string): string | undefined {
  const match =
    /^(.*\S)\s*\([^()]{1,40}\)\s*$/.exec(name) ??
    // Russian bodies "named after" someone (imeni, im.): the dedication is left out as often.
    /^(.*\S),?\s+(?:named after|imeni|им\.|имени)\s+[^,()]{2,60}$/iu.exec(name);
  if (!match || !/\S+\s+\S+/.test(match[1]!)) return undefined;
  return match[1];
}

/** Offices named after a comma that titles alone do not cover: Emir of Qatar, King of Jordan. */
const RULERS = new Set(["emir", "amir", "king", "queen", "prince", "princess", "sultan", "crown"]);

/**
 * A person's name without the office written after it ("Kim Jong Un, Chairman of the State
 * Affairs Commission"; "…, Emir of Qatar"): a title after a comma followed by "of" describes an
 * office. Without "of" it is "FAMILY, Title Given" (AL THANI, Sheikh Tamim), and the given
 * names must stay.
 */
function withoutTrailingOffice(name: string): string | undefined {
  const match = /^(.*\S)\s*,\s*([\p{L}.'-]+)(.*)$/u.exec(name);
  if (!match || !/\S+\s+\S+/.test(match[1]!)) return undefined;
  if (!/\b(?:of|de|du|del)\b/iu.test(match[3]!)) return undefined;
  const word = foldName(match[2]!).replace(/[^a-z]/g, "");
  return PERSON_TITLES.has(word) || RULERS.has(word) ? match[1] : undefined;
}

/**
 * Whether a bracketed acronym abbreviates the name before it, in some language: then it stands
 * for that name only. One that does not (League of the Righteous (AAH), for Asa'ib Ahl al-Haq)
 * is an alias of the body in its own right, read off another of its names.
 */
function standsForItsName(acronym: string, words: string[]): boolean {
  return acronymFit(foldName(acronym).replace(/[^a-z0-9]/g, ""), words) > 0;
}

/** The acronym in a trailing aside, "KOMID" of "Korea Mining … Corporation (KOMID)", as a name of its own. */
function trailingAcronym(name: string): string | undefined {
  const match = /\S\s*\(\s*([\p{Lu}.]{2,12})\s*\)\s*$/u.exec(name);
  return match ? match[1] : undefined;
}

/**
 * First given names that many bear before the name they go by: Muhammad (Muhammad Ali Rashid
 * goes by Ali), and the devotional José and María of Spanish names (José Daniel Ortega is
 * Daniel Ortega). Leaving them out does not make another person.
 */
const DEVOTIONAL_FIRST_NAMES = new Set(["muhammad", "jose", "maria"].map(phoneticKey));

function edgeMask(latin: string, tokens: string[]): number {
  const last = Math.min(tokens.length, MAX_TOKENS) - 1;
  if (last < 0) return 0;
  const comma = latin.indexOf(",");
  // The first given name follows the family name before the comma: counted from the end, by the
  // parts after the comma, since the article of AL-SHAAR, Mohammad Ibrahim is no part of its own.
  const after = comma > 0 ? tokenizeName(latin.slice(comma + 1), "person").tokens.length : 0;
  const before = after > 0 ? tokens.length - after : 0;
  const given = before > 0 && before <= last ? before : 0;
  return DEVOTIONAL_FIRST_NAMES.has(phoneticKey(tokens[given]!)) ? 0 : 1 << given;
}

const KUNYA = new Set(["abu", "umm"]);

function alignerFacts(
  kind: NameKind,
  tokens: string[],
  words: string[],
): Pick<
  PreparedForm,
  "joined" | "joinedCount" | "distinctive" | "kunya" | "initials" | "optional"
> {
  const joinedFrom = kind === "person" ? words : tokens;
  let kunya = 0;
  let initials = 0;
  let distinctive = false;
  const optional = kind === "person" ? patronymicMask(tokens) : optionalMask(tokens);
  for (let i = 0; i < tokens.length && i < MAX_TOKENS; i++) {
    const token = tokens[i]!;
    if (KUNYA.has(token)) kunya |= 1 << i;
    if (token.length === 1 && !VOWELS.includes(token)) initials |= 1 << i;
    if ((optional & (1 << i)) === 0 && !GENERIC_ORG_WORDS.has(token) && !/^\d+$/.test(token))
      distinctive = true;
  }
  return {
    joined: joinedFrom.join(""),
    joinedCount: joinedFrom.length,
    distinctive,
    kunya,
    initials,
    optional,
  };
}

/**
 * A person's patronymic (Konstantinovich, Ivanovna, Serhiyovych, Mikalaevich, Aliyevich), which
 * customers and documents leave out as often as they write it: one name may have it and the
 * other not. Two different ones are two people.
 */
const PATRONYMIC = /^[a-z]{3,}(?:ovich|evich|ovych|evych|avich|ovna|evna|ivna|ichna|auna)$/;

function patronymicMask(tokens: string[]): number {
  if (tokens.length < 3 || tokens.length > MAX_TOKENS) return 0;
  // Only where a patronymic stands: after the given name (Sergey Ivanovich Abramovich), or last
  // after it when the family name leads (ABRAMOVICH Roman Arkadyevich). A family name that ends
  // like one (Abramovich, Yanukovych) is a family name.
  if (PATRONYMIC.test(tokens[1]!)) return 1 << 1;
  const last = tokens.length - 1;
  return PATRONYMIC.test(tokens[last]!) ? 1 << last : 0;
}

function optionalMask(tokens: string[]): number {
  let mask = 0;
  const count = Math.min(tokens.length, MAX_TOKENS);
  for (let i = 0; i < count; i++) if (isOptionalWord(tokens[i]!)) mask |= 1 << i;
  // A name made only of such words has nothing else to compare.
  return mask === (1 << count) - 1 ? 0 : mask;
}

/**
 * A word written as an acronym: capitals, with dots or not, and small words' letters in lower
 * case between them (TdA, Tren de Aragua; DfID).
 */
const ACRONYM_WORD = /^\p{Lu}\.?(?:\p{Ll}?\p{Lu}\.?)+$/u;

function writtenAsAcronym(latin: string, token: string): boolean {
  return allCapitals(latin) || acronymWords(latin).includes(token);
}

/**
 * Whether the name is one acronym, a country beside it or not (D.I.O. (Iran), KOMID (DPRK)): the
 * one token that is no country, written as an acronym.
 */
function acronymWritten(latin: string, tokens: string[], optional: number): boolean {
  const core = tokens.filter((_, i) => (optional & (1 << i)) === 0);
  return (
    core.length === 1 &&
    (tokens.length === 1 || core[0]!.length >= 3) &&
    writtenAsAcronym(latin, core[0]!)
  );
}

function capitalWords(latin: string): string[] {
  return allCapitals(latin) ? [] : acronymWords(latin);
}

/** A name written all in capitals, where capitals tell no acronym from a word. */
function allCapitals(latin: string): boolean {
  const letters = latin.replace(/[^\p{L}]/gu, "");
  return letters === letters.toUpperCase();
}

/** The words of a name written as acronyms, folded and without their dots. */
function acronymWords(latin: string): string[] {
  return latin
    .split(/[\s,()]+/)
    .filter((word) => ACRONYM_WORD.test(word))
    .map((word) => foldName(word).replace(/\./g, ""));
}

/** Joined pairs are only tried for syllable-sized parts. */
const MAX_SYLLABLE = 5;
/** Two neighbouring parts are joined up to this length each (Jean Claude = Jeanclaude). */
export const MAX_JOINED_PAIR_PART = 7;
/** Tokens beyond this many are not aligned (masks are 31-bit). */
export const MAX_TOKENS = 30;

function nameUnits(tokens: string[], keys: string[]): NameUnit[] {
  const count = Math.min(tokens.length, MAX_TOKENS);
  const units: NameUnit[] = [];
  for (let i = 0; i < count; i++) {
    const text = tokens[i]!;
    units.push({
      text,
      key: keys[i]!,
      mask: 1 << i,
      weight: text.length,
    });
  }
  // Two or three neighbouring syllables joined: Nam Chon Gang = Namchongang.
  for (let span = 2; span <= 3; span++) {
    for (let i = 0; i + span <= count; i++) {
      const parts = tokens.slice(i, i + span);
      const limit = span === 2 ? MAX_JOINED_PAIR_PART : MAX_SYLLABLE;
      if (parts.some((p) => p.length > limit)) continue;
      const text = parts.join("");
      let mask = 0;
      for (let j = i; j < i + span; j++) mask |= 1 << j;
      units.push({
        text,
        key: keys.slice(i, i + span).join(""),
        mask,
        weight: text.length,
      });
    }
  }
  return units;
}

/**
 * Scales a form's units by how common their parts are (Kim, Korea, Trading count less than
 * Ryonha): `rarity` gives a factor in (0, 1] per token.
 */
export function weighForm(form: PreparedForm, rarity: (token: string) => number): void {
  const factors = form.tokens.map(rarity);
  let total = 0;
  form.tokens.forEach((token, i) => (total += token.length * factors[i]!));
  form.length = total;
  for (const unit of form.units) {
    let weight = 0;
    for (let i = 0; i < form.tokens.length; i++)
      if (unit.mask & (1 << i)) weight += form.tokens[i]!.length * factors[i]!;
    unit.weight = weight;
  }
}
