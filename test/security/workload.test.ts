/**
 * Issue 22, item 12: one request must not block everyone. The server answers on one thread; a
 * trace over a dense ledger, a walk over a hub or a large upload used to hold `/healthz` for
 * seconds. Each heavy request is sent to a real listening server (127.0.0.1, port 0) while
 * `/healthz` is polled with real timers: it must keep answering within 100 ms, and requests
 * past their budget must get a clear 4xx instead of the thread.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { importList } from "../../src/lists/import.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/store.ts";
import { importLedgerFile } from "../../src/transactions/import.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const HEALTHZ_LIMIT_MS = 100;

/** A dense ledger: every account pays many others, so deep traces reach everything. */
function denseLedgerCsv(accounts: number, transfers: number): string {
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows = ["id,source,target,amount,timestamp,currency"];
  for (let i = 0; i < transfers; i++) {
    const source = Math.floor(random() * accounts);
    const target = (source + 1 + Math.floor(random() * (accounts - 1))) % accounts;
    const day = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
    rows.push(`t${i},ACC${source},ACC${target},${1 + Math.floor(random() * 1000)},${day},USD`);
  }
  return rows.join("\n") + "\n";
}

/**
 * Layers of companies, each owning every company of the next layer: `width`² edges a layer, a
 * number of paths that grows as width^depth, and an ownership tree that repeats itself.
 */
function layeredListFtm(layers: number, width: number): string {
  const lines: string[] = [];
  const id = (layer: number, i: number): string => `co-${layer}-${i}`;
  for (let layer = 0; layer < layers; layer++) {
    for (let i = 0; i < width; i++) {
      const sanctioned = layer === layers - 1;
      lines.push(
        JSON.stringify({
          id: id(layer, i),
          schema: "Company",
          properties: {
            name: [`Layer ${layer} Holding ${i}`],
            ...(sanctioned ? { topics: ["sanction"] } : {}),
          },
        }),
      );
      if (layer === 0) continue;
      for (let j = 0; j < width; j++) {
        lines.push(
          JSON.stringify({
            id: `own-${layer}-${i}-${j}`,
            schema: "Ownership",
            properties: { owner: [id(layer, i)], asset: [id(layer - 1, j)], percentage: ["5"] },
          }),
        );
      }
    }
  }
  return lines.join("\n") + "\n";
}

/**
 * Sends the heavy request and polls `/healthz` every 10 ms until it has answered: the slowest
 * `/healthz` answer is how long the heavy request held the thread (at the least).
 */
async function whileHealthz(
  base: string,
  heavy: () => Promise<Response>,
): Promise<{ response: Response; body: string; worstHealthz: number; polls: number }> {
  let done = false;
  let worst = 0;
  let polls = 0;
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      const answer = await fetch(`${base}/healthz`);
      await answer.text();
      worst = Math.max(worst, performance.now() - started);
      polls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  // Give the poller a head start so the heavy request starts while it runs.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const response = await heavy();
  const body = await response.text();
  done = true;
  await poller;
  return { response, body, worstHealthz: worst, polls };
}

/**
 * The heavy request, up to three times, while /healthz is polled: the best of the worst /healthz
 * answers must be under the limit. A request that holds the thread does so every time; the
 * machine's other load (tests of others share its two cores) only now and then.
 */
async function responsive(
  base: string,
  heavy: () => Promise<Response>,
): Promise<{ response: Response; body: string; worstHealthz: number }> {
  let best: Awaited<ReturnType<typeof whileHealthz>> | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const run = await whileHealthz(base, heavy);
    if (!best || run.worstHealthz < best.worstHealthz) best = run;
    if (best.worstHealthz < HEALTHZ_LIMIT_MS) break;
  }
  return best!;
}

for (const backend of backends()) {
  describe(`workload (${backend.name})`, () => {
    let store: Store;
    let app: FastifyInstance;
    let base: string;

    before(async () => {
      ({ store } = await freshStore(backend));
      const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-workload-"));
      const ledger = path.join(dir, "dense.csv");
      writeFileSync(ledger, denseLedgerCsv(2000, 60_000));
      await importLedgerFile(store, ledger, { dataset: "dense" });
      const list = path.join(dir, "layers.ftm.json");
      // 6 layers of 95: 45,125 ownership edges; expanding from a top company steps over more
      // than the request's 50,000 edges.
      writeFileSync(list, layeredListFtm(6, 95));
      await importList(store, [list], { format: "ftm", dataset: "layers", version: "1" });
      app = await buildApp({ store });
      base = await app.listen({ host: "127.0.0.1", port: 0 });
      // Load the ledger and the network once: the first request of each builds them.
      await fetch(`${base}/trace`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ account: "ACC1", hops: 1 }),
      });
      await fetch(`${base}/entities/co-0-0/expand?hops=1`);
    });

    after(async () => {
      await app?.close();
      await store?.close();
    });

    const postTrace = (body: unknown) => () =>
      fetch(`${base}/trace`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    test("a trace past its work budget is a 422 saying how to narrow it; /healthz answers meanwhile", async () => {
      const accounts = Array.from({ length: 100 }, (_, i) => `ACC${i}`);
      for (const method of ["proportional", "fifo"]) {
        const run = await responsive(
          base,
          postTrace({ account: accounts, hops: 64, method, min_amount: 0 }),
        );
        assert.equal(run.response.status, 422, run.body);
        assert.match(run.body, /work budget.*narrow it: fewer hops/);
        assert.ok(
          run.worstHealthz < HEALTHZ_LIMIT_MS,
          `${method}: /healthz took ${run.worstHealthz.toFixed(0)} ms`,
        );
      }
    });

    test("a trace within its budget still answers, without holding /healthz", async () => {
      const run = await responsive(base, postTrace({ account: "ACC5", hops: 2, method: "fifo" }));
      assert.equal(run.response.status, 200, run.body);
      assert.ok(JSON.parse(run.body).flows.length > 0);
      assert.ok(run.worstHealthz < HEALTHZ_LIMIT_MS, `/healthz took ${run.worstHealthz} ms`);
    });

    test("a trace asks for at most 100 accounts", async () => {
      const accounts = Array.from({ length: 101 }, (_, i) => `ACC${i}`);
      const response = await postTrace({ account: accounts, hops: 64 })();
      assert.equal(response.status, 400);
      assert.match(await response.text(), /account/);
    });

    test("expand over a hub is cut and flagged truncated, not walked whole", async () => {
      const run = await responsive(base, () =>
        fetch(`${base}/entities/co-0-0/expand?hops=6&max_nodes=10000`),
      );
      assert.equal(run.response.status, 200, run.body);
      const answer = JSON.parse(run.body) as { truncated: boolean; nodes: unknown[] };
      assert.equal(answer.truncated, true);
      assert.ok(answer.nodes.length > 1);
      assert.ok(run.worstHealthz < HEALTHZ_LIMIT_MS, `/healthz took ${run.worstHealthz} ms`);
      const small = (await (await fetch(`${base}/entities/co-5-0/expand?hops=1`)).json()) as {
        truncated: boolean;
      };
      assert.equal(small.truncated, false, "a walk within budget is whole");
      const tooMany = await fetch(`${base}/entities/co-0-0/expand?max_nodes=100000`);
      assert.equal(tooMany.status, 400);
    });

    test("paths through layers that multiply are cut and flagged truncated", async () => {
      const run = await responsive(base, () =>
        fetch(`${base}/entities/co-0-0/paths?hops=8&limit=1000`),
      );
      assert.equal(run.response.status, 200, run.body);
      assert.equal(JSON.parse(run.body).truncated, true);
      assert.ok(run.worstHealthz < HEALTHZ_LIMIT_MS, `/healthz took ${run.worstHealthz} ms`);
      const to = await fetch(`${base}/entities/co-0-0/paths?hops=8&to=co-5-3`);
      const found = (await to.json()) as { paths: unknown[]; truncated: boolean };
      assert.equal(found.paths.length, 1);
      assert.equal(found.truncated, false);
    });

    test("an ownership report too large to settle is a 422, never a cut (possibly wrong) answer", async () => {
      const run = await responsive(base, () => fetch(`${base}/entities/co-0-0/ownership`));
      assert.equal(run.response.status, 422, run.body);
      assert.match(run.body, /ownership of 'co-0-0': more than 50000 edges/);
      assert.ok(run.worstHealthz < HEALTHZ_LIMIT_MS, `/healthz took ${run.worstHealthz} ms`);
      const small = await fetch(`${base}/entities/co-5-0/ownership`);
      assert.equal(small.status, 200);
    });
  });
}
