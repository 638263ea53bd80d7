/**
 * Given names and their familiar forms: Bill = William, Ted = Theodore, Sasha = Aleksandr. The
 * English ones come from the generated table in data/nicknames.ts; the Slavic, Spanish, German,
 * Italian and Hebrew ones below are written here because no maintained package lists them.
 */
import { NICKNAME_TABLE } from "./data/nicknames.ts";
import { phoneticKey } from "./phonetic.ts";

/** Each line: a given name in its usual Latin spellings, then its familiar forms. */
const MORE_GROUPS = `
aleksandr alexander aleksander oleksandr sasha sascha shura sanya
aleksandra alexandra sasha shura
mikhail mikhael mykhailo misha
vladimir volodymyr volodya vova
dmitry dmitri dmitriy dmytro dima
nikolai nikolay mykola kolya
sergei sergey serhiy sergejs sergiy seryozha serezha
yevgeny evgeny yevgeniy evgeni zhenya
pavel pavlo pasha
aleksei alexei aleksey oleksiy alyosha lyosha
ivan ivanko vanya
konstantin kostya
anatoly anatoliy tolya tolik
yuri yury yuriy yura
vyacheslav slava
stanislav stas slava
yaroslav slava
grigory grigoriy hryhoriy grisha
pyotr petr petro petya
viktor victor vitya
boris borya
leonid lyonya lenya
fyodor fedor fedya
georgy georgiy georgi zhora yegor
arkady arkadiy arkasha
gennady gennadiy gena
natalya natalia natasha
yekaterina ekaterina katya katia
maria mariya masha
yelena elena lena
tatyana tatiana tanya
olga olya
svetlana sveta
nadezhda nadya
lyudmila lyuda mila
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
stepan styopa
semyon semen senya
vasily vasiliy vasya
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
andrei andrey andriy andryusha
maksim maxim max
roman roma
oleg olezhka
anna anya nyura anechka
olga olya olenka
irina ira
yulia yuliya yulya
galina galya
valentina valya
sofia sofiya sonya
daria darya dasha
ksenia kseniya ksyusha
anastasia anastasiya nastya
viktoria viktoriya vika
margarita rita
zinaida zina
valery valeriy valera
rostislav slava
vsevolod seva
eduard edik
artyom artem tyoma
kirill kirya
yakov yasha
ilya ilyusha
lev lyova
vadim vadik
yegor egor egorka
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
