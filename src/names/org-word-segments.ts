/**
 * Organisation names in a script that translates its generic words (Persian بانک = bank, Khmer
 * គណបក្ស = party, Thai กองทัพ = armed forces): the words found in a script's vocabulary are put
 * into English, the rest keep their romanisation, so that بانک خاورمیانه reads "bank middle east"
 * and meets MIDDLE EAST BANK. The words are emitted in the name's own order: the aligner compares
 * an organisation's words in any order (Persian and Arabic put the modifier after the noun, Thai
 * and Khmer too).
 */
import { MoneytrailError } from "../errors.ts";

/** A script's organisation words: the text as the script writes it → English, the usual first. */
export type OrgWordTable = Readonly<Record<string, readonly string[]>>;

export interface OrgVocabulary {
  words: ReadonlyMap<string, readonly string[]>;
  /** The longest key, in UTF-16 units: segmentation tries no longer match. */
  maxLength: number;
  /** Words only organisations' names have (bank, party, army): one makes a name an organisation's. */
  heads: ReadonlySet<string>;
}

/** A run of a name: a vocabulary word with its English, or a proper part to romanise. */
export interface OrgPiece {
  text: string;
  translations?: readonly string[];
}

/**
 * A vocabulary from a table, keys folded by `key` (the Arabic letters' Persian forms, say) so
 * that lookups fold the same way. `heads` are keys of the table.
 */
export function orgVocabulary(
  table: OrgWordTable,
  heads: readonly string[],
  key: (word: string) => string = (w) => w,
): OrgVocabulary {
  const words = new Map<string, readonly string[]>();
  for (const [word, english] of Object.entries(table)) words.set(key(word), english);
  for (const head of heads)
    if (!table[head])
      throw new MoneytrailError(`organisation head word ${head} is not in its table`);
  return {
    words,
    maxLength: Math.max(0, ...[...words.keys()].map((w) => w.length)),
    heads: new Set(heads.map(key)),
  };
}

/**
 * Splits a word of a script written without spaces (Thai, Khmer, Han) at the vocabulary's words,
 * the longest match first; `fits(text, start, end)` says whether a match may stand there (not
 * inside a syllable). Cost: the word's length times the longest key.
 */
export function segmentUnspaced(
  word: string,
  vocabulary: OrgVocabulary,
  fits: (text: string, start: number, end: number) => boolean,
): OrgPiece[] {
  const pieces: OrgPiece[] = [];
  let proper = "";
  for (let i = 0; i < word.length;) {
    let found: string | undefined;
    for (let length = Math.min(vocabulary.maxLength, word.length - i); length > 0; length--) {
      const candidate = word.slice(i, i + length);
      if (vocabulary.words.has(candidate) && fits(word, i, i + length)) {
        found = candidate;
        break;
      }
    }
    if (found) {
      if (proper) pieces.push({ text: proper });
      proper = "";
      pieces.push({ text: found, translations: vocabulary.words.get(found)! });
      i += found.length;
    } else proper += word[i++];
  }
  if (proper) pieces.push({ text: proper });
  return pieces;
}

/**
 * The Latin forms of a segmented name: every word's usual English, then every word's second
 * English where it has one; proper parts romanised. `bare` romanises proper parts a second way
 * (Arabic ones without their article: المهندس → mhnds, as MUHANDIS GENERAL COMPANY prints it),
 * for a third form. None when no word was translated.
 */
export function translatedForms(
  pieces: readonly OrgPiece[],
  romanise: (proper: string) => string,
  bare?: (proper: string) => string,
): string[] {
  if (!pieces.some((p) => p.translations)) return [];
  const render = (alternative: number, spell: (proper: string) => string): string =>
    pieces
      .map((p) =>
        p.translations
          ? p.translations[Math.min(alternative, p.translations.length - 1)]!
          : spell(p.text),
      )
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
  const forms = [render(0, romanise), render(1, romanise)];
  if (bare) forms.push(render(0, bare));
  return [...new Set(forms)].filter(Boolean);
}

/** Whether any piece is a word only organisations' names have. */
export function hasHeadWord(pieces: readonly OrgPiece[], vocabulary: OrgVocabulary): boolean {
  return pieces.some((p) => p.translations && vocabulary.heads.has(p.text));
}
