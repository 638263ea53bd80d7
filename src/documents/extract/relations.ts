/**
 * Relations between the parties a text names. Patterns read what one sentence says of two
 * neighbouring names ("X, a subsidiary of Y", "X reports to Y", "X paid Y $N", "owned by"); names
 * in the same paragraph are related by co-mention, weighted so a paragraph listing many names
 * says less about each pair than one naming two.
 */
import type { Mention, MentionType, Relation, RelationKind, RelationParty } from "../types.ts";

/** Kinds of mention that are nodes of the network; places, amounts and dates are not. */
const PARTY_TYPES: ReadonlySet<MentionType> = new Set([
  "Person",
  "Organization",
  "Vessel",
  "BankAccount",
  "CryptoWallet",
]);
/** Pattern relations need the two names this close (characters between them). */
const MAX_GAP = 90;
/** A paragraph naming more parties than this is a list or a table: its lines are used instead. */
const MAX_PARTIES_PER_UNIT = 30;

const PAY = String.raw`(?:paid|pays|transferred|transfers|sent|sends|wired|wires|remitted|remits|lent|loaned|gave|moved|moves|routed|routes|channell?ed|funnell?ed|forwarded|forwards|deposited|advanced)`;
const HEDGE = String.raw`(?:(?:about|approximately|around|some|nearly|almost|over|more than|a total of|at least|roughly|close to|up to|a further|another|an additional|a second|the equivalent of|an estimated)\s+)*`;
/**
 * What may stand between a payer's name and the verb: "of Dubai", ", a Hong Kong shell,", "then",
 * "also", "which" ("X Ltd., which wired …"); not another party (parties are read pairwise).
 */
const PAYER_ASIDE = String.raw`\s*,?\s*(?:(?:of|in|from|based in)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*,?\s*|(?:an?|the)\s+[^,;.()]{1,40},\s*)?(?:(?:which|who|that|then|also|later|again|subsequently|allegedly|reportedly|separately|itself|directly|secretly|had|has|have|in turn)\s+)*`;
/** What may stand between the amount and the payee's name: "to", "to an account held by". */
const TO_PAYEE = String.raw`^\s+(?:in (?:cash|tranches|instalments|installments|total)\s+)?(?:to|into|in favou?r of)\s+(?:(?:the|an?)\s+)?(?:(?:bank\s+)?accounts?\s+(?:of|held by|controlled by|owned by|belonging to|in the name of)\s+(?:the\s+)?)?$`;

/** What the words between two names say; `reverse`: the second name is the relation's source. */
const BETWEEN: Array<{ kind: RelationKind; pattern: RegExp; reverse?: boolean }> = [
  {
    kind: "subsidiary_of",
    pattern:
      /^\s*,?\s*(?:which is |that is |is |was |being )?(?:an? |the )?(?:wholly[- ]owned |majority[- ]owned |fully[- ]owned |overseas |foreign )?(?:subsidiary|branch|division|front company|front|unit|arm)\s+of\s+(?:the\s+)?$/i,
  },
  {
    kind: "subsidiary_of",
    pattern: /^['’]s?\s+(?:subsidiary|subsidiaries|branch|front company|front|unit)\s*,?\s*$/i,
    reverse: true,
  },
  {
    kind: "owned_by",
    pattern:
      /^\s*,?\s*(?:which is |that is |is |was |are |were |being )?(?:wholly |partly |jointly |majority[- ]|ultimately |fully |directly |indirectly )?(?:owned|controlled)(?: (?:and|or) (?:controlled|operated|owned|managed))?\s+by\s+(?:the\s+)?$/i,
  },
  {
    kind: "owned_by",
    pattern: /^\s+(?:owns|owned|controls|controlled|operates|operated)\s+(?:the\s+)?$/i,
    reverse: true,
  },
  {
    kind: "reports_to",
    pattern:
      /^\s*,?\s*(?:who |which |that )?(?:reports|reported|reporting|answers|answered|answering|is subordinate|was subordinate|are subordinate|were subordinate|is accountable|was accountable)\s+(?:directly\s+)?to\s+(?:the\s+)?$/i,
  },
  {
    kind: "reports_to",
    pattern:
      /^\s*,?\s*(?:which is |that is |is |was |operating |operates )?under\s+the\s+(?:control|direction|command|supervision)\s+of\s+(?:the\s+)?$/i,
  },
];

/** A relation as one flat record: a table row, a line of JSON output. */
export function flatRelation(r: Relation): {
  kind: RelationKind;
  source_text: string;
  source_type: MentionType;
  source_entity_id: string | null;
  target_text: string;
  target_type: MentionType;
  target_entity_id: string | null;
  weight: number;
  value: string | null;
  start: number;
  end: number;
} {
  return {
    kind: r.kind,
    source_text: r.source.text,
    source_type: r.source.type,
    source_entity_id: r.source.entityId ?? null,
    target_text: r.target.text,
    target_type: r.target.type,
    target_entity_id: r.target.entityId ?? null,
    weight: r.weight,
    value: r.value ?? null,
    start: r.start,
    end: r.end,
  };
}

export function extractRelations(text: string, mentions: readonly Mention[]): Relation[] {
  const parties = mentions
    .filter((m) => PARTY_TYPES.has(m.type))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const moneys = mentions.filter((m) => m.type === "Money").sort((a, b) => a.start - b.start);
  return [...patternRelations(text, parties, moneys), ...coMentions(text, parties)];
}

function patternRelations(text: string, parties: Mention[], moneys: Mention[]): Relation[] {
  const relations: Relation[] = [];
  for (let i = 0; i + 1 < parties.length; i++) {
    const first = parties[i]!;
    const second = parties[i + 1]!;
    if (second.start < first.end || second.start - first.end > MAX_GAP) continue;
    const gap = text.slice(first.end, second.start);
    if (/[.;!?]\s/.test(gap) || gap.includes("\n\n")) continue;
    const said = BETWEEN.find(({ pattern }) => pattern.test(gap));
    if (said) {
      const [source, target] = said.reverse ? [second, first] : [first, second];
      relations.push(relation(said.kind, source, target, first.start, second.end));
      continue;
    }
    const payment = paymentBetween(text, first, second, moneys);
    if (payment) relations.push(payment);
  }
  return relations;
}

/** "X paid Y $N", "X paid $N to Y", "X received $N from Y". */
function paymentBetween(
  text: string,
  first: Mention,
  second: Mention,
  moneys: Mention[],
): Relation | undefined {
  const gap = text.slice(first.end, second.start);
  const inGap = moneys.filter((m) => m.start >= first.end && m.end <= second.start);
  if (inGap.length === 0) {
    if (!new RegExp(`^${PAYER_ASIDE}${PAY}\\s+(?:the\\s+)?$`, "iu").test(gap)) return undefined;
    const after = moneys.find((m) => m.start >= second.end && m.start - second.end <= 16);
    if (!after) return undefined;
    if (!new RegExp(`^\\s*,?\\s*${HEDGE}$`, "i").test(text.slice(second.end, after.start)))
      return undefined;
    return relation("paid", first, second, first.start, after.end, after.value ?? after.text);
  }
  if (inGap.length !== 1) return undefined;
  const money = inGap[0]!;
  const before = text.slice(first.end, money.start);
  const after = text.slice(money.end, second.start);
  if (
    new RegExp(`^${PAYER_ASIDE}${PAY}\\s+${HEDGE}$`, "iu").test(before) &&
    new RegExp(TO_PAYEE, "i").test(after)
  )
    return relation("paid", first, second, first.start, second.end, money.value ?? money.text);
  if (
    /^\s+(?:received|receives|got|obtained|was paid|was sent)\s+/i.test(before) &&
    /^\s+from\s+(?:the\s+)?$/i.test(after)
  )
    return relation("paid", second, first, first.start, second.end, money.value ?? money.text);
  return undefined;
}

function relation(
  kind: RelationKind,
  source: Mention,
  target: Mention,
  start: number,
  end: number,
  value?: string,
): Relation {
  return { kind, source: party(source), target: party(target), weight: 1, value, start, end };
}

function party(mention: Mention): RelationParty {
  return { text: mention.text, type: mention.type, entityId: mention.entityId };
}

/** The same party however it is written: its listed entity, else its type and folded name. */
function partyKey(mention: Mention): string {
  if (mention.entityId) return `entity:${mention.entityId}`;
  return `${mention.type}:${(mention.value ?? mention.text).toLowerCase().replace(/\s+/g, " ")}`;
}

function coMentions(text: string, parties: Mention[]): Relation[] {
  const pairs = new Map<string, Relation>();
  for (const unit of units(text, parties)) {
    const distinct = new Map<string, Mention>();
    for (const mention of unit.parties)
      if (!distinct.has(partyKey(mention))) distinct.set(partyKey(mention), mention);
    if (distinct.size < 2 || distinct.size > MAX_PARTIES_PER_UNIT) continue;
    const share = 1 / (distinct.size - 1);
    const keys = [...distinct.keys()].sort();
    for (let a = 0; a < keys.length; a++) {
      for (let b = a + 1; b < keys.length; b++) {
        const pairKey = `${keys[a]}\u0000${keys[b]}`;
        const known = pairs.get(pairKey);
        if (known) {
          known.weight += share;
          continue;
        }
        const source = distinct.get(keys[a]!)!;
        const target = distinct.get(keys[b]!)!;
        pairs.set(pairKey, {
          ...relation("co_mention", source, target, unit.start, unit.end),
          weight: share,
        });
      }
    }
  }
  return [...pairs.values()].map((r) => ({ ...r, weight: Math.round(r.weight * 1000) / 1000 }));
}

interface Unit {
  start: number;
  end: number;
  parties: Mention[];
}

/** Paragraphs (blank-line separated); a paragraph crowded with names falls apart into its lines. */
function units(text: string, parties: Mention[]): Unit[] {
  const result: Unit[] = [];
  let next = 0;
  for (const paragraph of spans(text, /\n\s*\n/g)) {
    const inside: Mention[] = [];
    while (next < parties.length && parties[next]!.start < paragraph.end) {
      if (parties[next]!.start >= paragraph.start) inside.push(parties[next]!);
      next++;
    }
    if (inside.length <= MAX_PARTIES_PER_UNIT) {
      result.push({ ...paragraph, parties: inside });
      continue;
    }
    let line = 0;
    const lines = spans(text.slice(paragraph.start, paragraph.end), /\n/g);
    for (const { start, end } of lines) {
      const unit: Unit = {
        start: paragraph.start + start,
        end: paragraph.start + end,
        parties: [],
      };
      while (line < inside.length && inside[line]!.start < unit.end) {
        if (inside[line]!.start >= unit.start) unit.parties.push(inside[line]!);
        line++;
      }
      result.push(unit);
    }
  }
  return result;
}

function spans(text: string, separator: RegExp): Array<{ start: number; end: number }> {
  const result: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(separator)) {
    result.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  result.push({ start, end: text.length });
  return result;
}
