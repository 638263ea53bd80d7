/**
 * Words of a text with their part of speech from wink-nlp's shipped model, offsets and whether
 * they are English words, and the helpers that read them.
 */
import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Mention } from "../types.ts";
import { NOT_ORG_ACRONYMS } from "./words.ts";

let nlp: WinkMethods | undefined;

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

export function tokenize(text: string): Token[] {
  nlp ??= winkNLP(model);
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
