/**
 * The words of organisations' names in the languages lists and customer files write them in,
 * with the English word lists print for them: Banco Nacional de Cuba is the National Bank of
 * Cuba, Forces Démocratiques Alliées the Allied Democratic Forces, Zhongguo … Gongsi a China …
 * Company. Spanish, Portuguese, French, Italian, German, and Russian, Persian, Arabic, Turkish,
 * Kurdish, Chinese and Japanese in Latin letters. No maintained package translates the words of
 * names; the table is written here from dictionaries. Most Korean words are in words.ts.
 *
 * Each word carries its languages (es, pt, fr, it, de, ru, fa, ar, tr, ku, zh, ja, ko, lt; en
 * for an English variant), because an acronym is read off the name in ONE language: GTLK off
 * Gosudarstvennaya Transportnaya Lizingovaya Kompaniya, not off a mix of words from several.
 * Entries are folded (no accents), one word each; a translation may be several English words.
 */
const TABLE = `
presidency: baskanligi(tr) baskanlik(tr) presidencia(es) presidence(fr) prezidentstvo(ru) riasat(fa)
industries: sanayii(tr) industrias(es) industries(fr,en) industrie(it) sanaye(fa)
main: glavnoye(ru) glavnoe(ru) glavnogo(ru) glavnaya(ru) glavnyy(ru) principal(es,fr)
internal: vnutrennikh(ru) vnutrennih(ru) vnutrenney(ru) interne(fr) dakhiliya(ar)
affairs: del(ru) asuntos(es) affaires(fr) affari(it) shuun(ar)
federal: federalnaya(ru) federalnoy(ru) federalnyy(ru) federalnogo(ru) federal(es,pt) federale(fr,it)
guard: guardia(es,it) garde(fr) guarda(pt) gvardiya(ru) pasdaran(fa)
bolivarian: bolivariano(es) bolivariana(es)
units: yekineyen(ku) unidades(es) unites(fr)
protection: parastina(ku) proteccion(es) protection(fr) zashchity(ru)
committee: komitet(ru) comite(es,fr) comitato(it) komite(tr) lajna(ar)
investigative: sledstvennyy(ru) sledstvenny(ru) sledstvennyi(ru)
republic: respubliki(ru) respublika(ru) republica(es,pt) republique(fr) repubblica(it) jumhuriya(ar) jomhuri(fa) cumhuriyeti(tr)
border: pogranichnaya(ru) pogranichnoy(ru) frontera(es) frontiere(fr)
customs: tamozhennaya(ru) tamozhennoy(ru) aduana(es) aduanas(es) douane(fr) douanes(fr) gumruk(tr)
justice: yustitsii(ru) justicia(es) giustizia(it) adliye(tr)
health: zdravookhraneniya(ru) salud(es) sante(fr) salute(it)
information: informatsii(ru) informacion(es) informazione(it)
bank: banco(es,pt) banque(fr) banca(it) bank(de,ru) bankasi(tr) yinhang(zh) bankas(lt) ginko(ja)
national: nacional(es,pt) nationale(fr) nazionale(it) natsionalny(ru) natsionalnyy(ru) natsionalnyi(ru) melli(fa) milli(tr) watani(ar)
central: central(es,pt) centrale(fr,it) zentral(de) zentrale(de) tsentralny(ru) tsentralnyy(ru) tsentralnyi(ru) markazi(fa,ar) merkez(tr)
commercial: comercial(es,pt) commerciale(fr,it) tijari(ar) tijariya(ar) kommercheskiy(ru)
trading: comercio(es,pt) commerce(fr) handel(de) handels(de) tijara(ar) bazargani(fa) ticaret(tr) tic(tr) maoyi(zh) torgovaya(ru) torgovyy(ru) torgovy(ru) boeki(ja) shoji(ja)
industrial: industria(es,pt,it) industrias(es) industrie(fr,de) industrielle(fr) industriale(it) promyshlennost(ru) sanaye(fa) sanayi(tr) gongye(zh) sangyo(ja) kogyo(ja) sanayii(tr)
development: desarrollo(es) desenvolvimento(pt) developpement(fr) sviluppo(it) entwicklung(de) razvitiya(ru) tose(fa) toseh(fa) tosee(fa) fazhan(zh) kaifa(zh) gostaresh(fa)
investment: tuja(ko) inversiones(es) inversion(es) investimento(pt,it) investimentos(pt) investissement(fr) investimenti(it) investitsiy(ru) investitsionnaya(ru) touzi(zh)
police: policia(es,pt) polizia(it) polizei(de) politsiya(ru) shorta(ar) polis(tr)
ministry: ministerio(es,pt) ministere(fr) ministero(it) ministerium(de) ministerstvo(ru) vezarat(fa) wizarat(ar) wizara(ar)
interior: interieur(fr) interno(it)
defence: defensa(es) defesa(pt) defense(fr,en) difesa(it) verteidigung(de) oborony(ru) defa(fa) savunma(tr)
intelligence: inteligencia(es) renseignement(fr) razvedki(ru) ettelaat(fa) razvedyvatelnoye(ru) razvedyvatelnoe(ru) razvedyvatelnogo(ru) istikhbarat(ar) mukhabarat(ar)
counterintelligence: contrainteligencia(es)
security: seguridad(es) securite(fr) sicurezza(it) bezopasnosti(ru) amniyat(fa)
service: servicio(es) servico(pt) servizio(it) dienst(de) sluzhba(ru) services(fr,en)
directorate: direccion(es) direction(fr) direzione(it) direktion(de) upravlenie(ru) upravleniye(ru) direktsiya(ru)
general: general(es,pt) generale(fr,it) generala(ro) generalnyy(ru)
forces: fuerzas(es) forcas(pt) forces(fr) forze(it)
armed: armadas(es,pt) armees(fr) armate(it) muryok(ko)
army: ejercito(es) exercito(pt) armee(fr) esercito(it)
navy: armada(es) marinha(pt) voennomorskoy(ru)
military: militar(es,pt) militaire(fr) militare(it) voennyy(ru)
democratic: democratico(es,pt,it) democratica(es,pt,it) democratique(fr) democratiques(fr) demokratische(de)
allied: aliadas(es) alliees(fr)
popular: popular(es,pt) populaire(fr) populare(it)
peoples: pueblo(es) peuple(fr) halk(tr) inmin(ko) narodnaya(ru) narodnyy(ru) gel(ku)
liberation: liberacion(es) libertacao(pt) liberation(fr) liberazione(it) befreiung(de) tahrir(ar) kurtulus(tr) osvobozhdeniya(ru)
front: frente(es,pt) front(fr) fronte(it) jabhat(ar) jabha(ar) cephesi(tr)
party: partido(es,pt) parti(fr) partito(it) partei(de) hizb(ar) partisi(tr) partiya(ru,ku)
revolutionary: revolucionario(es) revolucionaria(es) revolucionarias(es) revolucionarios(es) revolutionnaire(fr) rivoluzionario(it) devrimci(tr)
islamic: islamico(es,pt,it) islamica(es,pt,it) islamique(fr) islamiyya(ar) islami(fa,tr)
movement: movimiento(es) mouvement(fr) movimento(it,pt) harakat(ar) haraka(ar) dvizhenie(ru)
group: grupo(es,pt) groupe(fr) gruppo(it) gruppe(de) jituan(zh) gruppa(ru) jamaat(ar) jamaa(ar)
foundation: fundacion(es) fundacao(pt) fondation(fr) fondazione(it) fond(ru) vakfi(tr) muassasa(ar) bonyad(fa)
association: asociacion(es) associacao(pt) associazione(it) vereinigung(de) dernegi(tr) jamiyya(ar) assotsiatsiya(ru) obedinenie(ru) obyedineniye(ru) obyedinenie(ru)
union: union(es,fr) unione(it)
petroleum: petroleos(es) petroleo(es,pt) petrole(fr) petrolio(it) shiyou(zh)
oil: naft(fa,ar) neftyanaya(ru)
gas: gazovaya(ru)
transport: transporte(es,pt) transportes(es,pt) transports(fr) trasporti(it) transportnaya(ru) naql(ar)
shipping: naviera(es) navigation(fr) keshtirani(fa) haiyun(zh) hangyun(zh) kaiun(ja) kisen(ja)
maritime: maritima(es,pt) maritimo(es,pt) marittima(it)
mining: minera(es) mineria(es) mineracao(pt) miniere(fr) minerario(it) gornodobyvayushchaya(ru)
energy: energia(es,pt,it) energie(fr,de) energiya(ru) nengyuan(zh)
aviation: aviacion(es) aviacao(pt) aviazione(it) aviatsionnaya(ru)
aircraft: havapeyma(fa)
manufacturing: sazi(fa)
steel: jegang(ko) chegang(ko) stal(ru)
automobile: jadongcha(ko) chadongcha(ko) avtomobilny(ru)
complex: ryonhap(ko) yeonhap(ko) kombinat(ru,de) kompleks(ru) complejo(es) complexe(fr)
korea: daehan(ko) hanguk(ko)
land: toji(ko)
housing: jutaek(ko) chutaek(ko)
promotion: jinheung(ko) chinhung(ko)
international: internacional(es,pt) internationale(fr,de) internationaux(fr) internationalen(de) internazionale(it) guoji(zh) mezhdunarodnyy(ru) mezhdunarodnaya(ru)
financial: financiero(es) financiera(es) financiere(fr) finanziaria(it) finansovaya(ru) jinrong(zh)
finance: finanzas(es) finances(fr) finanze(it) finansy(ru)
credit: credito(es,pt,it) kreditnyy(ru) kreditny(ru)
state: gosudarstvennaya(ru) gosudarstvennyy(ru) gosudarstvennoe(ru) estatal(es)
leasing: lizingovaya(ru)
company: kompaniya(ru) sherkat(fa) sharikat(ar) sharika(ar) gongsi(zh)
corporation: korporatsiya(ru)
enterprise: empresa(es,pt) entreprise(fr) impresa(it) predpriyatie(ru)
technology: tecnologia(es,pt,it) technologie(fr,de) tecnologie(it) tekhnologii(ru) keji(zh) jishu(zh)
electronics: electronica(es) electronique(fr) elettronica(it) elektronik(de,tr) dianzi(zh) denshi(ja)
insurance: seguros(es) assurance(fr) assicurazioni(it) versicherung(de) strakhovaya(ru) hoken(ja)
logistics: logistica(es,pt,it) logistique(fr) wuliu(zh)
center: centro(es,pt,it) centre(fr) zhongxin(zh) tsentr(ru)
research: investigacion(es) recherche(fr) ricerca(it) issledovatelskiy(ru) issledovatelskii(ru) issledovatelsky(ru) nauchno(ru)
institute: instituto(es,pt) institut(fr,de,ru) istituto(it)
import: importacion(es) importadora(es)
export: exportacion(es) exportadora(es)
china: zhongguo(zh)
north: beifang(zh)
south: nanfang(zh)
foreign: vneshney(ru) vneshnei(ru) zarubezhnoy(ru) exterior(es) exteriores(es) etranger(fr)
federation: federatsii(ru) federacion(es)
russian: rossiyskoy(ru) rossiiskoi(ru) rossiyskaya(ru) rossiyskiy(ru)
european: europeo(es,it) europea(es,it) europeen(fr) europeenne(fr) europaisch(de) europaische(de)
moscow: moskovskiy(ru) moskovsky(ru) moskovskaya(ru)
fund: fond(ru) fondo(es,it) fonds(fr,de)
without: sans(fr) sin(es) sem(pt) senza(it) ohne(de) bez(ru)
borders: frontieres(fr) fronteras(es) fronteiras(pt) frontiere(it) grenzen(de) granits(ru)
direct: pryamykh(ru) directa(es) directo(es)
settlements: reglements(fr) zahlungsausgleich(de)
reconstruction: reconstruction(fr) reconstruccion(es) wiederaufbau(de)
workers: karkeren(ku) karker(ku) trabajadores(es) travailleurs(fr) arbeiter(de) iscileri(tr)
organization: sazman(fa) organizacion(es) organizzazione(it) organizatsiya(ru) organisation(fr,de,en)
support: nusrat(ar) nusra(ar) soutien(fr)
muslims: muslimin(ar) musulmans(fr) musulmanes(es)
youth: shabaab(ar) shabab(ar) jeunesse(fr) juventud(es)
economic: economico(es,pt,it) economica(es,pt,it) economique(fr) ekonomicheskiy(ru) eghtesadi(fa) iqtisadi(ar) jingji(zh)
management: gestion(es,fr) gestione(it) upravleniya(ru)
division: diviziya(ru) divizii(ru) division(es,fr) divisione(it) divisao(pt)
brigade: brigada(ru,es,pt) brigady(ru) brigata(it)
regiment: polk(ru) regimiento(es) reggimento(it)
motor rifle: motostrelkovaya(ru) motostrelkovoy(ru) motostrelkovyy(ru) motostrelkovy(ru)
tank: tankovaya(ru) tankovyy(ru) tankovy(ru)
guards: gvardeyskaya(ru) gvardeyskiy(ru) gvardeysky(ru)
airborne: vozdushno(ru) desantnaya(ru)
artillery: artilleriyskaya(ru) artilleriyskiy(ru) artilleria(es) artiglieria(it)
battalion: batalon(ru) batallon(es) battaglione(it)
separate: otdelnaya(ru) otdelnyy(ru) otdelny(ru) otdelnogo(ru)
shipbuilding: sudostroitelny(ru) sudostroitelnyy(ru) sudostroitelnaya(ru) sudostroitelnogo(ru) sudostroitelnyi(ru)
settlement: raschetny(ru) raschetnyy(ru) raschetnyi(ru)
depository: depozitariy(ru) depozitarii(ru)
metallurgical: metallurgicheskiy(ru) metallurgicheskii(ru) metallurgicheskaya(ru) metalurgica(es)
plant: zavod(ru)
scientific: nauchnyy(ru) nauchny(ru) cientifico(es) scientifique(fr)
production: proizvodstvennoe(ru) proizvodstvennoye(ru) proizvodstvennaya(ru) produccion(es)
chemical: khimicheskiy(ru) khimicheskaya(ru) quimica(es) chimique(fr)
exchange: birzha(ru) bolsa(es) bourse(fr) borsa(it) borse(de)
systems: sistemy(ru) sistemas(es) systemes(fr)
technologies: tekhnologii(ru) tecnologias(es) technologies(fr,en)
missile: raketnoe(ru) raketnogo(ru) raketnaya(ru) raketny(ru) raketnyy(ru)
tactical: takticheskoe(ru) takticheskogo(ru) takticheskaya(ru)
weapons: vooruzhenie(ru) vooruzheniya(ru) armamento(es)
engineering: inzhiniringovaya(ru) inzhiniring(ru) ingenieria(es)
design: konstruktorskoe(ru) konstruktorskoye(ru)
bureau: byuro(ru) buro(de)
`;

/**
 * Words read for acronyms only, never translated: Russian del (affairs, MVD) is the Spanish and
 * Italian "of the" (Banco Central del Ecuador).
 */
const ACRONYM_ONLY = new Set(["del"]);

/** English word → language → the words that language writes for it. */
export const ORG_TRANSLATIONS = new Map<string, Map<string, string[]>>();
/** Foreign word → English word(s), folded: the first English word a foreign word is listed under. */
export const ORG_VOCABULARY: Record<string, string> = {};

for (const [at, line] of TABLE.trim().split("\n").entries()) {
  const match = /^([a-z]+(?: [a-z]+)*): (.+)$/.exec(line);
  if (!match)
    throw new Error(`org-vocabulary.ts TABLE line ${at + 1}: expected "english: word(langs) …"`);
  const english = match[1]!;
  const languages = new Map<string, string[]>([["en", [english]]]);
  for (const entry of match[2]!.split(/\s+/)) {
    const word = /^([a-z]+)\(([a-z]{2}(?:,[a-z]{2})*)\)$/.exec(entry);
    if (!word) throw new Error(`org-vocabulary.ts TABLE line ${at + 1}: bad entry "${entry}"`);
    const langs = word[2]!.split(",");
    for (const lang of langs) languages.set(lang, [...(languages.get(lang) ?? []), word[1]!]);
    // English variants (services, organisation) only name the same word for acronyms; a word
    // spelt as in English needs no translating.
    const foreign = langs.some((l) => l !== "en");
    if (
      foreign &&
      word[1] !== english &&
      !ACRONYM_ONLY.has(word[1]!) &&
      !Object.hasOwn(ORG_VOCABULARY, word[1]!)
    )
      ORG_VOCABULARY[word[1]!] = english;
  }
  ORG_TRANSLATIONS.set(english, languages);
}
