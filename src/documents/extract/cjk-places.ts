/**
 * Place names in Korean and Chinese: the DPRK's cities and provinces, China's border provinces, its ports
 * and the cities of its trade with the DPRK, Russia's Far East, the countries and world cities
 * such files name. Korean in North Korean spelling (단동, 심양, 블라디보스또크) and South Korean
 * (단둥, 선양, 블라디보스토크); Chinese in simplified and traditional characters. Hand-made and
 * compact (the GeoNames table places.ts reads has no CJK names). Names that are also everyday
 * Korean words (집안 "home", 통화 "currency", 인도 "delivery", 수단 "means", 파리 "fly") are
 * left out of the Korean columns.
 */

/** One place per line: Korean names, then "|", then Chinese names (space-separated). */
const PLACES = `
평양 | 平壤
남포 남포시 | 南浦
신의주 | 新义州 新義州
라선 나선 | 罗先 羅先
라진 나진 | 罗津 羅津
선봉 | 先锋 先鋒
청진 | 清津 淸津
원산 | 元山
함흥 | 咸兴 咸興
흥남 | 兴南 興南
개성 | 开城 開城
혜산 | 惠山
김책 | 金策
해주 | 海州
사리원 | 沙里院
강계 | 江界
만포 | 满浦 滿浦
회령 | 会宁 會寧
무산 | 茂山
단천 | 端川
평성 | 平城
순천 | 顺川 順川
덕천 | 德川
희천 | 熙川
온성 | 稳城 穩城
영변 녕변 | 宁边 寧邊
금강산 | 金刚山 金剛山
평안북도 | 平安北道
평안남도 | 平安南道
자강도 | 慈江道
량강도 양강도 | 两江道 兩江道
함경북도 | 咸镜北道 咸鏡北道
함경남도 | 咸镜南道 咸鏡南道
황해북도 | 黄海北道 黃海北道
황해남도 | 黄海南道 黃海南道
강원도 | 江原道
조선 북한 북조선 | 朝鲜 朝鮮 北朝鲜 北韩 北韓
한국 남한 남조선 | 韩国 韓國 南韩 南韓
단동 단둥 | 丹东 丹東
심양 선양 | 沈阳 瀋陽 沈陽
대련 다롄 | 大连 大連
연길 옌지 | 延吉
훈춘 | 珲春 琿春
도문 투먼 | 图们 圖們
장백 창바이 | 长白 長白
림강 린장 | 临江 臨江
| 集安 通化 丹东港
장춘 창춘 | 长春 長春
길림 지린 | 吉林
연변 옌볜 | 延边 延邊
하얼빈 할빈 | 哈尔滨 哈爾濱
목단강 무단장 | 牡丹江
료녕 요녕 랴오닝 료녕성 요녕성 | 辽宁 遼寧
길림성 지린성 | 吉林省
흑룡강 헤이룽장 | 黑龙江 黑龍江
| 营口 營口 抚顺 撫順 鞍山 锦州 錦州 葫芦岛 葫蘆島
| 龙口 龍口 日照 连云港 連雲港 秦皇岛 秦皇島 唐山 曹妃甸 石岛 石島 南通 蓬莱 蓬萊
저우산 | 舟山
닝보 녕파 | 宁波 寧波
샤먼 | 厦门 廈門
푸저우 | 福州
가오슝 | 高雄
북경 베이징 | 北京
상해 상하이 | 上海
천진 톈진 | 天津
청도 칭다오 | 青岛 青島
위해 웨이하이 | 威海
연대 옌타이 | 烟台 煙臺
광주 광저우 | 广州 廣州
심천 선전 | 深圳
주해 주하이 | 珠海
홍콩 향항 | 香港
마카오 오문 | 澳门 澳門
대만 타이완 | 台湾 臺灣 台灣
대북 타이베이 | 台北 臺北
산동 산둥 | 山东 山東
하북 허베이 | 河北
절강 저장 | 浙江
강소 장쑤 | 江苏 江蘇
복건 푸젠 | 福建
광동 광둥 | 广东 廣東
내몽골 | 内蒙古 內蒙古
중국 | 中国 中國
블라디보스또크 블라디보스토크 | 海参崴 海參崴 符拉迪沃斯托克
하바롭스크 하바로프스크 | 哈巴罗夫斯克 伯力
나홋까 나홋카 | 纳霍德卡 納霍德卡
하싼 하산 | 哈桑
우쑤리스크 우수리스크 | 乌苏里斯克 雙城子
사할린 | 萨哈林 庫頁島 库页岛
연해주 | 滨海边疆区 濱海邊疆區
로씨야 러시아 | 俄罗斯 俄羅斯
모스크바 모스끄바 | 莫斯科
서울 | 首尔 首爾 汉城 漢城
부산 | 釜山
인천 | 仁川
일본 | 日本
도꾜 도쿄 | 东京 東京
오사까 오사카 | 大阪
니이가따 니가타 | 新潟
몽골 | 蒙古
울란바토르 | 乌兰巴托 烏蘭巴托
윁남 베트남 | 越南
하노이 | 河内 河內
타이 태국 | 泰国 泰國
방콕 | 曼谷
싱가포르 싱가뽀르 | 新加坡
말레이시아 말레이시야 | 马来西亚 馬來西亞
쿠알라룸푸르 | 吉隆坡
인도네시아 | 印度尼西亚 印度尼西亞
캄보쟈 캄보디아 | 柬埔寨
프놈펜 | 金边 金邊
라오스 | 老挝 老撾
미얀마 | 缅甸 緬甸
이란 | 伊朗
테헤란 | 德黑兰 德黑蘭
수리아 시리아 | 叙利亚 敘利亞
이집트 에짚트 | 埃及
리비아 리비야 | 利比亚 利比亞
아랍추장국련방 아랍에미리트 | 阿联酋 阿聯酋
두바이 | 迪拜 杜拜
파키스탄 | 巴基斯坦
미국 | 美国 美國
뉴욕 | 纽约 紐約
워싱톤 워싱턴 | 华盛顿 華盛頓
영국 | 英国 英國
런던 | 伦敦 倫敦
독일 도이췰란드 | 德国 德國
베를린 | 柏林
프랑스 프랑스 | 法国 法國
스위스 스위스 | 瑞士
제네바 쥬네브 | 日内瓦 日內瓦
`;

/** Every place name, Korean and Chinese, longest first (for scanning Han runs). */
export const CJK_PLACES: ReadonlySet<string> = new Set(
  PLACES.split("\n").flatMap((line) =>
    line
      .replace("|", " ")
      .split(/\s+/)
      .filter((name) => name.length >= 2),
  ),
);

export const CJK_PLACES_LONGEST_FIRST: readonly string[] = [...CJK_PLACES].sort(
  (a, b) => b.length - a.length,
);

/** Words a place name takes as part of its name when written on to it: 丹东市, 辽宁省, 단동시. */
export const ADMINISTRATIVE_SUFFIXES = /^(?:市|省|县|縣|区|區|시|성|군)/u;
