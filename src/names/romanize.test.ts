import assert from "node:assert/strict";
import { test } from "node:test";
import { romanizeHangulWord } from "./korean.ts";
import { latinVariants } from "./romanize.ts";

test("Hangul names in Revised Romanization, family name apart", () => {
  assert.deepEqual(latinVariants("최룡해").slice(0, 2), ["choe ryong hae", "choe ryonghae"]);
});

test("Hanja names in pinyin and in their Korean reading as lists spell DPRK names", () => {
  const variants = latinVariants("金铁三");
  assert.ok(variants.includes("jin tie san"));
  assert.ok(variants.includes("kim chol sam"), variants.join(" | "));
  // One Korean reading only: more would thin out the candidate search for Chinese names.
  assert.ok(!variants.includes("gim cheol sam"));
});

test("Cyrillic names in several transliteration schemes", () => {
  const variants = latinVariants("Дмитрий Медведев");
  assert.ok(
    variants.includes("Dmitry Medvedev") || variants.includes("Dmitriy Medvedev"),
    variants.join(" | "),
  );
  assert.ok(variants.length >= 2);
});

test("Latin names pass through; empty names give nothing", () => {
  assert.deepEqual(latinVariants("Kim Jong Un"), ["Kim Jong Un"]);
  assert.deepEqual(latinVariants("  "), []);
});

test("Korean organisation names: generic words translated, the rest in North Korean spelling", () => {
  assert.ok(latinVariants("조선무역은행", "organization").includes("korea trading bank"));
  assert.ok(latinVariants("조선무역은행", "organization").includes("choson muyok unhaeng"));
  assert.ok(
    latinVariants("조선련봉총회사", "organization").includes("korea ryonbong general corporation"),
  );
  assert.ok(latinVariants("고려항공", "organization").includes("air koryo"));
  assert.ok(latinVariants("동방은행", "organization").includes("dongbang bank"));
  const office = latinVariants("조선로동당 중앙위원회 39호실", "organization");
  assert.ok(office.includes("office 39") && office.includes("central committee bureau 39"));
  assert.ok(
    latinVariants("조선중앙은행", "organization").includes(
      "central bank of the democratic peoples republic of korea",
    ),
  );
});

test("Chinese organisation names: pinyin, and the Korean reading for North Korean bodies", () => {
  assert.ok(
    latinVariants("丹东至诚金属材料有限公司", "organization").includes(
      "dandong zhicheng metallic material co ltd",
    ),
  );
  const komid = latinVariants("朝鲜矿业开发贸易公司", "organization");
  assert.ok(komid.includes("korea mining development trading company"), komid.join(" | "));
  assert.ok(latinVariants("朝鮮光鮮銀行", "organization").includes("korea kwangson bank"));
});

test("organisation readings only for organisations, and at most eight variants", () => {
  // Without a kind, a name ending in an organisation word is read as one.
  assert.ok(latinVariants("대동신용은행").includes("daedong credit bank"));
  assert.ok(!latinVariants("최룡해", "person").some((v) => v.includes("bank")));
  for (const name of ["조선로동당 중앙위원회 39호실", "朝鲜劳动党中央委员会39号室", "금강산무역"])
    assert.ok(latinVariants(name, "organization").length <= 8);
});

test("Hangul words romanised whole, with North Korean voicing inside the word", () => {
  assert.equal(romanizeHangulWord("련봉", "north"), "ryonbong");
  assert.equal(romanizeHangulWord("대동", "north"), "taedong");
  assert.equal(romanizeHangulWord("대동", "mixed"), "daedong");
  assert.equal(romanizeHangulWord("대동", "south"), "daedong");
  assert.equal(romanizeHangulWord("청진", "south"), "cheongjin");
});

test("Thai names read after RTGS, and as spelt", () => {
  assert.ok(latinVariants("ประยุทธ์ จันทร์โอชา").includes("prayut chanocha"));
  assert.ok(latinVariants("ทักษิณ ชินวัตร").includes("thaksin chinwatr"));
  assert.ok(latinVariants("ดอนัลด์ ทรัมป์").includes("donald thramp"));
});

test("Khmer names by consonant series, as Cambodian names are spelt", () => {
  assert.deepEqual(latinVariants("ហ៊ុន សែន"), ["hun sen"]);
  assert.deepEqual(latinVariants("ជា ស៊ីម"), ["chea sim"]);
  // ប opening a cluster is p; a final cluster is no syllable; u with no consonant before is ou.
  assert.deepEqual(latinVariants("ចម ប្រសិទ្ធ"), ["cham praseth"]);
  assert.deepEqual(latinVariants("អ៊ុក រ៉ាប៊ុន"), ["ouk rabun"]);
});

test("Arabic and Hebrew: vowel letters as vowels, particles and tā' marbūṭa as lists spell them", () => {
  assert.deepEqual(latinVariants("أسامة بن لادن"), ["asama bin ladn", "asamah bin ladn"]);
  assert.ok(latinVariants("عبدالله").includes("abdallah"));
  assert.deepEqual(latinVariants("בנימין נתניהו"), ["bnimin ntnihu"]);
  assert.deepEqual(latinVariants("איסמאעיל הנייה"), ["ismil hnyah"]);
});

test("Armenian, Georgian and Ethiopic without the apostrophes of their consonants", () => {
  assert.deepEqual(latinVariants("Ռոբերտ Քոչարյան"), ["Robert Kocharyan"]);
  assert.deepEqual(latinVariants("მიხეილ სააკაშვილი"), ["mikheil saakashvili"]);
  assert.deepEqual(latinVariants("ኢሳይያስ አፈወርቂ"), ["isayyas afewerki"]);
});

test("titles after Korean, Chinese and Japanese names and before Arabic ones are left out", () => {
  assert.deepEqual(latinVariants("김정은 위원장").slice(0, 1), ["gim jeong eun"]);
  assert.deepEqual(latinVariants("김정은위원장").slice(0, 1), ["gim jeong eun"]);
  assert.deepEqual(latinVariants("리명수 동지").slice(0, 1), ["ri myeong su"]);
  assert.deepEqual(latinVariants("习近平主席").slice(0, 1), ["xi jin ping"]);
  assert.ok(latinVariants("トランプ大統領").includes("toranpu"));
  assert.deepEqual(latinVariants("الشيخ محمد"), ["mhmd"]);
  // A one-character title written on stays: it may end a Chinese given name (王思君).
  assert.ok(latinVariants("王思君")[0]!.endsWith("jun"));
  // Organisations keep their words.
  assert.ok(!latinVariants("위원장", "person").includes(""));
});

test("Hangul organisation names: head words in English, the rest as the DPRK spells it", () => {
  assert.ok(latinVariants("조선광명은행", "organization").includes("korea kwangmyong bank"));
  assert.ok(
    latinVariants("조선동해무역회사", "organization").includes("korea tonghae trading company"),
  );
  assert.ok(latinVariants("소백수총회사", "organization").includes("sobaeksu general corporation"));
  assert.ok(latinVariants("光明银行", "organization").includes("kwangmyong bank"));
});

test("Hangul persons' names in the DPRK spelling lists use, beside Revised Romanization", () => {
  const variants = latinVariants("강명식", "person");
  assert.ok(variants.includes("kang myong sik"), variants.join(" | "));
  assert.ok(variants.includes("gang myeong sik"), variants.join(" | "));
});

test("Belarusian and Ukrainian names also in their national romanisations", () => {
  assert.ok(latinVariants("Аляксандр Лукашэнка").includes("Aliaksandr Lukashenka"));
  assert.ok(latinVariants("Юлія Тимошенко").includes("Yuliia Tymoshenko"));
  assert.ok(!latinVariants("Юрий Ковальчук").some((v) => v.includes("Yurii")));
});

test("Persian letters read the Persian way; Khmer titles as the Latin words lists use", () => {
  assert.ok(latinVariants("مرتضوی").includes("mrtzvi"));
  assert.deepEqual(latinVariants("ឯកឧត្តម ហ៊ុន សែន"), ["excellency hun sen"]);
});

test("Latin letters spelt out in Hangul are read back as letters", () => {
  assert.ok(latinVariants("케이티앤지 주식회사", "organization").some((v) => v.startsWith("kt")));
  assert.ok(latinVariants("엘에스전선", "organization").some((v) => v.startsWith("ls")));
});

test("Greek: ου as ou, and foreign names' ντ and μπ as d and b", () => {
  assert.deepEqual(latinVariants("Γιώργος Παπανδρέου"), [
    "giorgos papandreou",
    "giorgos papandreu",
  ]);
  assert.ok(latinVariants("Βλαντιμίρ Πούτιν").includes("vladimir putin"));
  assert.ok(latinVariants("Ντόναλντ Τραμπ").includes("donald tramp"));
});

test("Chinese names in Wade–Giles are also read in pinyin", () => {
  assert.ok(latinVariants("Chiang Ching-kuo").includes("jiang jing-guo"));
  assert.ok(latinVariants("Mao Tse-tung").includes("mao ze-dong"));
  assert.ok(latinVariants("Teng Hsiao-p'ing").includes("deng xiao-ping"));
  // Names that are not all Wade–Giles syllables are left as they are.
  assert.deepEqual(latinVariants("John Smith"), ["John Smith"]);
});
