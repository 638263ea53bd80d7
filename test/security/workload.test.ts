/**
 * Issue 22, item 12: one request must not block everyone. The server answers on one thread; a
 * trace over a dense ledger, a walk over a hub or a large upload used to hold `/healthz` for
 * seconds. Each heavy request is sent to a real listening server (127.0.0.1, port 0) while
 * `/healthz` is polled with real timers: it must keep answering promptly (goal 100 ms), and requests
 * past their budget must get a clear 4xx instead of the thread.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { importList } from "../../src/lists/import.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/store.ts";
import { importLedgerFile } from "../../src/transactions/import.ts";
import { loadLedger } from "../../src/transactions/load.ts";
import { detect, parseTypologies } from "../../src/typologies/detect.ts";
import { needShared, sharedFile } from "../helpers/shared.ts";
import { backends, freshStore } from "../helpers/stores.ts";

/**
 * The goal is 100 ms, and runs on an idle machine stay under it (the figures are printed as
 * diagnostics). The test's bound is looser because it shares two cores with another test file
 * (the poller and the server also share this process's thread): it guards against what the old
 * code did, seconds of `/healthz` held, not against the scheduler.
 */
const HEALTHZ_LIMIT_MS = 250;

/** Figures for the log: node:test shows what a test file prints as a comment line. */
function diagnostic(line: string): void {
  process.stdout.write(`${line}\n`);
}

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

const FIRST = ["Kim", "Ri", "Pak", "Choe", "Jang", "Han", "Ivan", "Sergei", "Ahmad", "Hossein"];
const LAST = ["Chol", "Song", "Min", "Petrov", "Volkov", "Rahimi", "Karimi", "Nam", "Jin", "Ho"];
/** Prose between the records, as letters have: text to read, with few names in it. */
const FILLER =
  " The shipment was held at the port for inspection and the papers were sent back to the office with a note on the terms of payment agreed in the spring.".repeat(
    4,
  );
const FIRMS = ["Hongxiang", "Ryonbong", "Tanchon", "Korea Kwangson", "Sinbo", "Paeksol", "Kumsan"];

/**
 * Running text of about `bytes` bytes, as in a seized ledger of letters: people, companies,
 * amounts, dates and accounts, and a listed company of the layered list ("Layer 3 Holding 7");
 * `tag` makes the bytes of each upload differ (the same bytes twice are stored once).
 */
function seizedText(bytes: number, tag: string): string {
  const lines = [`Correspondence ${tag}`];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const person = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const firm = `${FIRMS[i % FIRMS.length]} Trading Co., Ltd.`;
    const line =
      `On ${1 + (i % 28)} March 2019 ${person}, director of ${firm} in Dandong, paid ` +
      `USD ${(1000 + i * 37).toLocaleString("en-US")} to Layer 3 Holding 7 from account ` +
      `${10_000_000 + i}; the transfer was confirmed by ${LAST[i % LAST.length]} the next day.`;
    lines.push(line + FILLER);
    size += line.length + FILLER.length + 1;
  }
  return lines.join("\n");
}

const upload = (base: string, name: string, body: string, collection = "default") =>
  fetch(`${base}/documents?name=${encodeURIComponent(name)}&collection=${collection}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body,
  });

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
  diagnostic(`worst /healthz while it ran: ${best!.worstHealthz.toFixed(0)} ms`);
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

    test("a large upload is read on a reader thread: /healthz answers meanwhile, the answer as before", async () => {
      let attempt = 0;
      const run = await responsive(base, () =>
        upload(base, `letters-${attempt}.txt`, seizedText(1_500_000, `run ${attempt++}`)),
      );
      assert.equal(run.response.status, 201, run.body);
      const report = JSON.parse(run.body) as {
        documents: number;
        mentions: number;
        linked: number;
        ids: string[];
      };
      assert.equal(report.documents, 1);
      assert.ok(report.mentions > 5000, `${report.mentions} mentions`);
      assert.ok(report.linked > 500, `${report.linked} linked`);
      assert.ok(run.worstHealthz < HEALTHZ_LIMIT_MS, `/healthz took ${run.worstHealthz} ms`);
      const mentions = (await (
        await fetch(`${base}/documents/${report.ids[0]}/mentions?type=Organization`)
      ).json()) as { mentions: Array<{ text: string; entityId?: string | null }> };
      const listed = mentions.mentions.find((m) => m.text === "Layer 3 Holding 7");
      assert.equal(listed?.entityId, "co-3-7", "the reader thread's gazetteer links listed names");
    });

    test("a flood of uploads past the reader queue is a 503 with Retry-After; refused ones leave nothing", async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          upload(base, `flood-${i}.txt`, seizedText(150_000, `flood ${i}`), "flood"),
        ),
      );
      const busy = answers.filter((a) => a.status === 503);
      const stored = answers.filter((a) => a.status === 201);
      assert.ok(busy.length > 0, `statuses: ${answers.map((a) => a.status).join(",")}`);
      assert.equal(busy.length + stored.length, answers.length);
      assert.equal(busy[0]!.headers.get("retry-after"), "10");
      assert.match(await busy[0]!.text(), /files already wait to be read; retry/);
      const documents = await store.documents.listDocuments({ collection: "flood", limit: 1000 });
      assert.equal(documents.length, stored.length);
      // Once the queue has drained, the same file is taken.
      const again = await upload(base, "flood-late.txt", seizedText(1000, "late"), "flood");
      assert.equal(again.status, 201, await again.text());
    });

    test("alerts for another typology or structuring threshold are a look-up, not a detection", async () => {
      await (await fetch(`${base}/alerts`)).text();
      const ledger = await loadLedger(store);
      for (const [query, typologies, threshold] of [
        ["typology=fan-in", ["fan-in"], undefined],
        ["typology=fan-out,structuring", ["fan-out", "structuring"], undefined],
        ["structuring_threshold=900", [], 900],
        ["structuring_threshold=850&typology=structuring", ["structuring"], 850],
      ] as const) {
        const run = await responsive(base, () => fetch(`${base}/alerts?${query}`));
        assert.equal(run.response.status, 200, run.body);
        assert.ok(
          run.worstHealthz < HEALTHZ_LIMIT_MS,
          `${query}: /healthz took ${run.worstHealthz} ms`,
        );
        const want = detect(
          ledger,
          parseTypologies([...typologies]),
          threshold ? { structuringThreshold: threshold } : {},
        );
        const got = JSON.parse(run.body) as { alerts: Array<{ id: string }> };
        assert.deepEqual(
          got.alerts.map((a) => a.id),
          want.map((a) => a.id),
          `${query}: the same alerts as a detection`,
        );
      }
    });

    test("exposure within its budget answers without holding /healthz", async () => {
      const sanctioned = Array.from({ length: 50 }, (_, i) => `ACC${i}`).join(",");
      const run = await responsive(base, () =>
        fetch(`${base}/exposure?hops=4&sanctioned=${sanctioned}`),
      );
      assert.equal(run.response.status, 200, run.body);
      assert.ok(JSON.parse(run.body).total > 1000);
      assert.ok(run.worstHealthz < HEALTHZ_LIMIT_MS, `/healthz took ${run.worstHealthz} ms`);
    });
  });
}

const AMLSIM = "data/transactions/amlsim/20K_cycle200/transactions.csv";

for (const backend of backends()) {
  describe(`workload on the AMLSim run (${backend.name})`, () => {
    let store: Store | undefined;
    let app: FastifyInstance | undefined;
    let base = "";
    let accounts: string[] = [];

    before(async () => {
      if (!existsSync(sharedFile(AMLSIM))) return;
      ({ store } = await freshStore(backend));
      await importLedgerFile(store, sharedFile(AMLSIM), { dataset: "amlsim" });
      accounts = [...(await loadLedger(store)).accountIds];
      app = await buildApp({ store });
      base = await app.listen({ host: "127.0.0.1", port: 0 });
      await (await fetch(`${base}/exposure?hops=1`)).text();
    });

    after(async () => {
      await app?.close();
      await store?.close();
    });

    test("exposure past its work budget is a 422 saying how to narrow it; /healthz answers meanwhile", async (t) => {
      if (!needShared(t, AMLSIM)) return;
      // 1,000 sanctioned accounts, 64 hops: 17 million units, about 100 to 200 ms of sweeping.
      const many = accounts.filter((_, i) => i % 20 === 0).slice(0, 1000);
      const run = await responsive(base, () =>
        fetch(`${base}/exposure?hops=64&sanctioned=${many.join(",")}`),
      );
      assert.equal(run.response.status, 422, run.body);
      assert.match(
        run.body,
        /exposure: over the work budget.*narrow it: fewer hops, fewer sanctioned accounts/,
      );
      assert.ok(run.worstHealthz < HEALTHZ_LIMIT_MS, `/healthz took ${run.worstHealthz} ms`);
      const narrow = await fetch(
        `${base}/exposure?hops=3&sanctioned=${many.slice(0, 100).join(",")}`,
      );
      assert.equal(narrow.status, 200, await narrow.text());
    });
  });
}
