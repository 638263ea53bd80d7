/**
 * How long a name may be. Romanisers recurse or copy per character (wanakana's kana parser
 * recurses once per character and overflows the stack near 4,000 kana), and a 100 KB name costs
 * seconds of pinyin and Hangul work: names are cut to a bound before any of it. The bound is
 * far above any real name (listed names run to a few hundred characters at most); screening
 * queries past it are refused where they come in (screening/query.ts), so that a customer's name
 * is never screened cut short, and only malformed list data is ever cut.
 */
export const MAX_NAME_LENGTH = 500;

/**
 * The name cut to MAX_NAME_LENGTH characters (UTF-16 units), never inside a surrogate pair.
 *
 * @example boundName("a".repeat(600)).length === 500
 */
export function boundName(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  const cut = name.slice(0, MAX_NAME_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
