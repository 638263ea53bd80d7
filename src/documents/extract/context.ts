/**
 * Chunks no rule typed, typed by what the document says around them: apposition, speech, the
 * roles news gives organisations, neighbours in a list, and unknown words inside a sentence.
 */
import { LEGAL_FORMS } from "../../names/normalize.ts";
import type { Mention } from "../types.ts";
import { commonSurnames } from "./given-names.ts";
import { MinHeap } from "./min-heap.ts";
import { knownPlaces } from "./places.ts";
import { OPENS_SENTENCE, type Token, spanMention, wordsAround } from "./tokens.ts";
import {
  ORG_WORDS,
  hasTimeWord,
  leadsName,
  DEMONYMS,
  NOT_BEFORE_UNKNOWN_NAMES,
  IN_WORDS,
  IRREGULAR_PARTICIPLES,
  STAFF_AFTER,
  PERSONAL_AGENCY,
  ORG_PLURALS,
  isDemonym,
  ROLE_NOUNS,
  ORG_KINDS,
  STAFF_WORDS,
  SOURCE_WORDS,
  ORG_BELONGINGS,
  NEAR_WORDS,
  LOCAL_OFFICES,
  SETTLEMENT_WORDS,
  SPEECH_VERBS,
  SPEECH_VERBS_BEFORE,
  TITLED_CONFIDENCE,
} from "./words.ts";

/**
 * Chunks no rule typed, typed by what the document says around them: a person's name by its
 * apposition ("Nischal Shetty, the founder of …") or a verb of speech next to it ("…," Watling
 * said); an organisation by its apposition (", the state potash producer"), by "said it", or by
 * whom someone works for ("a spokesman for Bybit"); a place by "near" or "in X.". Then the
 * chunks still untyped that lead an organisation named in full elsewhere ("Arcadia Global" after
 * "Arcadia Global FZE") or that an organisation found by context leads ("Limbach Flugmotoren"
 * after "Limbach said it").
 */
export function fromContext(
  chunks: Token[][],
  tokens: Token[],
  text: string,
  found: Mention[],
  given: Set<string>,
): Mention[] {
  const indexOf = new Map(tokens.map((t, k) => [t.start, k]));
  const personParts = namePartsOfPeople(found);
  const mention = (
    chunk: Token[],
    type: Mention["type"],
    confidence = type === "Location" ? 0.6 : 0.65,
  ): Mention => spanMention(text, chunk[0]!, chunk.at(-1)!, type, confidence);
  const typed: Mention[] = [];
  const left: Token[][] = [];
  const byEnd = new Map(found.map((m) => [m.end, m]));
  for (const chunk of chunks) {
    const type =
      typeOfAlias(chunk[0]!.start, text, byEnd) ??
      typeByContext(chunk, tokens, indexOf, personParts);
    if (type === "skip") continue;
    if (type === "Organization" && possessiveBrand(chunk, tokens, indexOf)) {
      // The firm's name holds its "'s": "Moody's".
      const possessive = tokens[indexOf.get(chunk.at(-1)!.start)! + 1]!;
      typed.push(mention([...chunk, possessive], type));
    } else if (type) typed.push(mention(chunk, type));
    else left.push(chunk);
  }
  const organisations = [...found, ...typed]
    .filter((m) => m.type === "Organization")
    .map((m) => m.text.toLowerCase().split(/\s+/));
  const leading = (chunk: Token[]): boolean => {
    const words = chunk.map((t) => t.text.toLowerCase());
    // "Kaloti" after "Kaloti Jewellery International": a coined word, no one's name or a place's.
    const coined =
      chunk.length === 1 &&
      !chunk[0]!.inVocabulary &&
      !given.has(words[0]!) &&
      !commonSurnames().has(words[0]!) &&
      !knownPlaces().has(words[0]!);
    return organisations.some(
      (org) =>
        (leadsName(words, org) &&
          // One word leads an organisation's name only before legal forms and organisation
          // words ("Elliptic Ltd", "Varengold Bank", "Petrovia Trading SA") or when it is a
          // coined word, and never a nationality: "European" does not refer back to the
          // European Union.
          (words.length >= 2 ||
            coined ||
            (!DEMONYMS.has(words[0]!) &&
              org
                .slice(1)
                .every((w) => LEGAL_FORMS.has(w.replace(/\.$/, "")) || ORG_WORDS.has(w))))) ||
        (org.length === 1 && words.length > 1 && words[0] === org[0]),
    );
  };
  // "Haowang Guarantee" after "Huione Guarantee": names that end in the same English word as an
  // organisation's name of two words or more are of that kind ("… Shipping", "… Guarantee").
  const kinds = new Set(organisations.filter((org) => org.length >= 2).map((org) => org.at(-1)!));
  const sameKind = (chunk: Token[]): boolean => {
    const end = chunk.at(-1)!;
    return (
      chunk.length >= 2 &&
      end.inVocabulary &&
      /^\p{Lu}\p{Ll}+$/u.test(end.text) &&
      kinds.has(end.text.toLowerCase()) &&
      !knownPlaces().has(end.text.toLowerCase()) &&
      !hasTimeWord(chunk.map((t) => t.text.toLowerCase()))
    );
  };
  const pending = left.filter((chunk) => {
    if (!leading(chunk) && !sameKind(chunk)) return true;
    typed.push(mention(chunk, "Organization"));
    return false;
  });
  const still = typeByNeighbours(pending, tokens, indexOf, [...found, ...typed], (chunk, type) => {
    const typedChunk = mention(chunk, type);
    typed.push(typedChunk);
    return typedChunk;
  });
  for (const chunk of still) {
    const type = unknownWordInSentence(chunk, tokens, indexOf, given);
    if (type) typed.push(mention(chunk, type, 0.5));
  }
  return typed;
}

/**
 * Listed with a name typed so far ("Gunvor, Mercuria and Vitol", "Primorsk and Novorossiysk"),
 * one of the same kind. Each chunk typed may type its neighbours, so the rule runs in passes over
 * the chunks in text order until a pass types none; a chunk typed sees, in the same pass, those
 * typed before it. Only the chunks that read a newly typed one are checked again, in the pass
 * and order the full passes would check them, so a long list typed from its far end costs its
 * length, not its length squared times the mentions. Returns the chunks left untyped.
 */
function typeByNeighbours(
  pending: Token[][],
  tokens: Token[],
  indexOf: Map<number, number>,
  mentions: Mention[],
  onTyped: (chunk: Token[], type: "Organization" | "Location") => Mention,
): Token[][] {
  const count = pending.length;
  const byToken: Array<Mention | undefined> = [];
  const cover = (m: Mention): void => {
    for (let k = indexOf.get(m.start); k !== undefined && tokens[k] && tokens[k]!.end <= m.end; k++)
      byToken[k] = m;
  };
  mentions.forEach(cover);
  /** Pending chunks whose last check read a token, by the token's index. */
  const readers = new Map<number, number[]>();
  const typedOrdinal = new Uint8Array(count);
  // A check's time is pass × count + the chunk's ordinal: the order full passes would run it.
  const scheduledAt = new Float64Array(count).fill(Infinity);
  const due = new MinHeap();
  for (let ordinal = 0; ordinal < count; ordinal++) {
    scheduledAt[ordinal] = ordinal;
    due.push(ordinal);
  }
  for (let time = due.pop(); time !== undefined; time = due.pop()) {
    const ordinal = time % count;
    if (scheduledAt[ordinal] !== time) continue;
    scheduledAt[ordinal] = Infinity;
    const chunk = pending[ordinal]!;
    const read: number[] = [];
    const type = typeOfNeighbour(chunk, tokens, indexOf, (k) => {
      read.push(k);
      return byToken[k];
    });
    if (!type) {
      for (const k of read) {
        const list = readers.get(k);
        if (list) list.push(ordinal);
        else readers.set(k, [ordinal]);
      }
      continue;
    }
    typedOrdinal[ordinal] = 1;
    cover(onTyped(chunk, type));
    // Those that read this chunk see it later in this pass, or in the next if they come before.
    const pass = Math.floor(time / count);
    const first = indexOf.get(chunk[0]!.start)!;
    for (let k = first; k < first + chunk.length; k++) {
      for (const reader of readers.get(k) ?? []) {
        if (typedOrdinal[reader]) continue;
        const next = (reader > ordinal ? pass : pass + 1) * count + reader;
        if (next >= scheduledAt[reader]!) continue;
        scheduledAt[reader] = next;
        due.push(next);
      }
      readers.delete(k);
    }
  }
  return pending.filter((_, ordinal) => !typedOrdinal[ordinal]);
}

/**
 * One capitalised word inside a sentence that is no English word, no given name or common
 * surname, no people's or place's name, and that nothing else typed: in news such words are
 * mostly firms and outlets ("sensors from Honeywell"), since people are introduced by their full
 * name first and places are known or placed; after "in" they are places ("a company in
 * Tortola"). Nothing after a determiner ("every Geran") or a ship's kind ("the tanker Pegas").
 */
function unknownWordInSentence(
  chunk: Token[],
  tokens: Token[],
  indexOf: Map<number, number>,
  given: Set<string>,
): "Organization" | "Location" | undefined {
  if (chunk.length !== 1) return undefined;
  const token = chunk[0]!;
  const word = token.text.toLowerCase();
  if (token.inVocabulary || !/^\p{Lu}\p{Ll}+$/u.test(token.text)) return undefined;
  if (given.has(word) || commonSurnames().has(word) || isDemonym([word])) return undefined;
  const previous = tokens[indexOf.get(token.start)! - 1];
  if (!previous || OPENS_SENTENCE.test(previous.text) || /^\s+$/.test(previous.text))
    return undefined;
  const before = previous.text.toLowerCase();
  if (before === "in" || before === "off") return "Location"; // "off Taean"
  return NOT_BEFORE_UNKNOWN_NAMES.has(before) ? undefined : "Organization";
}

/**
 * "Kpler and Vortexa", "Glencore, Vitol and Trafigura": listed with an organisation, one too;
 * "Kyiv and Odesa", "in Alabuga in Tatarstan": listed with a place or placed in one, a place.
 */
function typeOfNeighbour(
  chunk: Token[],
  tokens: Token[],
  indexOf: Map<number, number>,
  mentionAt: (token: number) => Mention | undefined,
): "Organization" | "Location" | undefined {
  const first = indexOf.get(chunk[0]!.start)!;
  const last = first + chunk.length - 1;
  const skipSpace = (from: number, step: 1 | -1): number => skipSpaces(tokens, from, step);
  /** The link ("and", "or", ",") on one side, and the mention across it. */
  const across = (from: number, step: 1 | -1): { link?: string; other?: Mention } => {
    const k = skipSpace(from, step);
    const link = tokens[k]?.text;
    if (!link || !/^(and|or|,)$/.test(link)) return {};
    const at = skipSpace(k + step, step);
    const other = mentionAt(at);
    // "OTP Bank of Hungary and Intesa Sanpaolo": the place closes the organisation listed.
    if (step === -1 && other?.type === "Location") {
      const start = indexOf.get(other.start)!;
      const of = skipSpace(start - 1, -1);
      const owner = tokens[of]?.text === "of" ? mentionAt(skipSpace(of - 1, -1)) : undefined;
      if (owner?.type === "Organization") return { link, other: owner };
    }
    return { link, other };
  };
  const sides = [across(first - 1, -1), across(last + 1, 1)];
  if (sides.some((side) => side.other?.type === "Organization")) return "Organization";
  const words = chunk.map((t) => t.text.toLowerCase());
  if (chunk.length > 2 || isDemonym(words) || hasTimeWord(words)) return undefined;
  // A comma lists places only with a link on the other side too: "Kyiv, Odesa and Kharkiv", but
  // not "In Bern, Finance Minister …".
  const listed = sides.some(
    (side, k) =>
      side.other?.type === "Location" && (side.link !== "," || sides[1 - k]!.link !== undefined),
  );
  if (listed) return "Location";
  // "flights from Abu Dhabi to Amdjarass": from one place to another.
  const back = skipSpace(first - 1, -1);
  if (tokens[back]?.text === "to") {
    const origin = mentionAt(skipSpace(back - 1, -1));
    if (origin?.type === "Location") {
      const from = skipSpace(indexOf.get(origin.start)! - 1, -1);
      if (tokens[from]?.text === "from") return "Location";
    }
  }
  // "in Alabuga in Tatarstan", "at Bamban, Tarlac": a place within a known one; but "a
  // director at Sovcomflot in St Petersburg" works for a firm there.
  const before = wordsAround(tokens, first - 1, -1, 1)[0];
  const link = skipSpace(last + 1, 1);
  const within = /^(in|,)$/.test(tokens[link]?.text ?? "");
  if (!IN_WORDS.has(before ?? "") || !within || (before === "at" && tokens[link]!.text !== ","))
    return undefined;
  return mentionAt(skipSpace(link + 1, 1))?.type === "Location" ? "Location" : undefined;
}

/** What the words around an untyped chunk say it is; "skip" for a person referred back to. */
function typeByContext(
  chunk: Token[],
  tokens: Token[],
  indexOf: Map<number, number>,
  personParts: Set<string>,
): Mention["type"] | "skip" | undefined {
  const words = chunk.map((t) => t.text.toLowerCase());
  const alphabetic = chunk.every((t) => /^[\p{L}'’.-]+$/u.test(t.text));
  // Organisations' names run longer than people's ("Al Junaid for Multi Activities").
  if (!alphabetic || chunk.length > MAX_CONTEXT_CHUNK) return undefined;
  // A person named in full elsewhere, referred back to ("a lawyer for Ferreira"): left to the
  // reference rule.
  if (chunk.length === 1 && personParts.has(words[0]!)) return "skip";
  const first = indexOf.get(chunk[0]!.start)!;
  const last = first + chunk.length - 1;
  const before = wordsAround(tokens, first - 1, -1, 3);
  const previous = before[0];
  const after = wordsAround(tokens, last + 1, 1, 7);
  // "a spokesman for Bybit", "a researcher at Chainalysis", "analysts at Jefferies and Kepler
  // Cheuvreux": whom someone works for; "data from Kpler": whose figures they are.
  const lead = wordsBeforeList(tokens, first);
  const role = (word: string | undefined): boolean =>
    word !== undefined && (ROLE_NOUNS.has(word) || ROLE_NOUNS.has(word.replace(/s$/, "")));
  if (
    (lead[0] === "at" && role(lead[1])) ||
    // "director of the Sudan Transparency …", "head of Kpler"; not "the governor of Tarlac".
    (lead[0] === "of" && role(lead[1]) && !LOCAL_OFFICES.has(lead[1]!)) ||
    (lead[0] === "the" && lead[1] === "of" && role(lead[2]) && !LOCAL_OFFICES.has(lead[2]!)) ||
    // "the vendor, Hanwool Soft,": a kind of organisation, then its name.
    (previous === "," &&
      ORG_KINDS.has(before[1] ?? "") &&
      ["the", "a", "its"].includes(before[2] ?? "")) ||
    (lead[0] === "from" && SOURCE_WORDS.has(lead[1] ?? "")) ||
    (["for", "at", "of"].includes(lead[0] ?? "") && STAFF_WORDS.has(lead[1] ?? ""))
  )
    return "Organization";
  // "Honeywell said it was cooperating", "Gunvor sold its stake": people are "he" and "she";
  // "Coral Energy, which moved" is no one either.
  if (SPEECH_VERBS.has(after[0] ?? "") && ["it", "its"].includes(after[1] ?? ""))
    return "Organization";
  if (after[1] === "its" && /^\p{L}{3,}(ed|s)$/u.test(after[0] ?? "") && !isDemonym(words))
    return "Organization";
  if (after[0] === "," && after[1] === "which" && !hasTimeWord(words)) return "Organization";
  // "Gunvor's chief executive", "Glencore's shareholders": what only organisations have.
  if (/^['’]s$/.test(after[0] ?? "") && ORG_BELONGINGS.has(after[1] ?? "")) {
    if (after[1] !== "chief" || after[2] === "executive") return "Organization";
  }
  if (possessiveBrand(chunk, tokens, indexOf)) return "Organization";
  // ", the Austrian builder", ", a parts broker in Istanbul": what the name is, said before
  // where it is.
  if (after[0] === "," && ORG_KINDS.has(descriptionHead(after.slice(1)) ?? ""))
    return "Organization";
  // "near Um Dafok", "the town of Yelabuga", "… in Soligorsk.": where something is.
  const endsClause = after.length === 0 || /^[,.;:]$/.test(after[0]!);
  if (
    chunk.length <= 2 &&
    !hasTimeWord(words) &&
    (NEAR_WORDS.has(previous ?? "") ||
      (previous === "of" &&
        (SETTLEMENT_WORDS.has(before[1] ?? "") || LOCAL_OFFICES.has(before[1] ?? ""))) ||
      (previous === "in" && endsClause))
  )
    return "Location";
  if (organisationByRole(words, before, after)) return "Organization";
  // ", the state potash producer", ", Lithuania's former foreign minister": the words after a
  // comma up to the next punctuation say what the name is ("the Google-owned security firm"
  // reads on past its hyphen).
  const stop = after.findIndex((w, k) => k > 0 && /^[,.;:!?()"“”]$/u.test(w));
  const described = after[0] === "," ? after.slice(1, stop === -1 ? undefined : stop) : [];
  // ", based in Hamburg,": people live somewhere; organisations are based there.
  if (described.some((w) => ORG_KINDS.has(w)) || described[0] === "based") return "Organization";
  if (chunk.length < 2 || chunk.length > 3 || isDemonym(words)) return undefined;
  // "Its chief executive, Torbjorn Tornqvist, told …": a role just before, or speech just after.
  if (previous === "," && ROLE_NOUNS.has(before[1] ?? "")) return "Person";
  const speaks =
    SPEECH_VERBS.has(after[0] ?? "") ||
    (after[0] === "," && SPEECH_VERBS.has(after[1] ?? "")) ||
    SPEECH_VERBS_BEFORE.has(previous ?? "");
  // "Global Witness said": a name made of English words is an organisation's; people's names
  // are given names and surnames, which are mostly not English words.
  if (speaks && chunk.every((t) => t.inVocabulary)) return "Organization";
  if (speaks || described.some((w) => ROLE_NOUNS.has(w))) return "Person";
  return undefined;
}

/** After a possessive, what shows it possesses nothing: "Moody's and …", "Christie's said". */
const BRAND_POSSESSIVE_AFTER = new Set(
  "and or , . ; said says declined did does has have had is was were will would rates rated".split(
    " ",
  ),
);

/** Words that end the noun of a description: ", a parts broker in Istanbul, …". */
const DESCRIPTION_ENDS = new Set(
  "in at of for from with that which who whose based owned run , . ; : ( ) and".split(" "),
);

/**
 * "Moody's and S&P", "Sotheby's said": a possessive that possesses nothing is a firm named after
 * its founder.
 */
function possessiveBrand(chunk: Token[], tokens: Token[], indexOf: Map<number, number>): boolean {
  if (chunk.length !== 1 || isDemonym([chunk[0]!.text.toLowerCase()])) return false;
  const after = wordsAround(tokens, indexOf.get(chunk[0]!.start)! + 1, 1, 2);
  return /^['’]s$/.test(after[0] ?? "") && BRAND_POSSESSIVE_AFTER.has(after[1] ?? "");
}

/** The noun a description after a comma is about: "builder" in "the Austrian builder". */
function descriptionHead(words: string[]): string | undefined {
  if (!["a", "an", "the"].includes(words[0] ?? "")) return undefined;
  const end = words.findIndex((w, k) => k > 0 && DESCRIPTION_ENDS.has(w));
  return (end === -1 ? words : words.slice(0, end)).at(-1);
}

/** The first token from `from`, walking in `step` direction, that is not white space. */
function skipSpaces(tokens: Token[], from: number, step: 1 | -1): number {
  let k = from;
  while (tokens[k] && /^\s+$/.test(tokens[k]!.text)) k += step;
  return k;
}

/**
 * The words before a list a chunk is in: for "Kepler Cheuvreux" in "analysts at Jefferies and
 * Kepler Cheuvreux", "at analysts"; for a chunk in no list, the words just before it.
 */
function wordsBeforeList(tokens: Token[], first: number): string[] {
  let k = first - 1;
  let before = k;
  for (let listed = 0; listed < LIST_NAMES_BACK; listed++) {
    k = skipSpaces(tokens, k, -1);
    if (k < 0 || !/^(and|or|,)$/.test(tokens[k]!.text)) break;
    k = skipSpaces(tokens, k - 1, -1);
    const end = k;
    while (k >= 0 && /^\p{Lu}/u.test(tokens[k]!.text)) k--;
    if (k === end) break; // no name before the link: the chunk opens the list
    before = k;
  }
  return wordsAround(tokens, before, -1, 3);
}

/** ", known as", "alias", "a.k.a." just before a name, back to the name it is another for. */
const ALIAS_BEFORE = /,?\s*(?:also\s+)?(?:known\s+as|alias|a\.k\.a\.?|aka)\s+$/i;

/**
 * "Mohamed Hamdan Dagalo, known as Hemedti": a name given as another name of a person or an
 * organisation just named is of the same kind.
 */
function typeOfAlias(
  start: number,
  text: string,
  byEnd: Map<number, Mention>,
): "Person" | "Organization" | undefined {
  const gap = ALIAS_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  if (!gap) return undefined;
  const named = byEnd.get(start - gap[0].length);
  return named?.type === "Person" || named?.type === "Organization" ? named.type : undefined;
}

/** Tokens in the longest chunk the words around it may type. */
const MAX_CONTEXT_CHUNK = 6;

/** Names a list is followed back over: "at A, B, C and D". */
const LIST_NAMES_BACK = 6;

/**
 * Roles news gives organisations and hardly ever people named by one word: the source a
 * statement was given to or reported by ("told Handelsblatt", "Swissinfo reported"), the agent
 * of a passive ("data compiled by Kpler", "insured by Ingosstrakh"; not "led by"), one of a kind
 * of business ("trading houses such as Gunvor", "Payoneer and other payment services").
 */
function organisationByRole(words: string[], before: string[], after: string[]): boolean {
  if (isDemonym(words) || hasTimeWord(words)) return false;
  if (before[0] === "told" || after[0] === "reported" || after[0] === "reports") return true;
  // "a Chevron spokesman", "Fiscalía officials": whose staff they are.
  if (STAFF_AFTER.has(after[0] ?? "")) return true;
  const agent = before[0] === "the" ? before.slice(1) : before;
  if (
    agent[0] === "by" &&
    (/^\p{L}+(ed|en|wn|ld)$/u.test(agent[1] ?? "") || IRREGULAR_PARTICIPLES.has(agent[1] ?? "")) &&
    !PERSONAL_AGENCY.has(agent[1]!)
  )
    return true;
  if (before[0] === "as" && before[1] === "such" && ORG_PLURALS.has(before[2] ?? "")) return true;
  return (
    after[0] === "and" &&
    after[1] === "other" &&
    (ORG_PLURALS.has(after[2] ?? "") || ORG_PLURALS.has(after[3] ?? ""))
  );
}

/**
 * The first and last words, lower-cased, of the people named in full (two words or more), and
 * of those named by one word after a title ("President Obama").
 */
export function namePartsOfPeople(found: Mention[]): Set<string> {
  const parts = new Set<string>();
  for (const person of found) {
    if (person.type !== "Person" || person.confidence < 0.65) continue;
    const words = person.text.toLowerCase().split(/[\s-]+/);
    if (words.length < 2 && person.confidence < TITLED_CONFIDENCE) continue;
    parts.add(words[0]!);
    parts.add(words.at(-1)!);
  }
  return parts;
}
