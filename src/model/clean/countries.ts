/**
 * Country names as sanctions lists print them ("Korea, North", "Iran (Islamic Republic of)",
 * "Burma") to lower-case ISO 3166-1 alpha-2 codes, FtM's country type. The ISO names come from
 * i18n-iso-countries; ALIASES holds the spellings lists use that it lacks.
 */
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };

countries.registerLocale(english);

const ALIASES: Record<string, string> = {
  "north korea": "kp",
  "korea north": "kp",
  dprk: "kp",
  "democratic people s republic of korea": "kp",
  "korea democratic people s republic of": "kp",
  "korea dpr": "kp",
  "south korea": "kr",
  "korea south": "kr",
  "korea republic of": "kr",
  burma: "mm",
  syria: "sy",
  iran: "ir",
  laos: "la",
  "viet nam": "vn",
  moldova: "md",
  brunei: "bn",
  macau: "mo",
  macao: "mo",
  micronesia: "fm",
  swaziland: "sz",
  "cabo verde": "cv",
  "cote d ivoire": "ci",
  curacao: "cw",
  palestinian: "ps",
  "west bank": "ps",
  gaza: "ps",
  "gaza strip": "ps",
  "libyan arab jamahiriya": "ly",
  bahamas: "bs",
  gambia: "gm",
  "congo democratic republic of the": "cd",
  "congo republic of the": "cg",
  "st kitts and nevis": "kn",
  "st vincent and the grenadines": "vc",
  "st lucia": "lc",
  "region crimea": "ua",
  crimea: "ua",
  "netherlands antilles": "an",
  "serbia and montenegro": "cs",
  yugoslavia: "yu",
  "soviet union": "su",
  ussr: "su",
  uk: "gb",
  usa: "us",
  "united states of america": "us",
  "great britain": "gb",
  turkiye: "tr",
  "hong kong sar": "hk",
  "taiwan province of china": "tw",
  "tanzania united republic of": "tz",
  "bolivia plurinational state of": "bo",
  "venezuela bolivarian republic of": "ve",
  "russia federation": "ru",
  kosovo: "xk",
  "east timor": "tl",
  "holy see": "va",
  "vatican city": "va",
};

/** Every English name i18n-iso-countries knows for every country ("Türkiye" and "Turkey"). */
export function englishCountryNames(): string[] {
  return Object.values(countries.getNames("en", { select: "all" })).flat();
}

const INDEX = buildIndex();

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const [code, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    for (const name of names) index.set(normalise(name), code.toLowerCase());
    index.set(code.toLowerCase(), code.toLowerCase());
  }
  for (const [name, code] of Object.entries(ALIASES)) index.set(name, code);
  return index;
}

function normalise(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/^the /, "")
    .replace(/ the$/, "")
    .trim();
}

/** The ISO code of a country name or code, or undefined if it names no country we know. */
export function countryCode(raw: string): string | undefined {
  const name = normalise(raw);
  if (name === "") return undefined;
  const direct = INDEX.get(name);
  if (direct) return direct;
  // "Iran (Islamic Republic of)" and "Korea, North": try the parts in the other order.
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(raw);
  if (paren) return countryCode(`${paren[2]} ${paren[1]}`) ?? countryCode(paren[1] ?? "");
  const comma = /^([^,]+),\s*(.+)$/.exec(raw);
  if (comma) return INDEX.get(normalise(`${comma[2]} ${comma[1]}`));
  return undefined;
}
