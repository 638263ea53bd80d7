import { extractMentions } from "./src/documents/extract/extract.ts";
import { Gazetteer } from "./src/documents/extract/gazetteer.ts";
const g = new Gazetteer([{id:"a",schema:"Person",properties:{name:["KIM, Yong Chol"],birthDate:["1947","1946"]}},{id:"b",schema:"Person",properties:{name:["KIM, Yong Chol"],birthDate:["1962"], position:["KOMID Representative in Iran"]}},{id:"komid",schema:"Organization",properties:{name:["KOREA MINING DEVELOPMENT TRADING CORPORATION"],alias:["KOMID"]}}]);
for (const t of ["Kim Yong Chol (born 1962) met officials.","Kim Yong Chol met officials of Korea Mining Development Trading Corporation in Tehran.","Kim Yong Chol, the KOMID representative in Iran, flew home."]) {
const ms = await extractMentions(t, {gazetteer:g});
console.log(JSON.stringify(ms.map(m=>[m.type,m.text,m.entityId,m.linkStatus,m.candidates?.map(c=>c.evidence)])));
}
