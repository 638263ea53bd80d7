import { importList } from "./src/lists/import.ts";
import { ScreeningService } from "./src/screening/service.ts";
import { openStore } from "./src/store/open.ts";
import { networkExtractOptions } from "./src/documents/link.ts";
import { extractMentions } from "./src/documents/extract/extract.ts";
import { LISTS, sharedFile } from "./test/helpers/shared.ts";
const store = await openStore(":memory:");
await importList(store, [sharedFile(LISTS.un)], { version: "eval" });
await importList(store, [sharedFile(LISTS.sdn0503)], { version: "eval" });
const options = await networkExtractOptions(new ScreeningService(store));
for (const t of ["Kim Yong Chol, director of the United Front Department, met officials in Seoul.",
 "Kim Yong Chol met officials in Seoul.",
 "Kim Yong Chol (born 1962) met officials of Korea Mining Development Trading Corporation in Tehran.",
 "Kim Yong Chol, the KOMID representative in Iran, flew to Tehran.",
 "Kim Yong Chol, born 1980, runs a restaurant.",
 "KOMID's man Kim Yong-chol was seen in Tehran."]) {
  const ms = await extractMentions(t, options);
  for (const m of ms.filter(m=>m.type==="Person")) console.log(t.slice(0,40), "=>", m.text, m.entityId, m.linkStatus, m.linkNote, JSON.stringify(m.candidates?.map(c=>[c.entityId,c.evidence.map(e=>[e.kind,e.text,e.weight])])));
}
await store.close();
