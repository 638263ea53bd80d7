/**
 * Place names known without a download: every country and territory name the runtime's own
 * ICU data gives in English (Intl.DisplayNames), common short forms, and the cities and
 * provinces that the DPRK sanctions literature names (border trade, ports, diaspora).
 */
const REGION_CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

const SHORT_FORMS = [
  "DPRK",
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

let places: Set<string> | undefined;

/** Lower-cased place names. */
export function knownPlaces(): Set<string> {
  if (places) return places;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  places = new Set(
    [...REGION_CODES.split(" ").map((code) => names.of(code) ?? ""), ...SHORT_FORMS, ...CITIES]
      .filter(Boolean)
      .map((name) => name.toLowerCase()),
  );
  return places;
}
