/**
 * Amounts with a currency: `$1 billion`, `USD 250,000`, `HK$8 million`, `AED 5,500,000`,
 * `1 billion yen`, `2.5 million euros`,
 * `10억 원`, `100万円`, `1亿元`. The value is canonical: `1000000000 USD`.
 */
import type { Mention } from "../types.ts";

const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/^(us\$|\$|usd|us dollars?|dollars?|달러|美元|ドル)$/i, "USD"],
  [/^(€|eur|euros?)$/i, "EUR"],
  [/^(£|gbp|pounds?( sterling)?)$/i, "GBP"],
  [/^(¥|jpy|yen|円)$/i, "JPY"],
  [/^(cny|rmb|yuan|renminbi|元|위안)$/i, "CNY"],
  [/^(kpw|north korean won)$/i, "KPW"],
  [/^(₩|krw|won|원)$/i, "KRW"],
  [/^(chf|swiss francs?)$/i, "CHF"],
  [/^(rub|rubles?|roubles?)$/i, "RUB"],
  [/^(hk\$|hkd|hong kong dollars?)$/i, "HKD"],
  [/^(s\$|sgd|singapore dollars?)$/i, "SGD"],
  [/^(aed|dirhams?)$/i, "AED"],
  [/^(nt\$|twd)$/i, "TWD"],
];

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  만: 1e4,
  万: 1e4,
  억: 1e8,
  亿: 1e8,
  億: 1e8,
};

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`thousand|million|billion|trillion|mn|bn|m|k`;
const PREFIX = String.raw`US\$|HK\$|S\$|NT\$|\$|€|£|¥|₩|USD|EUR|GBP|JPY|CNY|RMB|KPW|KRW|CHF|RUB|HKD|SGD|AED|TWD`;
const SUFFIX = String.raw`US dollars?|Hong Kong dollars?|Singapore dollars?|dollars?|euros?|pounds?(?: sterling)?|yen|yuan|renminbi|north korean won|won|rubles?|roubles?|swiss francs?|dirhams?|USD|EUR|GBP|JPY|CNY|RMB|KPW|KRW|CHF|RUB|HKD|SGD|AED|TWD`;

const PREFIXED = new RegExp(
  String.raw`(?<![\w$€£¥₩])(${PREFIX})\s?(${NUMBER})(?:\s?(${SCALE})\b)?`,
  "gi",
);
const SUFFIXED = new RegExp(
  String.raw`(?<![\w.,])(${NUMBER})(?:\s?(${SCALE}))?\s(${SUFFIX})\b`,
  "gi",
);
// The look-behind starts a number only at its first digit: without it a long run of digits is
// tried from every position, which is quadratic (a file of zeros took minutes).
const CJK = /(?<![\d.,])(\d+(?:[.,]\d+)*)\s?([만万억亿億])?\s?(원|円|元|위안|달러|美元|ドル)/g;

function currencyOf(word: string): string | undefined {
  return CURRENCY_WORDS.find(([pattern]) => pattern.test(word.trim()))?.[1];
}

function amount(number: string, scale: string | undefined): number {
  return Number(number.replace(/,/g, "")) * (scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1);
}

export function extractAmounts(text: string): Mention[] {
  const found: Mention[] = [];
  const add = (
    index: number,
    matched: string,
    value: number,
    currency: string | undefined,
  ): void => {
    if (!currency || !Number.isFinite(value)) return;
    const end = index + matched.length;
    if (found.some((f) => f.start < end && index < f.end)) return;
    found.push({
      type: "Money",
      text: matched,
      start: index,
      end,
      confidence: 0.95,
      value: `${value} ${currency}`,
    });
  };
  for (const m of text.matchAll(PREFIXED)) {
    // "m"/"k" right after a number are scales only when no letter follows.
    add(m.index!, m[0], amount(m[2]!, m[3]), currencyOf(m[1]!));
  }
  for (const m of text.matchAll(SUFFIXED))
    add(m.index!, m[0], amount(m[1]!, m[2]), currencyOf(m[3]!));
  for (const m of text.matchAll(CJK)) add(m.index!, m[0], amount(m[1]!, m[2]), currencyOf(m[3]!));
  return found;
}
