/**
 * Words of a text with their part of speech from wink-nlp's shipped model, offsets and whether
 * they are English words, and the helpers that read them.
 */
import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Mention } from "../types.ts";
import { knownOrganisations } from "./known-organisations.ts";
import { knownPlaces } from "./places.ts";
import { NOT_ORG_ACRONYMS } from "./words.ts";

let nlp: WinkMethods | undefined;
let emptyDoc: ReturnType<WinkMethods["readDoc"]> | undefined;

/** A token after which a capitalised word opens a sentence, a quotation or an aside. */
export const OPENS_SENTENCE = /^[.!?:;"“”'‘’(]$/;

export interface Token {
  text: string;
  pos: string;
  start: number;
  end: number;
  /** Whether the word, lower-cased, is in the tagger's English vocabulary ("wise", not "kpler"). */
  inVocabulary: boolean;
}

/**
 * Tokens of `original` with their tags. Headlines in title case are read with their common words
 * lower-cased (see foldHeadlines): a token's text is then the folded word, while its offsets
 * point into the original.
 */
export function tokenize(original: string): Token[] {
  nlp ??= winkNLP(model);
  // An empty document answers vocabulary questions without reading the text twice.
  const lexicon = (emptyDoc ??= nlp.readDoc(""));
  const text = foldHeadlines(original, (word) => !lexicon.isOOV(word));
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out();
  const tags = doc.tokens().out(nlp.its.pos);
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const at = text.indexOf(word, cursor);
    if (at === -1) continue;
    cursor = at + word.length;
    let pos = tags[i]!;
    // The tagger reads capitalised words of names as verbs ("Glory Ocean Shipping", "Human
    // Rights Watch", "said Sue Mi Terry"); a capitalised verb inside a sentence is a name's.
    const previous = tokens.at(-1);
    if (
      pos === "VERB" &&
      /^\p{Lu}\p{Ll}/u.test(word) &&
      previous &&
      !OPENS_SENTENCE.test(previous.text) &&
      !/\n/.test(text.slice(previous.end, at))
    )
      pos = "PROPN";
    // At a sentence's start the tagger reads a city as a verb before a firm's name ("Shanghai
    // Dongyuan informed …"): a capitalised verb before a capitalised word that is no English
    // word opens a name.
    const next = words[i + 1];
    if (
      pos === "VERB" &&
      /^\p{Lu}\p{Ll}/u.test(word) &&
      next !== undefined &&
      /^\p{Lu}\p{Ll}/u.test(next) &&
      doc.isOOV(next.toLowerCase()) &&
      (!previous || OPENS_SENTENCE.test(previous.text) || /\n/.test(text.slice(previous.end, at)))
    )
      pos = "PROPN";
    const inVocabulary = !doc.isOOV(word.toLowerCase());
    tokens.push({ text: word, pos, start: at, end: cursor, inVocabulary });
  }
  return tokens;
}

export const capitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** A mention of the text from the first token's start to the last one's end. */
export function spanMention(
  text: string,
  first: Token,
  last: Token,
  type: Mention["type"],
  confidence: number,
): Mention {
  return {
    type,
    text: text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
    confidence,
  };
}

export const isNamePart = (t: Token): boolean =>
  capitalised(t.text) && (t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "ADJ");

/**
 * "Chinjin IT Cooperation Company": a word in capitals between two name parts belongs to the
 * name, whatever the tagger made of it ("IT" is a pronoun to it).
 */
export const capitalsInside = (tokens: Token[], at: number): boolean =>
  /^\p{Lu}{2,}$/u.test(tokens[at]!.text) &&
  tokens[at + 1] !== undefined &&
  tokens[at + 1]!.start === tokens[at]!.end + 1 &&
  isNamePart(tokens[at + 1]!);

/** A chunk's words as written: "People's", "Tages-Anzeiger" without spaces added. */
export function chunkText(chunk: Token[]): string {
  return chunk
    .map((t, k) => (k > 0 && t.start > chunk[k - 1]!.end ? ` ${t.text}` : t.text))
    .join("");
}

/** Up to `count` lower-cased non-space tokens from `from`, walking in `step` direction. */
export function wordsAround(tokens: Token[], from: number, step: 1 | -1, count: number): string[] {
  const words: string[] = [];
  for (let k = from; k >= 0 && k < tokens.length && words.length < count; k += step) {
    const text = tokens[k]!.text;
    if (!/^\s+$/.test(text)) words.push(text.toLowerCase());
  }
  return words;
}

export function isCamelCase(word: string): boolean {
  return (
    /^\p{L}+$/u.test(word) &&
    /\p{Ll}\p{Lu}/u.test(word) &&
    !/^(Mc|Mac|De|Di|Da|La|Le|Van|Von)\p{Lu}/u.test(word)
  );
}

/** FBI, KOTRA, U.N., Daily NK: capitals that stand for an organisation's name. */
export function isAcronym(token: Token): boolean {
  const bare = token.text.replace(/\./g, "");
  return (
    /^\p{Lu}{2,6}$/u.test(bare) &&
    (token.text.includes(".") ? /^(\p{Lu}\.){2,}$/u.test(token.text) : true) &&
    !NOT_ORG_ACRONYMS.has(bare.toLowerCase())
  );
}

/** Lines that may be a headline: a paragraph of one line, of this many words or more. */
const HEADLINE_MIN_WORDS = 6;
/** Share of a headline's longer words (four letters or more) that are capitalised. */
const HEADLINE_CAPITALISED_SHARE = 0.75;

/**
 * News headlines in title case ("Two Men Charged with Shipping Aircraft Parts to Iranian
 * Airline") capitalise every word, so their capitals say nothing about names. In a paragraph of
 * one line, not ending like a sentence, with a lower-case word and three in four of its longer
 * words capitalised, the English words that are no known place or organisation and that the rest
 * of the text never capitalises inside a sentence are lower-cased. Same length, same offsets.
 */
export function foldHeadlines(text: string, isEnglishWord: (lower: string) => boolean): string {
  const lines = text.split("\n");
  const blank = (k: number): boolean => k < 0 || k >= lines.length || lines[k]!.trim() === "";
  const headlines = new Set<number>();
  lines.forEach((line, k) => {
    if (blank(k) || !blank(k - 1) || !blank(k + 1) || /[.,:;]\s*$/.test(line)) return;
    const words = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    if (words.length < HEADLINE_MIN_WORDS || !words.some((w) => /^\p{Ll}/u.test(w))) return;
    const longer = words.filter((w) => w.length >= 4);
    const capitals = longer.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (capitals >= HEADLINE_CAPITALISED_SHARE * longer.length) headlines.add(k);
  });
  if (headlines.size === 0) return text;
  // Words the body capitalises after a lower-case word: names, whatever the headline does.
  const body = lines.filter((_, k) => !headlines.has(k)).join("\n");
  const named = new Set(
    [...body.matchAll(/(?<=\p{Ll}[,;]? )\p{Lu}[\p{L}'’]*/gu)].map((m) => m[0].toLowerCase()),
  );
  const places = knownPlaces();
  const organisations = knownOrganisations();
  return lines
    .map((line, k) =>
      headlines.has(k)
        ? line.replace(/(?<!\p{L})\p{Lu}\p{Ll}+(?!\p{L})/gu, (word) => {
            const lower = word.toLowerCase();
            const name =
              named.has(lower) ||
              places.has(lower) ||
              organisations.has(lower) ||
              !isEnglishWord(lower);
            return name ? word : lower;
          })
        : line,
    )
    .join("\n");
}
