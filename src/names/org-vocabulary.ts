/**
 * The words of organisations' names in the languages lists and customer files write them in,
 * with the English word lists print for them: Banco Nacional de Cuba is the National Bank of
 * Cuba, Forces Démocratiques Alliées the Allied Democratic Forces, Zhongguo … Gongsi a China …
 * Company. Spanish, Portuguese, French, Italian, German, and Russian, Persian, Arabic, Turkish
 * and Chinese in Latin letters. No maintained package translates the words of names; the table
 * is written here from dictionaries. Korean words are in words.ts. Entries are folded (no
 * accents), one word each; a translation may be several English words.
 */
const TABLE = `
bank: banco banque banca bankasi yinhang bankas ginko
national: nacional nationale nazionale natsionalny natsionalnyy natsionalnyi melli milli watani
central: centrale zentral zentrale tsentralny tsentralnyy tsentralnyi markazi merkez
commercial: comercial commerciale commerciale tijari tijariya kommercheskiy
trading: comercio commerce handel handels tijara bazargani ticaret tic maoyi torgovaya torgovyy torgovy boeki shoji
industrial: industria industrias industrie industrielle industriale promyshlennost sanaye sanayi gongye sangyo kogyo
development: desarrollo desenvolvimento developpement sviluppo entwicklung razvitiya tose toseh tosee fazhan kaifa gostaresh
investment: tuja inversiones inversion investimento investimentos investissement investimenti investitsiy investitsionnaya touzi
ministry: ministerio ministere ministero ministerium ministerstvo vezarat wizarat wizara
interior: interieur interno
defence: defensa defesa defense difesa verteidigung oborony defa
intelligence: inteligencia renseignement razvedki ettelaat
counterintelligence: contrainteligencia
security: seguridad securite sicurezza bezopasnosti amniyat
service: servicio servico servizio dienst sluzhba services
directorate: direccion direction direzione direktion upravlenie
general: generale generala generalnyy
forces: fuerzas forcas forze
armed: armadas armees armate muryok
army: ejercito exercito armee esercito
military: militar militaire militare voennyy
democratic: democratico democratica democratique democratiques demokratische
allied: aliadas alliees
popular: populaire populare
peoples: pueblo peuple halk inmin narodnaya narodnyy
liberation: liberacion libertacao liberation liberazione befreiung tahrir kurtulus osvobozhdeniya
front: frente fronte jabhat jabha cephesi
party: partido parti partito partei hizb partisi
revolutionary: revolucionario revolucionaria revolucionarias revolucionarios revolutionnaire rivoluzionario devrimci
islamic: islamico islamica islamique islamiyya islami
movement: movimiento mouvement movimento harakat haraka dvizhenie
group: grupo groupe gruppo gruppe jituan gruppa
foundation: fundacion fundacao fondation fondazione fond vakfi muassasa
association: asociacion associacao associazione vereinigung dernegi jamiyya assotsiatsiya
union: unione
petroleum: petroleos petroleo petrole petrolio shiyou
oil: naft neftyanaya
gas: gazovaya
transport: transporte transportes transports trasporti transportnaya naql
shipping: naviera navigation keshtirani haiyun hangyun kaiun kisen
maritime: maritima maritimo marittima
mining: minera mineria mineracao miniere minerario gornodobyvayushchaya
energy: energia energie energiya nengyuan
aviation: aviacion aviacao aviazione aviatsionnaya
aircraft: havapeyma
manufacturing: sazi
steel: jegang chegang stal
automobile: jadongcha chadongcha avtomobilny
complex: ryonhap yeonhap kombinat
korea: daehan hanguk
land: toji
housing: jutaek chutaek
promotion: jinheung chinhung
international: internacional internationale internazionale guoji mezhdunarodnyy mezhdunarodnaya
financial: financiero financiera financiere finanziaria finansovaya jinrong
finance: finanzas finances finanze finansy
credit: credito kreditnyy kreditny
state: gosudarstvennaya gosudarstvennyy gosudarstvennoe estatal
leasing: lizingovaya
company: kompaniya sherkat sharikat sharika gongsi
corporation: korporatsiya
enterprise: empresa entreprise impresa predpriyatie
technology: tecnologia technologie tecnologie tekhnologii keji jishu
electronics: electronica electronique elettronica elektronik dianzi denshi
insurance: seguros assurance assicurazioni versicherung strakhovaya hoken
logistics: logistica logistique wuliu
center: centro centre zhongxin tsentr
research: investigacion recherche ricerca issledovatelskiy
institute: instituto institut istituto
import: importacion importadora
export: exportacion exportadora
china: zhongguo
north: beifang
south: nanfang
foreign: vneshney vneshnei exterior exteriores etranger
federation: federatsii federacion
russian: rossiyskoy rossiiskoi rossiyskaya
european: europeo europea europeen europeenne europaisch europaische
`;

/** Foreign word → English word(s), folded. */
export const ORG_VOCABULARY: Record<string, string> = Object.fromEntries(
  TABLE.trim()
    .split("\n")
    .flatMap((line) => {
      const [english, words] = line.split(":");
      return (words ?? "")
        .trim()
        .split(/\s+/)
        .filter((word) => word && word !== english)
        .map((word) => [word, english!.trim()]);
    }),
);
