/**
 * Names carried into another script by ear and brought back to Latin letters: Donald Trump is
 * 唐纳德·特朗普 (tang na de te lang pu), ドナルド・トランプ (donarudo toranpu), 도널드 트럼프
 * (doneoldeu teureompeu). Such scripts have no consonant clusters and few final consonants, so
 * they add vowels (tu-ra-n-pu), swap l and r, voice or devoice stops and drop a coda l or r.
 * Spelling similarity cannot see through that; a comparison of sound skeletons can: each part is
 * read as a string of consonant classes and vowel slots, and the two are aligned with an edit
 * distance in which a vowel, a liquid, a nasal or an h comes and goes cheaply.
 */

import type { NameUnit } from "./prepare.ts";

/**
 * Consonant classes: P (b p), F (f v), T (d t th), K (g k q c), S (s z sh ts), J (j ch zh), R (l r),
 * M (m), N (n ng), H; V a vowel slot. M stands apart from N: borrowing scripts keep m and n
 * apart (Samrin is not Samnang), and put one for the other only in a coda (William 威廉 weilian).
 */
const CLASS: Record<string, string> = {
  b: "P",
  p: "P",
  f: "F",
  v: "F",
  d: "T",
  t: "T",
  g: "K",
  k: "K",
  q: "K",
  s: "S",
  z: "S",
  j: "J",
  l: "R",
  r: "R",
  m: "M",
  n: "N",
};

/** Two letters that make one sound. */
const DIGRAPHS: Record<string, string> = {
  ng: "N",
  ch: "J",
  zh: "J",
  sh: "S",
  ts: "S",
  tz: "S",
  dz: "S",
  th: "T",
  dh: "T",
  ph: "F",
  kh: "K",
  gh: "K",
  bh: "P",
};

const VOWEL_LETTERS = "aeiouyw";

/**
 * A folded name part (lower-case ASCII) as sound classes, runs of one class merged:
 * "donarudo" → "TVNVRVTV", "donald" → "TVNVRT". m is read N as well, which is what the
 * candidate keys (matching/keys.ts) expect; transcriptionSimilarity keeps it apart.
 */
export function soundSkeleton(part: string): string {
  return skeletonOf(part, false).replace(/M+/g, "N").replace(/N+/g, "N");
}

/**
 * The skeleton with m as M. `heard`: the part is a romanisation of a borrowing script, whose c
 * and x are pinyin's (ts and s), never k and ks.
 */
function skeletonOf(part: string, heard: boolean): string {
  let out = "";
  const push = (symbol: string) => {
    if (out[out.length - 1] !== symbol) out += symbol;
  };
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    const next = part[i + 1];
    if (c === "t" && next === "c" && part[i + 2] === "h") {
      push("J");
      i += 2;
      continue;
    }
    if (c === "n" && next === "g" && (part[i + 2] === "p" || part[i + 2] === "b")) {
      push("M");
      i++;
      continue;
    }
    const digraph = next ? DIGRAPHS[c + next] : undefined;
    if (digraph) {
      push(digraph);
      i++;
      continue;
    }
    if (VOWEL_LETTERS.includes(c)) push("V");
    else if (c === "h") {
      // An h after a consonant marks aspiration (Thai ph, Korean th), not a sound of its own.
      const last = out[out.length - 1];
      if (last === undefined || last === "V") push("H");
    } else if (c === "c") push(heard || (next && "eiy".includes(next)) ? "S" : "K");
    // Pinyin x (约翰逊 yuehanxun, Johnson) is an s; a Latin x is ks.
    else if (c === "x" && heard) push("S");
    else if (c === "x") {
      push("K");
      push("S");
    } else if (c === "n" && (next === "p" || next === "b")) {
      // An n (or ng) before p or b is said m (トランプ toranpu, 特朗普 telangpu: Trump).
      push("M");
    } else {
      const symbol = CLASS[c];
      if (symbol) push(symbol);
    }
  }
  return out;
}

/** What a symbol costs to add or drop: vowels least, then liquids, nasals and h. */
function indelCost(symbol: string): number {
  if (symbol === "V") return 0.25;
  if (symbol === "R" || symbol === "N" || symbol === "M" || symbol === "H") return 0.5;
  return 1;
}

/** Classes that transcriptions put for one another (v as b, ch as t, j as y). */
const NEAR = new Set(["PF", "SJ", "KJ", "TS", "TJ", "KH", "FV", "JV", "MN"]);

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (NEAR.has(a + b) || NEAR.has(b + a)) return 0.5;
  return indelCost(a) + indelCost(b);
}

function mass(skeleton: string): number {
  let total = 0;
  for (const symbol of skeleton) total += symbol === "V" ? 0.25 : 1;
  return total;
}

function consonants(skeleton: string): number {
  let count = 0;
  for (const symbol of skeleton) if (symbol !== "V") count++;
  return count;
}

/** Skeletons compared beyond this length are cut (a name part is rarely longer). */
const MAX_SKELETON = 24;
let row = new Float64Array(MAX_SKELETON + 1);
let previous = new Float64Array(MAX_SKELETON + 1);

/** A stop closing a part, which borrowing scripts often drop (ត្រាំ tram for Trump, ドナルド). */
const FINAL_STOP_COST = 0.6;

function indelAt(skeleton: string, index: number): number {
  const symbol = skeleton[index]!;
  if (index === skeleton.length - 1 && (symbol === "P" || symbol === "T" || symbol === "K"))
    return FINAL_STOP_COST;
  return indelCost(symbol);
}

/** Weighted edit distance of two skeletons. */
function distance(a: string, b: string): number {
  previous[0] = 0;
  for (let j = 1; j <= b.length; j++) previous[j] = previous[j - 1]! + indelAt(b, j - 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = previous[0]! + indelAt(a, i - 1);
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + indelAt(a, i - 1),
        row[j - 1]! + indelAt(b, j - 1),
        previous[j - 1]! + substitutionCost(a[i - 1]!, b[j - 1]!),
      );
    }
    [row, previous] = [previous, row];
  }
  return previous[b.length]!;
}

/** How alike two skeletons are, 0 to 1: 1 less the edit cost over the heavier one's mass. */
export function skeletonSimilarity(a: string, b: string): number {
  const x = a.slice(0, MAX_SKELETON);
  const y = b.slice(0, MAX_SKELETON);
  const heavier = Math.max(mass(x), mass(y));
  if (heavier === 0) return 0;
  return Math.max(0, 1 - distance(x, y) / heavier);
}

/** Below this skeleton similarity two parts are not one name heard twice. */
const MIN_SKELETON_SIMILARITY = 0.78;
/** Parts with fewer consonants than this say too little in skeleton alone (Sen, Sun, Shin). */
const MIN_CONSONANTS = 3;

/** Skeletons of two consonants count when equal and this long with their vowels (VPVNV). */
const MIN_SAME_FRAME = 5;
/** What parts of three consonants can score beyond the least: less than longer parts can. */
const THREE_CONSONANT_RANGE = 0.015;
const RANGE = 0.035;
const SAME_FRAME_SIMILARITY = 0.95;

/**
 * How alike two folded name parts are when one was transcribed by ear from the other, on the
 * scale of partSimilarity in align.ts (0 when not alike enough to count). Meant only for pairs
 * where one side comes from a script that transcribes (Han, kana, Hangul, Thai, Khmer): within
 * Latin, spelling says more.
 */
export function transcriptionSimilarity(heard: string, latin: string): number {
  const x = skeletonOf(heard, true);
  const y = skeletonOf(latin, false);
  const fewest = Math.min(consonants(x), consonants(y));
  // Two consonants in the same frame of vowels (aobama, obama) still tell one name.
  if (fewest === 2 && x === y && x.length >= MIN_SAME_FRAME) return SAME_FRAME_SIMILARITY;
  if (fewest < MIN_CONSONANTS) return 0;
  const similarity = skeletonSimilarity(x, y);
  if (similarity < MIN_SKELETON_SIMILARITY) return 0;
  // 0.78 → 0.93, 1 → 0.965: parts whose sounds agree once the borrowing script's vowels and
  // codas are allowed for are good evidence (every part of a name agreeing so scores a match),
  // never as good as one spelling (1) or one phonetic key (0.97).
  // Three consonants agreeing say less than four or more (Prawit and Prayut are p-r-t both).
  const range = fewest === MIN_CONSONANTS ? THREE_CONSONANT_RANGE : RANGE;
  return 0.93 + ((similarity - MIN_SKELETON_SIMILARITY) / (1 - MIN_SKELETON_SIMILARITY)) * range;
}

/**
 * For align.ts: a unit of the name written by ear (tokens or syllables run together, tangnade)
 * against one part of the Latin name. A Latin unit of several parts run together is left out:
 * syllables of Korean names joined (hanunhyon) would meet any other syllables of like sound.
 */
export function heardSimilarity(heard: NameUnit, latin: NameUnit): number {
  if ((latin.mask & (latin.mask - 1)) !== 0) return 0;
  return transcriptionSimilarity(heard.text, latin.text);
}
