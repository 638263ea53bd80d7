/**
 * Every name of every listed entity, matched in document text: Latin names token by token with
 * OCR confusions folded (`Kim Jong II` = `Kim Jong Il`, `0ffice` = `Office`), names in Hangul,
 * Chinese characters or kana as they are written. Identifiers (IMO, BIC, wallets, passports)
 * map to their entities too.
 */
import {
  entityIdentifiers,
  IDENTIFIER_PROPS,
  normaliseIdentifier,
} from "../../matching/identifiers.ts";
import { caption, type Entity } from "../../model/entity.ts";
import { foldName } from "../../names/normalize.ts";
import type { Mention } from "../types.ts";
import { commonSurnames, givenNames } from "./given-names.ts";
import { profileOf, type CandidateProfile, type HomonymSource } from "./homonyms.ts";
import { TITLES } from "./words.ts";

export interface GazetteerEntry {
  entityId: string;
  caption: string;
  schema: string;
}

const NAME_PROPS = ["name", "alias", "previousName", "weakAlias"];
const MAX_TOKENS = 8;
/** A character of Hangul, Han or kana. */
export const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Lower case, ASCII, and the letters OCR mixes up made one: l/I/1 → i, 0 → o, rn → m. */
export function ocrFold(token: string): string {
  return foldName(token)
    .toLowerCase()
    .replace(/rn/g, "m")
    .replace(/[l1|]/g, "i")
    .replace(/0/g, "o");
}

const isCommonName = (word: string): boolean => {
  const plain = foldName(word).toLowerCase();
  return givenNames().has(plain) || commonSurnames().has(plain);
};

/** The properties a gazetteer reads: names, given names, identifiers and what makes a caption. */
const GAZETTEER_PROPS = new Set([
  ...NAME_PROPS,
  "firstName",
  ...IDENTIFIER_PROPS,
  "caption",
  "title",
  "number",
  "publicKey",
  "imoNumber",
  // What tells homonyms apart (homonyms.ts).
  "birthDate",
  "position",
  "notes",
]);

/**
 * An entity cut to what a gazetteer reads: sent to reader threads, which build their own
 * gazetteer from it (reader/pool.ts), without the rest of the index.
 */
export function gazetteerEntity(entity: Entity): Entity {
  const properties: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(entity.properties))
    if (GAZETTEER_PROPS.has(prop)) properties[prop] = values;
  return { id: entity.id, schema: entity.schema, properties };
}

const wordsOf = (text: string): RegExpMatchArray[] => [...text.matchAll(/[\p{L}\p{N}]+/gu)];

export class Gazetteer implements HomonymSource {
  private readonly latin = new Map<string, GazetteerEntry[]>();
  /** CJK names by their first two characters. */
  private readonly cjk = new Map<string, Array<[string, GazetteerEntry]>>();
  private readonly identifiers = new Map<string, GazetteerEntry>();
  /**
   * Given names of listed people, lower-cased ("hossein", "kaltoum"): the lists name people of
   * the regions sanctions concern, whose names general name lists in Latin letters lack.
   */
  readonly givenNames = new Set<string>();
  /** What each entity's record says that text near a name can agree with (homonyms.ts). */
  private readonly profiles = new Map<string, CandidateProfile>();
  private readonly organisationsNamed = new Map<string, string[]>();

  constructor(entities: Iterable<Entity>) {
    for (const entity of entities) {
      const entry = { entityId: entity.id, caption: caption(entity), schema: entity.schema };
      const profile = profileOf(entity);
      if (profile) this.profiles.set(entity.id, profile);
      for (const first of entity.properties.firstName ?? []) {
        const given = first.split(/\s+/)[0]!.toLowerCase();
        if (/^\p{Script=Latin}{3,}$/u.test(given)) this.givenNames.add(given);
      }
      for (const prop of NAME_PROPS) {
        for (const name of entity.properties[prop] ?? []) {
          this.addName(name, entry);
          // "KOREA KWANGSON BANKING CORP (KKBC)": text names it with or without the aside.
          const bare = name.replace(/\s*\([^)]*\)\s*/g, " ").trim();
          if (bare !== name && wordsOf(bare).length >= 2) this.addName(bare, entry);
        }
      }
      for (const id of entityIdentifiers(entity.properties)) this.identifiers.set(id, entry);
    }
  }

  private addName(name: string, entry: GazetteerEntry): void {
    if (CJK.test(name)) {
      const compact = name.replace(/\s+/g, "");
      if (compact.length < 2) return;
      const key = compact.slice(0, 2);
      const list = this.cjk.get(key) ?? [];
      list.push([compact, entry]);
      this.cjk.set(key, list);
      return;
    }
    const words = wordsOf(name);
    const tokens = words.map((m) => ocrFold(m[0]));
    // One short word (a vessel called "SUN") would match everyday text; a person's one-word
    // alias that is a common given name or surname ("NICOLAS") would match every namesake.
    if (tokens.length === 0 || tokens.length > MAX_TOKENS) return;
    if (tokens.length === 1 && tokens[0]!.length < 6) return;
    if (tokens.length === 1 && entry.schema === "Person" && isCommonName(words[0]![0])) return;
    // An alias that is a title ("CHAIRMAN") would tie every chairman to one listed person.
    if (tokens.length === 1 && TITLES.has(tokens[0]!)) return;
    const key = tokens.join(" ");
    const list = this.latin.get(key) ?? [];
    if (!list.some((e) => e.entityId === entry.entityId)) list.push(entry);
    this.latin.set(key, list);
  }

  profile(entityId: string): CandidateProfile | undefined {
    return this.profiles.get(entityId);
  }

  /** The listed organisations a record's description names ("KOMID Representative in Iran"). */
  organisationsIn(description: string): string[] {
    let ids = this.organisationsNamed.get(description);
    if (!ids) {
      ids = this.find(description).flatMap((m) =>
        m.type === "Organization" ? (m.candidates?.map((c) => c.entityId) ?? [m.entityId!]) : [],
      );
      this.organisationsNamed.set(description, ids);
    }
    return ids;
  }

  get size(): number {
    return this.latin.size + this.cjk.size;
  }

  /** The entity behind an identifier value ("IMO 8660313", "XBT 1A1z…"), if listed. */
  identifier(value: string): GazetteerEntry | undefined {
    const bare = value.replace(/^(IMO|MMSI|BIC|XBT|ETH|TRX|passport|registration)\s+/i, "");
    return this.identifiers.get(normaliseIdentifier(bare));
  }

  /** Listed names in the text, longest first where they overlap. */
  find(text: string): Mention[] {
    const found: Mention[] = [];
    const words = wordsOf(text);
    const folded = words.map((m) => ocrFold(m[0]));
    for (let i = 0; i < words.length; i++) {
      // Names start with a capital (or are all capitals); lower-case words are ordinary text.
      if (!/^[\p{Lu}\p{N}]/u.test(words[i]![0])) continue;
      for (let n = Math.min(MAX_TOKENS, words.length - i); n >= 1; n--) {
        const entries = this.latin.get(folded.slice(i, i + n).join(" "));
        if (!entries) continue;
        const start = words[i]!.index!;
        const last = words[i + n - 1]!;
        const end = last.index! + last[0].length;
        const surface = text.slice(start, end);
        // Words are matched across punctuation ("Co., Ltd."), but not into or out of brackets.
        if (/\n\s*\n/.test(surface) || /[()[\]]/.test(surface)) continue;
        const exact =
          foldName(surface).toLowerCase() === foldName(entries[0]!.caption).toLowerCase();
        const mention = this.mention(entries[0]!, surface, start, end, exact ? 1 : 0.92);
        // Homonyms (two listed Kim Yong Chols): which one is for the text near it to say.
        const namesakes = entries.filter((e) => mentionType(e.schema) === mention.type);
        if (namesakes.length > 1)
          mention.candidates = namesakes.map((e) => ({
            entityId: e.entityId,
            caption: e.caption,
            score: mention.score!,
            evidence: [],
          }));
        found.push(mention);
        i += n - 1;
        break;
      }
    }
    for (let i = 0; i < text.length - 1; i++) {
      const candidates = this.cjk.get(text.slice(i, i + 2));
      if (!candidates) continue;
      const hit = candidates
        .filter(([name]) => text.startsWith(name, i))
        .sort((a, b) => b[0].length - a[0].length)[0];
      if (!hit) continue;
      found.push(this.mention(hit[1], hit[0], i, i + hit[0].length, 1));
      i += hit[0].length - 1;
    }
    return found;
  }

  private mention(
    entry: GazetteerEntry,
    text: string,
    start: number,
    end: number,
    score: number,
  ): Mention {
    return {
      type: mentionType(entry.schema),
      text,
      start,
      end,
      confidence: score >= 1 ? 0.95 : 0.85,
      entityId: entry.entityId,
      entityCaption: entry.caption,
      score,
    };
  }
}

export function mentionType(schema: string): Mention["type"] {
  if (schema === "Person") return "Person";
  if (schema === "Vessel") return "Vessel";
  if (schema === "Address") return "Location";
  if (schema === "CryptoWallet") return "CryptoWallet";
  if (schema === "BankAccount") return "BankAccount";
  return "Organization";
}
