/**
 * The words the name rules read: what ends or makes an organisation's name, titles, surnames,
 * nationalities, place words, and the words around a name that say what it is.
 */
import { LEGAL_FORMS, TITLES as NAME_TITLES } from "../../names/normalize.ts";
import { knownAcronymPlaces } from "./places.ts";

/**
 * Words that end an organisation's name ("Bank of China", "Foreign Trade Bank"): a name that has
 * one is complete, so "and" or "in" after it starts something else.
 */
export const ORG_HEADS = new Set([
  ...LEGAL_FORMS,
  ...`bank banks banco group office bureau department ministry association federation union party
  committee council agency commission fund foundation institute university school academy army navy
  command society league alliance club church hospital times post news press journal tribune
  exchange chamber assembly government administration authority court police consortium airlines
  corps nations panel centre center parliament congress senate embassy consulate tribunal cabinet
  secretariat instruments devices systems technologies solutions networks pharmaceuticals motors
  dynamics logistics securities investments resources minerals metals chemicals communications
  labs semiconductor semiconductors aerospace insurance payments pay analytics bankas bankasi banka air
  banken bancorp management underwriting industries energy electronics holdings enterprises
  newspaper magazine customs subcommittee directorate inspectorate`.split(/\s+/),
]);

/**
 * Trade, industry and company words of the registers sanctioned firms sit in, which English news
 * keeps untranslated ("Aras Makine Ticaret", "Dandong Hongxiang Shiye"): Turkish, German,
 * Spanish, Portuguese, French, Dutch, and Korean, Chinese and Japanese romanised.
 */
const FOREIGN_ORG_WORDS = `ticaret sanayi sanayii pazarlama ihracat ithalat handels
  handelsgesellschaft gesellschaft werke compania companhia comercial comercio comercializadora
  industrias empresa sociedad societe compagnie maatschappij sangsa muyok hoesa gongsi maoyi
  youxian jituan keji shiye shoji sangyo boeki kogyo petroleos petróleos petroleo petróleo naviera
  minera havacilik lojistik teknoloji elektronik savunma muhendislik insaat denizcilik`.split(
  /\s+/,
);

/** Words that make a proper-noun chunk an organisation: the heads, and words that go before them. */
export const ORG_WORDS = new Set([
  ...ORG_HEADS,
  ...`companies pte trading trade shipping maritime industry enterprise holding partners room
  front force forces division unit organization organisation network service services herald
  market commerce guard central international general venture ventures import export airline
  airways railways mining petroleum oil steel technology shimbun ilbo sinmun gazette photo banca
  banque centres centers development industrial research ratings electric invest`.split(/\s+/),
  ...FOREIGN_ORG_WORDS,
]);

/** Words after which a name never goes on ("the Treasury on Tuesday", "in March"). */
export const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`.split(
    /\s+/,
  ),
);

/** "Singapore-based", "Panama-flagged": the name before the hyphen stands alone. */
export const COMPOUND_ENDINGS = new Set(
  "based registered flagged owned controlled linked backed led run funded born made listed".split(
    " ",
  ),
);

/** Titles of people in news and cables, besides those names/normalize.ts strips. */
export const TITLES = new Set([
  ...NAME_TITLES,
  ...`chairman chairwoman premier marshal lieutenant director secretary leader commander vice deputy
  chief officer lord king queen prince supreme professor spokesman spokeswoman senator governor
  mayor judge prosecutor agent inspector detective sergeant executive attorney acting assistant
  counsel justice honourable honorable rep representative`.split(/\s+/),
]);

/** Common surnames of Korea, China and Japan in their usual romanisations. */
export const SURNAMES = new Set(
  `kim ri lee yi rhee pak park bak choe choi choe jang chang jong jung chung chong han kang ho hong hwang
  o oh ryu yu yoo yun yoon sin shin song so seo jo cho mun moon ko go nam ro roh no chae cha ji paek baek
  ku koo kwon kwak min sim shim hyon hyun ryang yang ryom im lim chon jon jeon un eun ha bae byun heo hur
  son sohn woo won ahn an jeong gim seong hyeon gwon gang bang myeong yeo wang li zhang liu chen
  yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie tang feng deng cao peng zeng
  xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao lu jin zhong tan
  sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki
  yamaguchi matsumoto inoue kimura hayashi shimizu`.split(/\s+/),
);

export const DEMONYMS = new Set(
  `korean koreans chinese japanese russian american british european north south east west
  philippine filipino thai vietnamese indonesian malaysian singaporean cambodian burmese mongolian
  taiwanese indian pakistani iranian iraqi syrian turkish emirati saudi israeli egyptian african
  french german italian spanish dutch swiss polish ukrainian belarusian canadian mexican brazilian
  australian panamanian cuban venezuelan nigerian libyan lebanese qatari kuwaiti omani yemeni`.split(
    /\s+/,
  ),
);

export const PLACE_WORDS = new Set(
  "province city county district prefecture region island islands river port harbour harbor street road palace square airport stadium bridge mountain mount lake sea bay strait peninsula village valley zone gulf canal avenue".split(
    " ",
  ),
);

export const CONNECTORS = new Set(["of", "and", "for", "&", "de", "on"]);

/**
 * Capitals that are not organisations: codes for currencies, units, times, documents and
 * identifiers, and words written in capitals for emphasis.
 */
export const NOT_ORG_ACRONYMS = new Set(
  `usd eur jpy cny rmb kpw krw gbp chf rub hkd sgd ceo cfo coo cto md vp tv pdf doc xls am pm gmt utc
  est kst imo mmsi iban bic swift id ok re fw fwd cc bcc ps nb pp ii iii iv vi vii viii ix xi xii
  tbd asap faq dna gdp ngo hq usdt usdc btc eth trx xmr bnb`.split(/\s+/),
);

export const NOT_BEFORE_UNKNOWN_NAMES = new Set(
  `a an the every each this that these those any no some tanker vessel ship freighter carrier
  yacht two three four five six seven eight nine ten several`.split(/\s+/),
);

export const IN_WORDS = new Set(["in", "at", "near"]);

/** Past participles that -ed, -en, -wn and -ld miss: "made by Futaba", "run by Huione". */
export const IRREGULAR_PARTICIPLES = new Set(
  "made sold built bought run kept paid seen sent lent spent found brought caught won set put cut hit".split(
    " ",
  ),
);

/** Staff named after their organisation: "a Chevron spokesman". */
export const STAFF_AFTER = new Set(
  "spokesman spokeswoman spokesperson executives officials employees staff shareholders".split(" "),
);

/** Passives whose agent is mostly a person: "led by", "founded by", "signed by". */
export const PERSONAL_AGENCY = new Set(
  `led headed founded cofounded co-founded chaired signed ordered appointed elected nominated
  authored written quoted interviewed married hosted visited accompanied succeeded replaced
  killed born raised named`.split(/\s+/),
);

/** Kinds of business in the plural: "trading houses such as …", "… and other payment services". */
export const ORG_PLURALS = new Set(
  `houses firms companies banks lenders exchanges platforms traders insurers brokers outlets apps
  services providers groups networks operators refiners shippers carriers exporters importers
  suppliers distributors manufacturers makers miners processors wallets newspapers
  broadcasters agencies`.split(/\s+/),
);

/**
 * "Russian", "Laotian", "Western": a word for a people or a direction, not a name. Besides the
 * listed ones, an -an, -ese or -ish word that begins like a country's name, or a country's name
 * and -i; or the plural of one of these.
 */
export function isDemonym(words: string[]): boolean {
  return words.some((word) => {
    const w = word.replace(/(?<=an|i)s$/, ""); // "Russians", "Iraqis"
    return (
      DEMONYMS.has(w) ||
      COMPASS_ADJECTIVES.has(w) ||
      (/(an|ese|ish)$/.test(w) && countryStems().has(w.slice(0, 3))) ||
      (w.endsWith("i") && knownAcronymPlaces().has(w.slice(0, -1))) // "Iraqi", "Yemeni"
    );
  });
}

const COMPASS_ADJECTIVES = new Set(["western", "eastern", "northern", "southern"]);

let stems: Set<string> | undefined;

/** The first three letters of each word of every country's English name. */
function countryStems(): Set<string> {
  stems ??= new Set(
    [...knownAcronymPlaces()].flatMap((name) =>
      name
        .split(/\s+/)
        .filter((w) => w.length >= 4)
        .map((w) => w.slice(0, 3)),
    ),
  );
  return stems;
}

/** What a body is of, on or for: "Bureau of …", "Office on Drugs and Crime", "Centre for …". */
export const COMPLEMENT_WORDS = new Set(["of", "on", "for"]);

/** Words of a state's formal name: "Republic of Korea", "Kingdom of the Netherlands". */
export const STATE_WORDS = new Set(
  "republic kingdom emirate principality commonwealth sultanate".split(" "),
);

/** Lower-case nouns that name a kind of organisation just before its name. */
export const ORG_NOUNS = new Set(
  `firm company exchange lender broker insurer carrier operator startup conglomerate manufacturer
  maker platform outlet newspaper broadcaster network app miner registry bank group`.split(/\s+/),
);

/** Lower-case words inside names: "Ursula von der Leyen", "Mohammed bin Salman". */
export const NAME_PARTICLES = new Set(
  "von der van den de da di del dos das du la le bin ibn al ter ten zu".split(" "),
);

/** Roles that, after "Name, a …" or "Name, the …", say the name is a person's. */
export const ROLE_NOUNS = new Set(
  `founder co-founder cofounder director spokesman spokeswoman spokesperson economist analyst
  researcher professor fellow lawyer attorney prosecutor official minister ambassador chairman
  chairwoman executive officer manager head chief member adviser advisor partner president
  secretary editor reporter correspondent investigator trader businessman businesswoman banker
  broker diplomat general commander colonel owner captain engineer scholar expert consultant
  lecturer judge senator lawmaker deputy envoy activist defector journalist`.split(/\s+/),
);

/** Kinds of organisation that, after "Name, the …", say the name is an organisation's. */
export const ORG_KINDS = new Set(
  `company firm producer exporter importer manufacturer lender bank insurer group exchange operator
  carrier maker miner refiner conglomerate subsidiary supplier distributor shipper agency startup
  fund watchdog regulator supervisor newspaper broadcaster outlet website magazine charity
  organisation organization association body consultancy provider platform airline shipowner
  tank think-tank nonprofit non-profit ngo daily weekly publication institute university
  marketplace cooperative builder contractor retailer utility unit affiliate branch vendor`.split(
    /\s+/,
  ),
);

/** Words after which "for/at/of Name" names an employer: "shareholders of", "staff at". */
export const STAFF_WORDS = new Set(
  "spokesman spokeswoman spokesperson shareholders staff employees board customers clients lawyers".split(
    " ",
  ),
);

/** What "from Name" gives when the name is an organisation's: "data from Kpler". */
export const SOURCE_WORDS = new Set(
  "data figures estimates statistics analysis research".split(" "),
);

/** What follows "Name's" when the name is an organisation's ("chief" only in "chief executive"). */
export const ORG_BELONGINGS = new Set(
  `board shareholders subsidiary subsidiaries headquarters shares stock parent employees chief
  customers clients founder founders cofounder co-founder ceo auditors creditors bondholders`.split(
    /\s+/,
  ),
);

export const NEAR_WORDS = new Set(["near", "outside", "outskirts"]);

/** "the mayor of Bamban": offices and people of a place. */
export const LOCAL_OFFICES = new Set(["mayor", "governor", "residents", "townspeople"]);

export const SETTLEMENT_WORDS = new Set(
  "city town village port province region district county capital outskirts".split(" "),
);

export const SPEECH_VERBS = new Set(["said", "says", "told", "added", "wrote", "noted", "argued"]);

/** Verbs of speech before a name ("said Erin West"): not "told" or "added", whose object may be anything. */
export const SPEECH_VERBS_BEFORE = new Set(["said", "says", "wrote"]);

/** A name after a title ("Mr.", "President"): a person's, whatever its words. */
export const TITLED_CONFIDENCE = 0.85;

/** Whether a name's words hold a day or a month: "the Treasury on Tuesday" is no name. */
export function hasTimeWord(words: string[]): boolean {
  return words.some((w) => TIME_WORDS.has(w));
}

/** Whether `words` are the first words of the longer name `name` ("Aras Makine" of "Aras Makine Ticaret"). */
export function leadsName(words: string[], name: string[]): boolean {
  return name.length > words.length && words.every((w, k) => name[k] === w);
}

/** Features whose name is "… of X": "Gulf of Tonkin", "Strait of Hormuz", "Isle of Man". */
export const FEATURES_OF = new Set("gulf bay strait sea isle island lake cape mount".split(" "));

/** Kinds of ship before a ship's name: "the tanker Chon Ma San" is neither person nor firm. */
export const VESSEL_KINDS = new Set("tanker vessel ship freighter yacht bulker".split(" "));

/** Last words of laws and orders, which are no one's name: "Patriot Act", "Executive Order". */
export const LAW_WORDS = new Set(
  "act acts order orders regulation regulations directive decree".split(" "),
);

/** Letters after a name that are honours or ranks, not part of it: "Ivanov Petrov KC". */
export const POST_NOMINALS = new Set("kc qc sc mp obe cbe kbe mbe phd jr sr esq".split(" "));

/** Coins that news capitalises like names: currencies, not organisations or places. */
export const COINS = new Set("bitcoin ethereum monero litecoin dogecoin solana".split(" "));

/** Words that give a name another: "Hamdan Dagalo, known as Hemedti", "a.k.a.". */
export const ALIAS_WORDS = new Set(["known as", "alias", "aka", "a.k.a"]);
