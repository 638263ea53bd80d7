/**
 * Exact keys that find listed names whose trigrams barely overlap the query's, for rules of the
 * scorer that see through spelling: an acronym and the name it stands for (KOMID, Korea Mining
 * Development Trading Corporation), and a name written by ear in another script and its Latin
 * spelling (唐纳德·特朗普, tang-na-de te-lang-pu, Donald Trump). Trigram overlap cannot bring
 * these together: each key stands for the relation itself, and a name found by one is checked
 * against the query before it is scored in full.
 */
import { acronymFit, acronymShaped, SMALL_WORDS, translatedInitials } from "../names/acronym.ts";
import { givenNameGroups } from "../names/nicknames.ts";
import type { PreparedForm } from "../names/prepare.ts";
import { soundSkeleton } from "../names/transcription.ts";

/** Acronyms this short are read off too many names to find one. */
const MIN_ACRONYM = 3;
/** How many leading initials of a name its key holds (and of an acronym's letters, in order). */
const INITIALS = 3;
/** Sound keys with fewer stops and fricatives than this tell too little (Sun Sen). */
const MIN_OBSTRUENTS = 3;
const MAX_SOUND_PARTS = 4;

/**
 * The listed form's keys: what a query's `queryKeys` may name to find it. The acronym of a body
 * `spelledOut` elsewhere in its record gets none: a query's full name finds that body through
 * its full name, and read off the query's words the acronym would find any body with the same
 * initials (Pentane Chemistry Industries would find Parchin Chemical Industries, PCI).
 */
export function listedKeys(form: PreparedForm, spelledOut = false): string[] {
  const keys: string[] = [];
  if (form.kind !== "person") {
    const acronym = spelledOut ? undefined : acronymOf(form);
    if (acronym) for (const letters of leadingLetters(acronym)) keys.push(`abbr:${letters}`);
    for (const initials of nameInitials(form.words)) keys.push(`full:${initials}`);
  }
  if (form.kind !== "organization") {
    const sound = soundKey(form);
    if (sound) keys.push(`sound:${sound}`);
    keys.push(...nicknameKeys(form));
  }
  return keys;
}

/** The keys a query form looks up: the same relations read from the other side. */
export function queryKeys(form: PreparedForm): string[] {
  const keys: string[] = [];
  if (form.kind !== "person") {
    const acronym = acronymOf(form);
    if (acronym) for (const letters of leadingLetters(acronym)) keys.push(`full:${letters}`);
    for (const initials of nameInitials(form.words)) keys.push(`abbr:${initials}`);
  }
  // Only a name written by ear needs its sound compared with Latin spellings.
  if (form.transcribed && form.kind !== "organization") {
    const sound = soundKey(form);
    if (sound) keys.push(`sound:${sound}`);
  }
  if (form.kind !== "organization") keys.push(...nicknameKeys(form));
  return keys;
}

/**
 * 1 when the query's given name of the key's group is another form than the listed name's (Sasha,
 * Aleksandr); 0 when the listed name has it as written, for trigrams find those already.
 */
function nicknameFit(key: string, query: PreparedForm, listed: PreparedForm): number {
  const group = Number(key.slice(5, key.indexOf(":", 5)));
  let byGroup = givenByGroup.get(query);
  if (!byGroup) {
    byGroup = new Map();
    for (const token of query.tokens)
      for (const g of givenNameGroups(token)) byGroup.set(g, [...(byGroup.get(g) ?? []), token]);
    givenByGroup.set(query, byGroup);
  }
  const given = byGroup.get(group);
  return given !== undefined && given.every((t) => !listed.tokens.includes(t)) ? 1 : 0;
}

/** A query form's given names by group, made once per query form. */
const givenByGroup = new WeakMap<PreparedForm, Map<number, string[]>>();

/** People's names of more parts than this get no nickname keys. */
const MAX_NICKNAME_PARTS = 4;

/**
 * A given name's group with each other part of the name (Sasha Ivanov and Alexander Ivanov share
 * nick:<Aleksandr>:ivanov): a familiar form shares too few trigrams with the full name to find it.
 */
function nicknameKeys(form: PreparedForm): string[] {
  const { tokens } = form;
  if (tokens.length < 2 || tokens.length > MAX_NICKNAME_PARTS) return [];
  const keys: string[] = [];
  tokens.forEach((token, i) => {
    for (const group of givenNameGroups(token))
      tokens.forEach((other, j) => {
        // Paired with a family name, not another given name (Maria Sofia): fewer, rarer keys.
        if (j !== i && other.length >= 3 && givenNameGroups(other).length === 0)
          keys.push(`nick:${group}:${other}`);
      });
  });
  return keys;
}

/**
 * Whether a listed form found by `key` is worth scoring for the query form, and how much: the
 * acronym's fit, or 1 for a shared sound key (the scorer weighs sounds itself).
 */
export function keyFit(key: string, query: PreparedForm, listed: PreparedForm): number {
  if (key.startsWith("sound:")) return 1;
  if (key.startsWith("nick:")) return nicknameFit(key, query, listed);
  const [short, long] = key.startsWith("full:") ? [query, listed] : [listed, query];
  const acronym = acronymOf(short);
  return acronym ? acronymFit(acronym, long.words) : 0;
}

/** A form that is one acronym-shaped word long enough to look up. */
function acronymOf(form: PreparedForm): string | undefined {
  if (form.tokens.length !== 1) return undefined;
  const token = form.tokens[0]!;
  return token.length >= MIN_ACRONYM && acronymShaped(token) ? token : undefined;
}

/**
 * The first letter of an acronym followed by any INITIALS - 1 of its later letters in order: the
 * initials of the name's first words, whichever letters those words gave (KO-MI-D → k m d).
 */
export function leadingLetters(acronym: string): string[] {
  const out = new Set<string>();
  const first = acronym[0]!;
  for (let i = 1; i < acronym.length; i++)
    for (let j = i + 1; j < acronym.length; j++) out.add(first + acronym[i]! + acronym[j]!);
  return [...out];
}

/**
 * The initials a name's acronym may begin with: its own words' and, read in another language
 * or order, the translated words' (GTLK of State Transport Leasing Company).
 */
function nameInitials(words: string[]): string[] {
  const own = wordInitials(words);
  const translated = translatedInitials(words, INITIALS);
  return translated.length === 0 ? own : [...new Set([...own, ...translated])];
}

/**
 * The initials of a name's first INITIALS words, with its small words and without them (an
 * acronym may keep the "of" of Ministry of Defense, MODAFL, or skip it, ISIL).
 */
export function wordInitials(words: string[]): string[] {
  const initials = (list: string[]) =>
    list
      .slice(0, INITIALS)
      .map((w) => w[0])
      .join("");
  const out = new Set<string>();
  if (words.length >= INITIALS && !SMALL_WORDS.has(words[0]!)) out.add(initials(words));
  const content = words.filter((w) => !SMALL_WORDS.has(w));
  if (content.length >= INITIALS) out.add(initials(content));
  return [...out].filter((k) => /^[a-z]+$/.test(k));
}

/**
 * A name's stops and fricatives, part by part, with vowels, liquids, nasals and h left out: what
 * survives a script that adds vowels, swaps l and r and drops codas ("donald trump" and
 * "tangnade telangpu" are both TT.TP; the stops a vowel or a liquid kept apart stay apart).
 */
export function soundKey(form: PreparedForm): string | undefined {
  if (form.tokens.length < 2 || form.tokens.length > MAX_SOUND_PARTS) return undefined;
  let count = 0;
  const parts: string[] = [];
  for (const token of form.tokens) {
    let part = "";
    for (const symbol of soundSkeleton(token)) {
      if (!"VRNH".includes(symbol)) part += symbol;
    }
    if (!part) return undefined;
    count += part.length;
    parts.push(part);
  }
  return count >= MIN_OBSTRUENTS ? parts.join(".") : undefined;
}
