/**
 * Given names and their familiar forms: Bill = William, Ted = Theodore, Sasha = Aleksandr. The
 * English ones come from the generated table in data/nicknames.ts; the Slavic, Spanish, German,
 * Italian and Hebrew ones below are written here because no maintained package lists them.
 */
import { NICKNAME_TABLE } from "./data/nicknames.ts";
import { phoneticKey } from "./phonetic.ts";

/** Each line: a given name in its usual Latin spellings, then its familiar forms. */
const MORE_GROUPS = `
aleksandr alexander aleksander oleksandr aliaksandr alyaksandr ales sasha sascha shura sanya
aleksandra alexandra oleksandra aliaksandra sasha shura
mikhail mikhael mykhailo misha
vladimir volodymyr uladzimir uladzimer volodya vova
dmitry dmitri dmitriy dmytro dzmitry dzmitryi dima
nikolai nikolay mykola mikalai mikalay kolya
sergei sergey serhiy serhii sergejs sergiy siarhei siarhey seryozha serezha
yevgeny evgeny yevgeniy evgeni yevhen yevhenii yauhen yauheni zhenya
pavel pavlo pasha
aleksei alexei aleksey alexey oleksiy oleksii aliaksei aliaksey alyosha lyosha alex
ivan ivanko vanya
konstantin kostiantyn kanstantsin kostya
anatoly anatoliy anatolii anatol tolya tolik
yuri yury yuriy yura
vyacheslav viacheslav viachaslau slava
stanislav stanislau stas slava
yaroslav yaraslau slava
grigory grigoriy hryhoriy hryhorii ryhor grisha
pyotr petr petro piotr piatro petya
viktor victor viktar vitya
boris barys borya
leonid leanid lyonya lenya
fyodor fedor fedir fiodar fedya
georgy georgiy georgi heorhii heorhiy zhora
arkady arkadiy arkasha
gennady gennadiy gennadii hennadii hennadiy hienadz henadz genadz gena
natalya natalia nataliia natallia natasha
yekaterina ekaterina kateryna katsiaryna katya katia
maria mariya maryia masha
yelena elena olena alena lena
tatyana tatiana tetiana tatsiana tanya
olga olha volha olya
svetlana sviatlana sveta
nadezhda nadya
lyudmila liudmyla liudmila lyuda mila
jose pepe chepe
francisco paco pancho curro
ignacio nacho
jesus chucho chuy
guillermo memo
enrique quique
antonio tono tonio
manuel manolo manu
roberto robert beto
alberto beto
eduardo lalo
guadalupe lupe
johannes hans johann
josef joseph sepp
friedrich fritz
giuseppe beppe peppe
luigi gigi
benjamin bibi
dmitry dmitri dmitriy mitya
stepan stsiapan styopa
semyon semen siamion senya
vasily vasiliy vasyl vasil vasya
jozef jozek
jerzy jurek
stanislaw staszek
katarzyna kasia
malgorzata gosia malgosia
tomasz tomek
bartlomiej bartek
wojciech wojtek
maciej maciek
franciszek franek
zofia zosia
dolores lola
concepcion conchita concha
rosario charo
pilar pili
mercedes merche
rafael rafa
consuelo chelo
giovanni gianni nino
vincenzo enzo
william liam
joaquim quim
jose ze
josef jupp
ursula uschi
gabriele gabi
laszlo laci
istvan pista pisti
ferenc feri
jozsef jozsi
sandor sanyi
janos jani jancsi
erzsebet erzsi
katalin kati
panagiotis panos takis
konstantinos kostas dinos
georgios giorgos yorgos george
dimitrios dimitris mimis
ioannis giannis yannis
nikolaos nikos
athanasios thanasis sakis
vasileios vasilis vasos
spyridon spyros
evangelos vangelis
salvatore toto turi
giuseppe pino peppe beppe
francesco franco cecco ciccio
antonio tonino toto
domenico mimmo
gaetano tano
raffaele lello
alessandro sandro
wilhelm willi willy
heinrich heinz heini
johannes johann hannes
guadalupe lupita lupe
francisco pancho quico chico
luis lucho
anatoly anatoliy tolik tolya
joseph yusuf youssef yousef yosef josef jozef giuseppe jose
abraham ibrahim avraham
moses musa moshe
david dawud daoud davud
solomon sulayman suleiman shlomo
jacob yaqub yakub yaakov
john yahya
mary maryam miriam
ishmael ismail
elijah ilyas elias
aaron harun haroun
noah nuh
jesus isa
andrei andrey andriy andrii andrej andryusha
maksim maxim maksym max
roman raman roma
oleg oleh aleh olezhka
anna anya nyura anechka
olga olya olenka
irina iryna ira
yulia yuliya yuliia yulija yulya
galina halina galya
valentina valya
sofia sofiya sonya
daria darya dasha
ksenia kseniya ksyusha
anastasia anastasiya nastya
viktoria viktoriya vika
margarita rita
zinaida zina
valery valeri valeriy valerii valer valera
rostislav slava
vsevolod seva
eduard edik
artyom artem artsiom tyoma
kirill kyrylo kiryl kirya
yakov yasha
ilya illia illya ilyusha
lev lyova
vadim vadik
yegor egor yehor yahor egorka
santiago santi chago
vicente chente
gregorio goyo
fernando nando
federico fede
juan juancho juanito
ramon moncho
soledad sole
teresa tere
isabel chabela isa
josefa pepa
francisca paca paquita
luiz luis lula
sebastiao tiao
raimundo mundinho
matthias hias
bernhard bernd
wolfgang wolfi
katharina kathe
elisabeth lisbeth liesl sisi
mehmet mehmed muhammad mohammed mohammad
igor ihor ihar
valentin valentyn valiantsin
vitaly vitali vitaliy vitalii vital
vladislav vladyslav uladzislau
denis denys dzianis
timofei timofey tsimafei
nikita mykyta mikita
herman hermann german
pieter piet pieterke
willem wim
cornelis kees
hendrik henk
johannes jan joop
johannes hans
jacobus koos jaap
nicolaas klaas
antonius toon
abraham bram
rudolf ruud ruedi rudi
gustaaf guus
diederik dirk
matthijs thijs
sebastiaan bas
frederik frits
nikolaus klaus
gerhard gerd
ulrich uli
karl kalle
georg jorg
dietrich dieter
jan honza
josef pepa pepik
frantisek franta
jiri jirka
vaclav vasek
antonin tonda
miroslav mirek
jakub kuba
krzysztof krzysiek
piotr piotrek
grzegorz grzesiek
ryszard rysiek
zbigniew zbyszek
wladyslaw wladek
kazimierz kazik
barbara basia
joanna asia
magdalena magda
gyorgy gyuri
zoltan zoli
pal pali
miklos miki
tamas tomi
andras bandi
marton marci
peter peti
constantin costel costica
dumitru mitica
nicolae nicu
ioseb soso
davit dato
giorgi gia gogi
besarion beso
nikoloz nika
vakhtang vakho
zurab zura
aleksandar aca aco sasa
djordje dordje djole
zivorad zika
pavle paja
petar pera
jovan jova
nenad nesa
emmanuel manu
francois fanfan
andre dede
sebastien seb
abdullah abdallah apo
hussein husseyin huseyin
ibrahim ibo
mohammad mohammed muhammad mamad mammad
ahmad ahmed ahmet
javier javi
jose chema
enrique kike
adolfo fito
rodolfo fito
gustavo tavo
alfredo fredo
moshe moshiko moshik moishe
rodrigo rody rodri
lidiya lidia lidziya lida
gonzalo chalo
lorenzo lencho
alfonso poncho
refugio cuco
jose zeca juca
eduardo dudu
gustavo guga
beatriz bia
giuseppe peppino pippo
filippo pippo
emanuele lele
massimo max
joachim jochen
stefanie steffi
susanne susi
andreas andi
florian flo
sebastian basti
mohamed momo
georgy gosha
veniamin venya
rodion rodya
semyon syoma
vitaly vitalik
vyacheslav slavik
lyubov lyuba
larisa lora
yelena alyona
elizaveta liza
polina polya
bohdan bodya
yaroslav yarko slavko
yurii yurko
mehmet memo
huseyin huso
babatunde tunde
adebayo bayo
olufemi femi
oladapo dapo
temitope tope
olajide jide
babajide jide
olusegun segun
olukunle kunle
akinkunle kunle
olanrewaju lanre
adewale wale
olawale wale
ayodeji deji
adetayo tayo
omotayo tayo
olugbenga gbenga
adedayo dayo
benigno noynoy
`;

let groupsOf: Map<string, number[]> | undefined;
/** The same groups by the names' phonetic keys, for spellings the table lacks (Antony, Anthony). */
let groupsByKey: Map<string, number[]> | undefined;

function add(map: Map<string, number[]>, name: string, group: number): void {
  const known = map.get(name);
  if (!known) map.set(name, [group]);
  else if (!known.includes(group)) known.push(group);
}

function groups(): Map<string, number[]> {
  if (groupsOf) return groupsOf;
  groupsOf = new Map();
  groupsByKey = new Map();
  const lines = `${NICKNAME_TABLE}\n${MORE_GROUPS}`.split("\n").filter((l) => l.trim());
  lines.forEach((line, group) => {
    for (const name of line.trim().split(/\s+/)) {
      add(groupsOf!, name, group);
      add(groupsByKey!, phoneticKey(name), group);
    }
  });
  return groupsOf;
}

function groupsFor(name: string, key: string | undefined): number[] | undefined {
  const byName = groups().get(name);
  if (byName || key === undefined || name.length < 4) return byName;
  return groupsByKey!.get(key);
}

/** The given-name groups a folded name part belongs to (Sasha: Aleksandr's and Aleksandra's). */
export function givenNameGroups(name: string): number[] {
  let known = groupsOfToken.get(name);
  if (known === undefined) {
    known = groupsFor(name, phoneticKey(name)) ?? [];
    if (groupsOfToken.size < MAX_REMEMBERED) groupsOfToken.set(name, known);
  }
  return known;
}

const groupsOfToken = new Map<string, number[]>();
const MAX_REMEMBERED = 100_000;

/**
 * Whether two folded given names are one name and its familiar form (or two familiar forms of
 * one name). A spelling the table lacks is looked up by its phonetic key when given.
 */
export function sameGivenName(a: string, b: string, keyA?: string, keyB?: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const ga = groupsFor(a, keyA);
  if (!ga) return false;
  const gb = groupsFor(b, keyB);
  return gb !== undefined && ga.some((g) => gb.includes(g));
}

/** A patronymic's ending (Russian -ovich/-evna, Ukrainian -ovych/-ivna, Belarusian -avich/-auna) and its gender. */
const PATRONYMIC_ENDING = /(?:vich|vych)$|(?:vna|una)$/;

/** The given names a patronymic may be made of: Mikalaevich → mikala, mikalai, mikalay. */
function fatherNames(patronymic: string): string[] {
  const stem = patronymic.replace(PATRONYMIC_ENDING, "");
  const stems = [stem];
  // The linking vowel (Aleksandr-o-vich, Aliaksandr-a-vich, Ukrainian Volodymyr-i-vna) or the
  // father's own last letter (Sergey-e-vich).
  if (/[aeio]$/.test(stem)) stems.push(stem.slice(0, -1));
  return stems.flatMap((s) => [s, `${s}i`, `${s}y`]).filter((s) => s.length >= 3);
}

/**
 * Whether two folded patronymics name one father in two languages or spellings: Nikolaevich and
 * Mikalaevich (Belarusian), Sergeyevich and Serhiiovych (Ukrainian). A son's against a daughter's
 * is never one.
 */
export function samePatronymic(a: string, b: string): boolean {
  if (a === b || !(a.endsWith("h") || a.endsWith("a")) || !(b.endsWith("h") || b.endsWith("a")))
    return false;
  const endA = PATRONYMIC_ENDING.exec(a)?.[0];
  const endB = PATRONYMIC_ENDING.exec(b)?.[0];
  if (!endA || !endB || endA.endsWith("h") !== endB.endsWith("h")) return false;
  const groupsA = fatherNames(a).flatMap(givenNameGroups);
  if (groupsA.length === 0) return false;
  return fatherNames(b).some((n) => givenNameGroups(n).some((g) => groupsA.includes(g)));
}
