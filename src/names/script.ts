/** Which writing systems a name uses, to pick its romanisations. */
export const SCRIPTS = [
  "latin",
  "hangul",
  "han",
  "kana",
  "cyrillic",
  "arabic",
  "hebrew",
  "other",
] as const;
export type Script = (typeof SCRIPTS)[number];

const PATTERNS: Array<[Script, RegExp]> = [
  ["hangul", /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u],
  ["kana", /[\u3040-\u30ff\u31f0-\u31ff]/u],
  ["han", /\p{Script=Han}/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["latin", /\p{Script=Latin}/u],
];

export function detectScripts(text: string): Set<Script> {
  const found = new Set<Script>();
  for (const [script, pattern] of PATTERNS) if (pattern.test(text)) found.add(script);
  if (found.size === 0 && /\p{L}/u.test(text)) found.add("other");
  return found;
}

/** Scripts that write consonants and long vowels only: their romanisations lack vowels. */
export function isAbjad(text: string): boolean {
  const scripts = detectScripts(text);
  return scripts.has("arabic") || scripts.has("hebrew");
}
