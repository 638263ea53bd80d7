/**
 * Words of names that say the same thing in other words or languages: titles before persons'
 * names, Korean organisation words in romanisation (Choson Muyok Unhaeng = Korea Trading Bank)
 * and the ways lists name North Korea inside a body's name.
 */

/**
 * Titles, honorifics and ranks, removed wherever they stand in a person's name. Words that are
 * also family or given names (King, Prince, Bishop, Don, Sultan, Amir, Marshall) are left out.
 */
export const PERSON_TITLES = new Set(
  `mr mrs ms miss mister madam madame mme mlle monsieur m herr frau fr senor senora senorita sr sra
  srta signor signora sig dr doctor prof professor sir dame lord lady hon honorable honourable
  excellency hrh gen general col colonel lt lieutenant ltcol ltgen majgen brig brigadier capt
  captain maj major admiral adm cmdr commander commodore sgt sergeant cpl corporal marshal
  haji hajji hadji alhaji alhaj hajj mullah mulla sheikh shaikh shaykh sheik cheikh sayyid sayed
  syed maulana maulvi mawlawi moulvi qari hafiz ayatollah hojatoleslam hojjatoleslam hujjatulislam mufti imam
  eng engr ing dipl ambassador amb consul president vicepresident prasident presidente presiden
  predsjednik presedintele elnok prezident prezydent presidentti premier minister senator
  governor mayor deputy chairman comrade tovarishch jr snr esq phd mba rev reverend baroness
  countess duchess marquess viscount his her the gospodin gospozha sheikha shaykha sayyida
  ustadh ustaz hajja dott avv sensei sama dono xiansheng zhuxi zongli buzhang jiangjun
  wiwonjang buwiwonjang dongji tongji dongmu tongmu seonsaeng sonsaeng wonsu janggun changgun
  chongbiseo chongbiso daejang taejang chongri chongni sangjang bujang pujang bubujang pubujang
  susang ryongdoja ryeongdoja seyyed seyed sayyed haj field vice rear chief grand supreme
  samdech akka moha ponhea chakrei dato datuk datin seri sri ministre army chumteav oknha
  vicepresidenta vicepresidente presidenta comandante comandanta excelentisimo excelentisima
  ministra canciller secretario secretaria senior daw licenciado licenciada lic dra doctora
  doktor mohandes sartip sarlashkar sarhang sepahbod hazrat allama maitre senhor senhora rabbi
  archbishop patriarch cardinal venerable princess majesty chancellor prime secretary leader
  police pehin shri smt shrimati polkovnik podpolkovnik kapitan leytenant teniente capitan
  almirante sargento hajjah hajah alhaja nushi shuji siling chasu jungjang chungjang sojang
  daejwa taejwa sangjwa jungjwa sojwa ssi shacho kaicho nangsao khunying thanphuying puan encik
  yb ybhg berhormat bey hanim efendi rav
   sarlashgar sartib sarhang aghaye aghaie aqaye khanom khanum janab sahab mohtaram
  liwa lewa  fareeq aqid akid 
  kontr vitse starshiy mladshiy serzhant ryadovoy efreytor praporshchik deputat ministr
  gubernator patriarkh mitropolit arkhiyepiskop akademik heneral polkovnyk pidpolkovnyk leitenant
  spadar spadarynia
  mgr inz hab plk kpt mudr judr phdr rndr mvdr paeddr doc bc
  oberst oberstleutnant generalleutnant generalmajor generaloberst hauptmann leutnant botschafter
  bundeskanzler kfm
   diputado diputada ministro gobernador gobernadora alcaldesa ingeniero ingeniera
  abogado abogada arquitecto monsenor fray magistrado magistrada senador senadora doutor doutora
  capitao deputado governador prefeito onorevole cavaliere ingegnere avvocato commendatore
  monsignore mons dottoressa signorina monseigneur capitaine commandant docteur depute
  senateur sayin pasa hoca hocaefendi orgeneral korgeneral tumgeneral tuggeneral albay yarbay
  binbasi yuzbasi tunku tengku bapak cik yab atty attorney rep representative
  congressman congresswoman  father brother sister emperor empress  baronet
  highness  worshipful rt commissioner inspector superintendent director
  chairwoman chairperson ceo ex former late mp
  mawlana moulana maulvi molvi maulavi mawlavi molavi msgr monsignor   archimandrite rinpoche bhante swami
  wing squadron flight warrant petty ensign cadet generalissimo 
  shangjiang zhongjiang shaojiang dajiang shangxiao zhongxiao shaoxiao daxiao zongtong
  dongshizhang zongjingli zongcai xiaojie taitai jiaoshou boshi tongzhi fuzhuxi shizhang
  shengzhang juzhang weiyuanzhang
  sajang hoejang daepyo uiwon changgwan janggwan taetongryong daetongnyeong kukjang gukjang
  daijin sori
  daryadar daryaban
  envoy speaker councillor councilor assemblyman assemblywoman mep magistrate prosecutor
  procurator founder proprietor manager executive cfo coo
  ir drs msc bsc llb llm cpa`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Korean organisation words in DPRK and McCune–Reischauer romanisation (and Revised
 * Romanization where it differs) with the English word lists print for them, and English
 * variants written one way. Legal forms (company, corporation) are left for org-types.ts.
 */
export const ORG_WORD_EQUIVALENTS: Record<string, string> = {
  unhaeng: "bank",
  eunhaeng: "bank",
  banking: "bank",
  muyok: "trading",
  muyeok: "trading",
  trade: "trading",
  hoesa: "company",
  hoisa: "company",
  chonghoesa: "general corporation",
  chonghoisa: "general corporation",
  kongsa: "corporation",
  gongsa: "corporation",
  sangsa: "trading company",
  kiop: "enterprise",
  kieop: "enterprise",
  giop: "enterprise",
  gieop: "enterprise",
  kiopso: "enterprise",
  gieopso: "enterprise",
  chongguk: "general bureau",
  chongkuk: "general bureau",
  hosil: "office",
  kaebal: "development",
  gaebal: "development",
  kwangop: "mining",
  gwangeop: "mining",
  hanggong: "air",
  airlines: "air",
  airline: "air",
  airways: "air",
  haeun: "shipping",
  kisul: "technology",
  gisul: "technology",
  kongop: "industrial",
  gongeop: "industrial",
  industry: "industrial",
  industries: "industrial",
  pohom: "insurance",
  boheom: "insurance",
  hapyong: "joint",
  habyong: "joint",
  chongmuyok: "general trading",
  chongmuyeok: "general trading",
  sangop: "commercial",
  sangeop: "commercial",
  minjok: "national",
  minjog: "national",
  kukka: "state",
  gukga: "state",
  kongjang: "factory",
  gongjang: "factory",
  wiwonhoe: "committee",
  kyongje: "economic",
  gyeongje: "economic",
  kukbang: "defence",
  gukbang: "defence",
  defense: "defence",
  kwahak: "science",
  gwahak: "science",
  taehak: "university",
  daehak: "university",
  yonguso: "research institute",
  yeonguso: "research institute",
  chaejong: "finance",
  jaejeong: "finance",
  kumyung: "financial",
  geumyung: "financial",
  sinyong: "credit",
  kukje: "international",
  gukje: "international",
  taeoe: "external",
  daeoe: "external",
  chulpansa: "publishing house",
  tongsinsa: "news agency",
  thongsinsa: "news agency",
  thongsin: "communications",
  muryok: "armed forces",
  muryeok: "armed forces",
  jegang: "steel",
  chegang: "steel",
  kangchol: "steel",
  gangcheol: "steel",
  chadongcha: "automobile",
  jadongcha: "automobile",
  wonyu: "crude oil",
  sokthan: "coal",
  soktan: "coal",
  seoktan: "coal",
  kwahagwon: "science academy",
  gwahagwon: "science academy",
  chojik: "organization",
  jojik: "organization",
  chidobu: "guidance department",
  jidobu: "guidance department",
  taehan: "korea",
  daehan: "korea",
  kyoyuk: "education",
  gyoyuk: "education",
  hyophoe: "association",
  hyeophoe: "association",
  tongil: "unification",
  sanop: "industrial",
  saneop: "industrial",
  suchul: "export",
  suip: "import",
  ryonhap: "complex",
  paekhwajom: "department store",
  baekhwajeom: "department store",
  suryok: "hydro",
  suryeok: "hydro",
  wonjaryok: "atomic energy",
  wonjaryeok: "atomic energy",
  yonguwon: "research institute",
  yeonguwon: "research institute",
  hyoprok: "cooperation",
  hyeomnyeok: "cooperation",
  hapjak: "joint",
  hapchak: "joint",
  kwalliguk: "management bureau",
  gwalliguk: "management bureau",
  kwalli: "management",
  gwalli: "management",
  chechol: "steel",
  jecheol: "steel",
  hwahak: "chemical",
  konsol: "construction",
  geonseol: "construction",
  nongop: "agriculture",
  nongeop: "agriculture",
  rimop: "forestry",
  chesin: "communications",
  pangsong: "broadcasting",
  bangsong: "broadcasting",
  chulpan: "publishing",
  yongu: "research",
  yeongu: "research",
  cheyuk: "sports",
  munhwa: "culture",
  kwangwang: "tourism",
  gwangwang: "tourism",
  ryohaeng: "travel",
  yeohaeng: "travel",
  choldo: "railway",
  cheoldo: "railway",
  hangman: "port",
  pongsa: "service",
  bongsa: "service",
  chido: "guidance",
  jido: "guidance",
  chongchal: "reconnaissance",
  jeongchal: "reconnaissance",
  powi: "security",
  bowi: "security",
  anjon: "security",
  anjeon: "security",
  sonjon: "propaganda",
  seonjeon: "propaganda",
  kyehoek: "planning",
  gyehoek: "planning",
  chonson: "front",
  jeonseon: "front",
  chonghap: "complex",
  jonghap: "complex",
  solbi: "equipment",
  seolbi: "equipment",
  unsu: "transport",
  kwangsan: "mine",
  gwangsan: "mine",
  inmin: "peoples",
  haegun: "navy",
  yukkun: "army",
  yukgun: "army",
  konggun: "air force",
  gonggun: "air force",
  sonbak: "shipping",
  seonbak: "shipping",
  kigye: "machinery",
  gigye: "machinery",
  chonja: "electronics",
  jeonja: "electronics",
  tongsin: "communications",
  chungang: "central",
  jungang: "central",
  hyopdong: "cooperative",
  hyeopdong: "cooperative",
  chosun: "korea",
  choson: "korea",
  joseon: "korea",
  korean: "korea",
  dprk: "korea",
};

/**
 * A country's adjective is its name in a body's name (Nicaraguan National Police, Policía
 * Nacional de Nicaragua; Rossiyskoy, Russian, Russia).
 */
export const DEMONYMS: Record<string, string> = {
  russian: "russia",
  chinese: "china",
  iranian: "iran",
  syrian: "syria",
  iraqi: "iraq",
  german: "germany",
  french: "france",
  turkish: "turkey",
  venezuelan: "venezuela",
  cuban: "cuba",
  belarusian: "belarus",
  ukrainian: "ukraine",
  libyan: "libya",
  lebanese: "lebanon",
  yemeni: "yemen",
  afghan: "afghanistan",
  pakistani: "pakistan",
  indian: "india",
  japanese: "japan",
  qatari: "qatar",
  kuwaiti: "kuwait",
  omani: "oman",
  egyptian: "egypt",
  sudanese: "sudan",
  somali: "somalia",
  eritrean: "eritrea",
  ethiopian: "ethiopia",
  nigerian: "nigeria",
  malian: "mali",
  burmese: "burma",
  cambodian: "cambodia",
  vietnamese: "vietnam",
  malaysian: "malaysia",
  indonesian: "indonesia",
  mexican: "mexico",
  colombian: "colombia",
  nicaraguan: "nicaragua",
  bolivian: "bolivia",
  brazilian: "brazil",
};

/**
 * Vietnamese organisation words, two syllables each (Công ty TNHH Thương mại Hải Long is Hai
 * Long Trading Co., Ltd.), folded as names are: written here from dictionaries.
 */
const VIETNAMESE_PHRASES = new Map<string, string>(
  Object.entries({
    "thuong mai": "trading",
    "xuat nhap": "import export",
    "nhap khau": "import",
    "xuat khau": "export",
    "dau tu": "investment",
    "van tai": "transport",
    "dich vu": "services",
    "xay dung": "construction",
    "cong nghe": "technology",
    "ngan hang": "bank",
    "tap doan": "group",
    "dau khi": "oil gas",
    "hang hai": "maritime",
    "van tai bien": "shipping",
    "phat trien": "development",
    "san xuat": "manufacturing",
    "quoc te": "international",
    "viet nam": "vietnam",
    "tong cong": "general",
    "dien tu": "electronics",
    "khoang san": "minerals",
    "hoa chat": "chemicals",
  }),
);

/** A DPRK ministry's word, -song (성) after its subject: Inmin Muryok Song, Muryoksong. */
const MINISTRY = /^(.{4,})(song|seong)$/;
let koreanWords: Set<string> | undefined;

function isKoreanWord(token: string | undefined): boolean {
  koreanWords ??= new Set(Object.keys(ORG_WORD_EQUIVALENTS));
  return token !== undefined && koreanWords.has(token);
}

/**
 * Korean organisation phrases written in one or two words: Ryonhap Kiopso (united enterprise)
 * is what lists print "Complex"; Song or -song after a Korean organisation word is "Ministry";
 * Joint Operation is Joint Venture; Vietnamese two-syllable words are their English word.
 */
const KOREA_WORDS = new Set(["korea", "korean", "dprk", "choson", "chosun", "joseon"]);

/** How many tokens from `i` name the Workers' Party of Korea (0 for none). */
function workersParty(tokens: string[], i: number): number {
  const [a, b, c, d] = tokens.slice(i, i + 4);
  if (a === "workers" && b === "party") {
    if (KOREA_WORDS.has(c ?? "")) return 3;
    if (c === "of" && KOREA_WORDS.has(d ?? "")) return 4;
    return 0;
  }
  if (KOREA_WORDS.has(a ?? "") && b === "workers" && c === "party") return 3;
  if (KOREA_WORDS.has(a ?? "") && (b === "rodongdang" || b === "nodongdang")) return 2;
  if (a === "wpk" || a === "kwp") return 1;
  return 0;
}

export function collapseKoreanPhrases(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if ((t === "ryonhap" || t === "yonhap") && (next === "kiopso" || next === "gieopso")) {
      out.push("complex");
      i++;
      continue;
    }
    // The Workers' Party of Korea, however written, is one word: lists add it to or drop it from
    // the names of its departments (countries.ts treats "wpk" as optional).
    const party = workersParty(tokens, i);
    if (party > 0) {
      out.push("wpk");
      i += party - 1;
      continue;
    }
    // 합영: lists translate it Joint Venture and Joint Operation.
    if (t === "joint" && next === "operation") {
      out.push("joint", "venture");
      i++;
      continue;
    }
    const viet = VIETNAMESE_PHRASES.get(`${t} ${next}`);
    if (viet) {
      out.push(...viet.split(" "));
      i++;
      continue;
    }
    const previous = tokens[i - 1];
    if ((t === "song" || t === "seong") && isKoreanWord(previous)) {
      out.push("ministry");
      continue;
    }
    const joined = MINISTRY.exec(t);
    if (joined && isKoreanWord(joined[1])) {
      out.push(joined[1]!, "ministry");
      continue;
    }
    out.push(t);
  }
  return out;
}

/** "Democratic People's Republic of Korea" and "North Korea" as one word, "korea". */
export function collapseCountryPhrases(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === "democratic" && tokens[i + 1] === "peoples" && tokens[i + 2] === "republic") {
      const of = tokens[i + 3] === "of" ? 1 : 0;
      if (tokens[i + 3 + of] === "korea") {
        out.push("korea");
        i += 3 + of;
        continue;
      }
    }
    // Hong Kong as lists write it, one word or two or HK (HK Bright Sun Shipping).
    if ((t === "hong" && tokens[i + 1] === "kong") || t === "hk") {
      out.push("hongkong");
      if (t === "hong") i++;
      continue;
    }
    if (t === "north" && tokens[i + 1] === "korea") {
      out.push("korea");
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * Words that many bodies' names share (Bank, Trading, Joint, Shipping): two names that agree only
 * in these, and not in the words that tell the body apart, are two bodies.
 */
export const GENERIC_ORG_WORDS = new Set(
  `bank trading company corporation group international joint shipping industrial development
  investment general national commercial services holding enterprise import export union
  association foundation trust credit insurance finance financial technology engineering
  construction petroleum oil gas energy mining metals steel logistics transport marine maritime
  air electronics machinery equipment chemical chemicals pharmaceutical global world united
  central state new star golden royal pacific asia east west north south ocean sea line lines
  navigation exchange money capital partners management consulting research institute center
  centre committee ministry office bureau department agency authority council party army force
  forces brigade unit korea trade co ltd inc llc peoples people`
    .split(/\s+/)
    .filter(Boolean),
);
