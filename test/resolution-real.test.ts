/**
 * Resolution on the real lists (issue 6): with the UN and OFAC SDN lists loaded and resolved, any
 * UN name of a DPRK designee, including the aliases OFAC never printed, finds the merged entity
 * that carries the OFAC record.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, test } from "node:test";
import { importList } from "../src/lists/import.ts";
import type { ScreeningIndex } from "../src/matching/index.ts";
import { findResolvedEntity } from "../src/resolution/entities.ts";
import { resolve, type ResolveSummary } from "../src/resolution/resolve.ts";
import { loadIndex } from "../src/screening/load.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { LISTS, sharedFile } from "./helpers/shared.ts";

let store: Store | undefined;
let index: ScreeningIndex | undefined;
let summary: ResolveSummary | undefined;

before(async () => {
  if (!existsSync(sharedFile(LISTS.sdn0503))) {
    if (process.env.MONEYTRAIL_REQUIRE_SHARED === "1") throw new Error("../shared is required");
    console.log("# skipped: real-list resolution tests need ../shared");
    return;
  }
  store = await openStore(":memory:");
  await importList(store, [sharedFile(LISTS.un)]);
  await importList(store, [sharedFile(LISTS.sdn0503)]);
  summary = await resolve(store);
  index = (await loadIndex(store)).index;
});

after(async () => store?.close());

test("the Foreign Trade Bank is one entity with its UN and OFAC records", async (t) => {
  if (!store) return t.skip("needs ../shared");
  assert.ok(summary!.clusters > 300, `only ${summary!.clusters} merged entities`);
  const ftb = await findResolvedEntity(store, "unsc-kpe.047");
  assert.ok(ftb, "UN KPe.047 is listed");
  assert.deepEqual(ftb.datasets.sort(), ["un_sc_sanctions", "us_ofac_sdn"]);
  assert.ok(ftb.referents.some((id) => id.startsWith("ofac-")));
  assert.ok(ftb.properties.alias?.includes("Mooyokbank"));
});

test("every UN name of a merged DPRK designee screens to the entity with the OFAC record", async (t) => {
  if (!index) return t.skip("needs ../shared");
  let names = 0;
  const misses: string[] = [];
  for (const entity of index.entities) {
    if (!entity.datasets.includes("un_sc_sanctions") || !entity.datasets.includes("us_ofac_sdn"))
      continue;
    const unIds = entity.sourceIds.filter((id) => /^KP/i.test(id));
    if (unIds.length === 0) continue;
    // The UN record's own names: those of the source entity, before merging.
    const source = await store!.findEntity(`unsc-${unIds[0]!.toLowerCase()}`);
    for (const name of [...(source?.properties.name ?? []), ...(source?.properties.alias ?? [])]) {
      names++;
      const results = index.match(
        { schema: entity.schema, names: [name], birthDates: [], countries: [], identifiers: [] },
        { limit: 5, threshold: 0.7 },
      );
      const top = results[0]?.score ?? -1;
      if (!results.some((r) => r.entity.id === entity.id && r.score === top))
        misses.push(`${name} → ${results[0]?.entity.properties.name?.[0] ?? "nothing"}`);
    }
  }
  assert.ok(names > 200, `only ${names} UN names of merged DPRK designees`);
  assert.ok(
    misses.length / names <= 0.02,
    `${misses.length} of ${names} missed: ${misses.slice(0, 10).join("; ")}`,
  );
});
