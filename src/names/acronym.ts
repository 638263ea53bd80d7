/**
 * Acronyms against the names they stand for, both ways: KOMID ~ Korea Mining Development
 * Trading Corporation, FTB ~ Foreign Trade Bank. An acronym is read off the name's words in
 * order, each word giving its first letter or first few letters (KO-MI-D); words may be left out
 * only at the end (Trading Corporation) or when they are small words (of, the, and, al-).
 * Letters in another order are another body's acronym.
 *
 * A body is often known by the acronym of its name in its own language: GTLK is the State
 * Transport Leasing Company (Gosudarstvennaya Transportnaya Lizingovaya Kompaniya), SVR the
 * Foreign Intelligence Service (Sluzhba Vneshney Razvedki), BEI the European Investment Bank
 * (Banque Européenne d'Investissement). So the name is also read translated word by word into
 * each language of org-vocabulary.ts, whole (at most one word, a proper name, kept as it is), and
 * in the orders that language may put the words in: the head noun first (Banque Européenne …),
 * a group of words mirrored (Partiya Karkerên Kurdistanê, Kurdistan Workers' Party), the "of"
 * part first (Moskovskiy Kreditnyy Bank, Credit Bank of Moscow). Another order is accepted only
 * from a whole translation: BSI is not the Bank for International Settlements, though French
 * puts its words in that order (BRI, Banque des Règlements Internationaux).
 */

import { isOptionalWord } from "./countries.ts";
import { LEGAL_FORMS } from "./normalize.ts";
import { ORG_TRANSLATIONS, ORG_VOCABULARY } from "./org-vocabulary.ts";
import { legalFormOf, splitLegalForms } from "./org-types.ts";
import { ORG_WORD_EQUIVALENTS } from "./words.ts";

/**
 * Articles, prepositions and conjunctions, in the languages lists are written in (the Arabic
 * article and "and the", the Persian ezafe, German für folded).
 */
export const SMALL_WORDS = new Set(
  "of the and for in on at to a an de des du d la le les l el y e et und der die das von van den di da do dos del della per pour para och og en i al wal ye fur aux au".split(
    " ",
  ),
);
/** Words that join two parts of a name: an acronym does not stop between them. */
const CONJUNCTIONS = new Set(["and", "et", "y", "und", "e", "i", "wa", "va", "ve"]);
/** Prefixes whose word gives two letters (Contrainteligencia: C-I of DGCIM). */
const COMPOUND_PREFIXES = ["contra", "counter", "kontr"];
const MIN_LETTERS = 2;
const MAX_LETTERS = 10;
/** An acronym this short proves little: it may not skip a leading country word or stop at "and". */
const SHORT_ACRONYM = 3;
/** Words a name may go on with after its acronym ends. */
const MAX_TRAILING_WORDS = 2;
/** Words that open the name of the body another belongs to (of, de, der …). */
const COMPLEMENTS = new Set(["of", "de", "du", "des", "der", "del", "di", "della"]);
/** What a parent's name left out of the acronym costs, counted as left-out words. */
const PARENT_LEFT_OUT = 2;
/** A name read in another language proves a little less than the name as written … */
const TRANSLATED_FACTOR = 0.97;
/** … and read in another order, less again. */
const REORDERED_FACTOR = 0.95;
/** Orders tried per language, and names remembered with their readings. */
const MAX_ORDERS = 24;
const MAX_CACHED = 4096;

function generic(word: string): boolean {
  return SMALL_WORDS.has(word) || LEGAL_FORMS.has(word) || legalFormOf(word) !== undefined;
}

/** A country's name: left out of an acronym at its start or end, not between its letters. */
function countryWord(word: string): boolean {
  return word !== "general" && word !== "venture" && isOptionalWord(word);
}

/** Whether a folded token could be an acronym: letters only, short. */
export function acronymShaped(token: string): boolean {
  return token.length >= MIN_LETTERS && token.length <= MAX_LETTERS && /^[a-z]+$/.test(token);
}

/** One word of a reading: the word as listed, and how the reading's language writes it. */
interface Slot {
  source: string;
  spellings: string[];
  /** A small word followed this one in the name as written: a phrase ends here. */
  boundaryAfter?: boolean;
}

interface Reading {
  slots: Slot[];
  /** Words in another order than the name's. */
  reordered: boolean;
  translated: boolean;
}

/**
 * How well `acronym` abbreviates `words` (folded, in order), in [0, 1]: 1 for one initial per
 * word, less when words give several letters, trail off unused, or are read in translation; 0
 * when it cannot be read off.
 */
export function acronymFit(acronym: string, words: string[]): number {
  if (!acronymShaped(acronym) || words.length < 2) return 0;
  let best = 0;
  for (const reading of readingsOf(words)) {
    const factor =
      (reading.translated ? TRANSLATED_FACTOR : 1) * (reading.reordered ? REORDERED_FACTOR : 1);
    if (factor <= best) continue;
    // Words in another order whose letters are the name's own initials too (FDA: Forces
    // Démocratiques Alliées, Allied Democratic Forces) are another body's acronym, unless the
    // acronym is long enough to tell (BERD); and they give one letter each (SAHA, Sanaye
    // Havapeyma…, is not HESA, the Iran Aircraft Manufacturing Industrial Company).
    const ownLetters = reading.reordered && acronym.length <= SHORT_ACRONYM;
    const fit = readingFit(acronym, reading.slots, ownLetters, reading.reordered);
    best = Math.max(best, factor * fit);
  }
  return best;
}

/**
 * The initials of the first `count` words of each reading of the name in another language or
 * order, for retrieval keys (keys.ts): the name as written gives its own.
 */
export function translatedInitials(words: string[], count: number): string[] {
  const out = new Set<string>();
  for (const reading of readingsOf(words).slice(1)) {
    let prefixes = [""];
    for (const slot of reading.slots.slice(0, count)) {
      const initials = new Set(slot.spellings.map((s) => s[0]!));
      prefixes = prefixes.flatMap((p) => [...initials].map((i) => p + i));
    }
    if (reading.slots.length >= count) for (const p of prefixes) out.add(p);
  }
  return [...out];
}

/**
 * The fit of `acronym` to one reading's words in order; with `translatedLetter`, only readings
 * where some letter comes from a word written otherwise than in the name count; with
 * `initialsOnly`, each word gives one letter.
 */
function readingFit(
  acronym: string,
  slots: Slot[],
  translatedLetter: boolean,
  initialsOnly: boolean,
): number {
  let best = 0;
  const short = acronym.length <= SHORT_ACRONYM;
  // Depth-first over how many letters each word gives; names are short, so the search is too.
  // `flags`: a letter came from a translated spelling (1), a leading country was left out (2), a
  // legal form gave a letter (4).
  const search = (at: number, slot: number, used: number, extra: number, flags: number): void => {
    if (at === acronym.length) {
      if (used < 2 || (translatedLetter && !(flags & 1))) return;
      // A short acronym that leaves out a country and takes a letter from a legal form is
      // another body's (KBC is not Korea Kwangson Banking Corporation, KKBC).
      if (short && flags & 2 && flags & 4) return;
      const rest = slots.slice(slot).map((s) => s.source);
      // A short acronym that stops at "and" leaves half a name out (MOI is not the Ministry of
      // Intelligence and Security).
      const firstLeft = rest.find((w) => !SMALL_WORDS.has(w) || CONJUNCTIONS.has(w));
      if (short && firstLeft !== undefined && CONJUNCTIONS.has(firstLeft)) return;
      // Legal forms (of one word or several) and small words after the acronym's last word are
      // not counted as left out.
      const { name } = splitLegalForms(["", ...rest.filter((w) => !SMALL_WORDS.has(w))]);
      let trailing = 0;
      for (const w of name.slice(1)) if (!generic(w) && !isOptionalWord(w)) trailing++;
      // A body's parent named after "of" is left out of acronyms (UFWD: United Front Work
      // Department of the Central Committee of the CCP); an acronym of four letters or more says so.
      const parentLeftOut = trailing > 0 && !short && used >= 3 && COMPLEMENTS.has(rest[0] ?? "");
      if (parentLeftOut) trailing = PARENT_LEFT_OUT;
      if (trailing > MAX_TRAILING_WORDS) return;
      const fit = 1 - 0.03 * extra - 0.05 * trailing;
      if (fit > best) best = fit;
      return;
    }
    if (slot >= slots.length) return;
    const { source, spellings } = slots[slot]!;
    // Small words may be left out anywhere, "general" too, a country at the start (NORINCO:
    // China North Industries Corporation) unless the acronym is too short to prove much.
    if (SMALL_WORDS.has(source) || (isOptionalWord(source) && !countryWord(source)))
      search(at, slot + 1, used, extra, flags);
    else if (countryWord(source) && used === 0) search(at, slot + 1, used, extra, flags | 2);
    const legal = generic(source) ? 4 : 0;
    for (const w of spellings) {
      const most = initialsOnly ? 1 : Math.min(w.length, acronym.length - at);
      for (let take = 1; take <= most; take++) {
        if (w[take - 1] !== acronym[at + take - 1]) break;
        const translated = w.slice(0, take) !== source.slice(0, take) ? 1 : 0;
        search(at + take, slot + 1, used + 1, extra + take - 1, flags | translated | legal);
      }
      const rest = compoundRest(w);
      if (rest && acronym[at] === w[0] && acronym[at + 1] === rest[0])
        search(at + 2, slot + 1, used + 2, extra, flags | legal);
    }
  };
  search(0, 0, 0, 0, 0);
  return best;
}

/** What follows a prefix that gives a letter of its own (contra|inteligencia). */
function compoundRest(word: string): string | undefined {
  for (const prefix of COMPOUND_PREFIXES)
    if (word.startsWith(prefix) && word.length >= prefix.length + 4)
      return word.slice(prefix.length);
  return undefined;
}

const cache = new Map<string, Reading[]>();

/** The name as written, then its readings in other languages and orders. */
function readingsOf(words: string[]): Reading[] {
  const key = words.join(" ");
  let readings = cache.get(key);
  if (readings) return readings;
  readings = [
    {
      slots: words.map((w) => ({ source: w, spellings: [w] })),
      reordered: false,
      translated: false,
    },
  ];
  const seen = new Set<string>([signature(readings[0]!.slots)]);
  for (const { slots, changed } of translations(words)) {
    for (const { order, reordered } of orders(slots)) {
      // Another order needs words of another language, not the name's own in that order.
      if (reordered && changed < 2) continue;
      const ordered = order.map((i) => slots[i]!);
      const sig = signature(ordered);
      if (seen.has(sig)) continue;
      seen.add(sig);
      readings.push({ slots: ordered, reordered, translated: true });
    }
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, readings);
  return readings;
}

function signature(slots: Slot[]): string {
  return slots.map((s) => s.spellings.join("|")).join(" ");
}

/** The English words a name's word stands for (itself when it is an English word listed). */
function englishOf(word: string): string[] {
  const out: string[] = [];
  if (ORG_TRANSLATIONS.has(word)) out.push(word);
  for (const table of [ORG_WORD_EQUIVALENTS, ORG_VOCABULARY]) {
    if (!Object.hasOwn(table, word)) continue;
    const english = table[word]!;
    if (!out.includes(english) && ORG_TRANSLATIONS.has(english)) out.push(english);
  }
  for (const [english, languages] of ORG_TRANSLATIONS)
    if (!out.includes(english) && languages.get("en")!.includes(word)) out.push(english);
  return out;
}

const englishCache = new Map<string, string[]>();
function cachedEnglishOf(word: string): string[] {
  let out = englishCache.get(word);
  if (!out) {
    out = englishOf(word);
    if (englishCache.size >= MAX_CACHED) englishCache.clear();
    englishCache.set(word, out);
  }
  return out;
}

/** Every language some word of the table is written in. */
const LANGUAGES = [
  ...new Set([...ORG_TRANSLATIONS.values()].flatMap((languages) => [...languages.keys()])),
];

/**
 * The name's words (small words dropped, which another language writes its own way) translated
 * whole into each language: every word but at most one proper name has that language's word,
 * and at least two words are translated.
 */
function translations(words: string[]): Array<{ slots: Slot[]; changed: number }> {
  const content: string[] = [];
  const boundaries = new Set<number>();
  for (const w of words) {
    if (!SMALL_WORDS.has(w)) content.push(w);
    else if (content.length > 0) boundaries.add(content.length - 1);
  }
  const english = content.map(cachedEnglishOf);
  if (english.filter((e) => e.length > 0).length < 2) return [];
  const out: Array<{ slots: Slot[]; changed: number }> = [];
  for (const lang of LANGUAGES) {
    let translated = 0;
    let changed = 0;
    let kept = 0;
    const slots: Slot[] = [];
    for (const [i, word] of content.entries()) {
      const spellings = english[i]!.flatMap((e) => ORG_TRANSLATIONS.get(e)!.get(lang) ?? []);
      const boundaryAfter = boundaries.has(i);
      if (spellings.length > 0) {
        translated++;
        if (!spellings.includes(word)) changed++;
        slots.push({ source: word, spellings: [...new Set(spellings)], boundaryAfter });
      } else {
        if (!generic(word)) kept++;
        slots.push({ source: word, spellings: [word], boundaryAfter });
      }
    }
    if (translated >= 2 && changed >= 1 && kept <= 1) out.push({ slots, changed });
  }
  return out;
}

/**
 * Orders a language may put a name's words in, as indexes into `slots` (small words dropped):
 * phrases are the runs of words between the name's small words (Credit Bank | of Moscow); each
 * may keep its order, be mirrored, or have its last word (the head noun) first, or after a
 * country word that starts it (Rossiyskiy Fond Pryamykh Investitsiy); the last phrase may come
 * first. The name's own order comes first.
 */
function orders(slots: Slot[]): Array<{ order: number[]; reordered: boolean }> {
  // Legal forms at the end stay there (… Lizingovaya Kompaniya PAO).
  let tail = slots.length;
  while (tail > 0 && generic(slots[tail - 1]!.source)) tail--;
  const phrases: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < tail; i++) {
    current.push(i);
    if (slots[i]!.boundaryAfter || i === tail - 1) {
      phrases.push(current);
      current = [];
    }
  }
  const options = phrases.map((phrase) => {
    const out = [phrase];
    if (phrase.length >= 2) out.push([...phrase].reverse());
    if (phrase.length >= 3) out.push([phrase.at(-1)!, ...phrase.slice(0, -1)]);
    if (phrase.length >= 3 && countryWord(slots[phrase[0]!]!.source))
      out.push([phrase[0]!, phrase.at(-1)!, ...phrase.slice(1, -1)]);
    return out;
  });
  let combos: number[][][] = [[]];
  for (const option of options) {
    combos = combos.flatMap((c) => option.map((o) => [...c, o]));
    if (combos.length > MAX_ORDERS) combos = combos.slice(0, MAX_ORDERS);
  }
  const out: Array<{ order: number[]; reordered: boolean }> = [];
  const identity = slots.map((_, i) => i).join(",");
  for (const combo of combos) {
    const arrangements =
      combo.length >= 2 ? [combo, [combo.at(-1)!, ...combo.slice(0, -1)]] : [combo];
    for (const arrangement of arrangements) {
      const order = [...arrangement.flat()];
      for (let i = tail; i < slots.length; i++) order.push(i);
      out.push({ order, reordered: order.join(",") !== identity });
    }
  }
  return out;
}
