/**
 * Numbers in organisation and vessel names written one way: Forty-Four = 44, Second = 2nd = 2,
 * No. 39 = Nr. 39 = #39 = 39. Different numbers stay different (Brigade 44 is not Brigade 45).
 */

const UNITS = new Map<string, number>(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
const ORDINAL_UNITS = new Map<string, number>(
  Object.entries({
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    fifth: 5,
    sixth: 6,
    seventh: 7,
    eighth: 8,
    ninth: 9,
    tenth: 10,
    eleventh: 11,
    twelfth: 12,
    thirteenth: 13,
    fourteenth: 14,
    fifteenth: 15,
    sixteenth: 16,
    seventeenth: 17,
    eighteenth: 18,
    nineteenth: 19,
  }),
);
const TENS = new Map<string, number>(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fourty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);
const ORDINAL_TENS = new Map<string, number>(
  Object.entries({
    twentieth: 20,
    thirtieth: 30,
    fortieth: 40,
    fiftieth: 50,
    sixtieth: 60,
    seventieth: 70,
    eightieth: 80,
    ninetieth: 90,
  }),
);
/** Hundred and thousand, cardinal and ordinal, in English and Spanish (mil, cien). */
const MULTIPLIERS = new Map<string, number>(
  Object.entries({
    hundred: 100,
    hundredth: 100,
    thousand: 1000,
    thousandth: 1000,
    cien: 100,
    ciento: 100,
    mil: 1000,
  }),
);
/**
 * Spanish number words, read only inside a run of two or more number words (Dos Mil Veinte):
 * alone, dos, tres and mil are also words of names.
 */
const SPANISH = new Map<string, number>(
  Object.entries({
    uno: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
    diez: 10,
    veinte: 20,
    treinta: 30,
    cuarenta: 40,
    cincuenta: 50,
    sesenta: 60,
    setenta: 70,
    ochenta: 80,
    noventa: 90,
    doscientos: 200,
    trescientos: 300,
    quinientos: 500,
  }),
);
/** Russian ordinal endings written after digits (150-ya, 2-oy, 5-y). */
const RUSSIAN_ORDINAL_ENDINGS = new Set(["ya", "yy", "yi", "iy", "oy", "oe", "ye", "go", "y", "j"]);

function wordValue(token: string): number | undefined {
  return UNITS.get(token) ?? ORDINAL_UNITS.get(token) ?? TENS.get(token) ?? ORDINAL_TENS.get(token);
}

/**
 * A run of number words from `start` with hundreds and thousands (One Hundred Fiftieth = 150;
 * Two Thousand Twenty, Dos Mil Veinte = 2020), or undefined when fewer than two words make one.
 */
function numberRun(tokens: string[], start: number): { value: number; length: number } | undefined {
  let total = 0;
  let current = 0;
  let length = 0;
  let multiplied = false;
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i]!;
    const multiplier = MULTIPLIERS.get(token);
    if (multiplier !== undefined) {
      const base = current === 0 ? 1 : current;
      if (multiplier === 1000) {
        total += base * 1000;
        current = 0;
      } else current = base * 100;
      multiplied = true;
    } else if (token === "and" && length > 0 && wordValue(tokens[i + 1] ?? "") !== undefined) {
      // One Hundred and Fifty.
    } else {
      const value = wordValue(token) ?? SPANISH.get(token);
      if (value === undefined) break;
      current += value;
    }
    length++;
  }
  if (length < 2 || !multiplied) return undefined;
  return { value: total + current, length };
}

/** Roman numerals that are seldom anything else in a name. */
const ROMAN = new Map(Object.entries({ ii: 2, iii: 3, iv: 4, vi: 6, vii: 7, viii: 8, ix: 9 }));
const FINAL_ROMAN = new Map([
  ["i", 1],
  ["v", 5],
  ["x", 10],
]);
/** Words that say "number" before one: No. 39, Nr. 39, Num 39, Nomer 39. */
const NUMBER_SIGNS = new Set(["no", "nr", "num", "number", "nomer", "numero", "nro", "n"]);

function unitValue(token: string): number | undefined {
  return UNITS.get(token) ?? ORDINAL_UNITS.get(token);
}

/**
 * The tokens with number words and ordinals as digits and number signs before digits dropped:
 * ["forty", "four", "brigade"] → ["44", "brigade"]; ["office", "no", "39"] → ["office", "39"].
 */
export function spellNumbers(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1] ?? "";
    if (NUMBER_SIGNS.has(token) && /^\d/.test(next) && tokens.length > 1) continue;
    const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(token);
    if (ordinal) {
      out.push(String(Number(ordinal[1])));
      continue;
    }
    if (/^\d+$/.test(token) && RUSSIAN_ORDINAL_ENDINGS.has(next) && tokens.length > 2) {
      out.push(token);
      i++;
      continue;
    }
    const run = numberRun(tokens, i);
    if (run) {
      out.push(String(run.value));
      i += run.length - 1;
      continue;
    }
    const tens = TENS.get(token);
    if (tens !== undefined) {
      const unit = unitValue(next);
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(tens + unit));
        i++;
      } else out.push(String(tens));
      continue;
    }
    // A lone I, V or X ends a vessel's or a fund's name as a number (Happiness I).
    // Not after another single letter: N. V. and C. V. are legal forms.
    const last =
      i === tokens.length - 1 && i > 0 && tokens[i - 1]!.length > 1
        ? FINAL_ROMAN.get(token)
        : undefined;
    // "One" inside a name is a word (Hui One Group, One Belt One Road); last, a number (Gold Star One).
    if (token === "one" && i < tokens.length - 1) {
      out.push(token);
      continue;
    }
    const value = unitValue(token) ?? ORDINAL_TENS.get(token) ?? ROMAN.get(token) ?? last;
    out.push(value === undefined ? token : String(value));
  }
  return out;
}
