/**
 * bench:web (issue 7): the analyst web app in headless Chromium over a store of 50,000+ entities.
 *
 *  1. Store: the shared UN, OFAC SDN, OFAC consolidated, US CSL and UK lists (real names for the
 *     search), plus a generated network around one holding company: 2,000 entities within two
 *     hops, and generated filler entities until the store holds BENCH_ENTITIES (50,000).
 *  2. Page load: a fresh browser context each time (nothing cached) opening a search and an
 *     entity page; from navigation to the first result shown. 10 runs, p50 and max.
 *  3. Network explorer with the 2,000-entity network: time until drawn and laid out, then frames
 *     while the analyst zooms and pans (mouse wheel and drag over the canvas): frames per second
 *     and the longest frame; and how long a relation filter takes to apply. The same gestures
 *     over a 50-entity network first give the renderer's ceiling on this machine: headless
 *     Chromium without a GPU draws WebGL in software (SwiftShader), far below a laptop's GPU.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { importList } from "../src/lists/import.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import { sharedFile } from "../test/helpers/shared.ts";
import { SHARED_LISTS } from "./shared-lists.ts";

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 50_000);
const FIRST_RING = 40;
const SECOND_RING = 49;
const RUNS = 10;
const CHROMIUM = process.env.MONEYTRAIL_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"];

const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model.trim() ?? "unknown cpu"}, node ${process.version}`;
console.log(`bench:web on ${machine}`);

const scratch = mkdtempSync(path.join(os.tmpdir(), "moneytrail-bench-web-"));
const store = await openStore(path.join(scratch, "bench.db"));
let t0 = performance.now();
for (const file of SHARED_LISTS) await importList(store, [sharedFile(file)]);
const listed = await countEntities();
writeFileSync(path.join(scratch, "network.ftm.json"), generatedNetwork(ENTITIES - listed));
await importList(store, [path.join(scratch, "network.ftm.json")], {
  format: "ftm",
  dataset: "bench_network",
  version: "1",
});
const entities = await countEntities();
console.log(
  `store: ${entities.toLocaleString()} entities (${listed.toLocaleString()} from the shared lists) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const app = await buildApp({ store });
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
// The server warms its screening index and network at start (serve asks /readyz); so here.
t0 = performance.now();
await app.inject({ url: "/readyz" });
await app.inject({ url: "/entities/bench-hub/expand?hops=1" });
console.log(
  `server warm-up (index and network): ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
try {
  await pageLoads(browser);
  // The renderer's own ceiling first: a small network, the same gestures.
  await explorer(browser, "bench-sub-0-1");
  await explorer(browser, "bench-hub");
} finally {
  await browser.close();
  await app.close();
  await store.close();
  rmSync(scratch, { recursive: true, force: true });
}

async function countEntities(): Promise<number> {
  let count = 0;
  for (const version of await store.activeVersions())
    count += Object.values(version.schemata).reduce((sum, n) => sum + n, 0);
  return count;
}

/**
 * A holding company, FIRST_RING subsidiaries, SECOND_RING companies under each (2,001 entities
 * within two hops, ownership with percentages and directors), then unconnected filler companies.
 */
function generatedNetwork(filler: number): string {
  const lines: string[] = [];
  const entity = (id: string, schema: string, properties: Record<string, string[]>): void => {
    lines.push(JSON.stringify({ id, schema, properties }));
  };
  entity("bench-hub", "Company", { name: ["Bench Holding Group Ltd"], topics: ["sanction"] });
  for (let i = 0; i < FIRST_RING; i++) {
    const sub = `bench-sub-${i}`;
    entity(sub, "Company", { name: [`Bench Subsidiary ${i} Ltd`] });
    entity(`${sub}-own`, "Ownership", {
      owner: ["bench-hub"],
      asset: [sub],
      percentage: [String(51 + (i % 49))],
    });
    for (let j = 0; j < SECOND_RING; j++) {
      const leaf = `${sub}-${j}`;
      const schema = j % 7 === 0 ? "Person" : "Company";
      entity(leaf, schema, { name: [`Bench ${schema} ${i}-${j}`] });
      if (schema === "Person")
        entity(`${leaf}-dir`, "Directorship", { director: [leaf], organization: [sub] });
      else
        entity(`${leaf}-own`, "Ownership", {
          owner: [sub],
          asset: [leaf],
          percentage: [String(10 + ((i * j) % 80))],
        });
    }
  }
  for (let k = 0; k < filler; k++)
    entity(`bench-filler-${k}`, "Company", { name: [`Filler Trading ${k} Co`] });
  return `${lines.join("\n")}\n`;
}

function summary(millis: number[]): string {
  const sorted = [...millis].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)]!;
  return `p50 ${p50.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
}

async function timedOpen(
  browser: Browser,
  url: string,
  shown: (page: Page) => Promise<void>,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url);
  await shown(page);
  const millis = performance.now() - started;
  await context.close();
  return millis;
}

async function pageLoads(browser: Browser): Promise<void> {
  const search: number[] = [];
  const entity: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    search.push(
      await timedOpen(browser, `${base}/#/search?q=Korea%20Kwangson%20Banking`, (page) =>
        page.locator(".results a").first().waitFor(),
      ),
    );
    entity.push(
      await timedOpen(browser, `${base}/#/entity/bench-hub`, (page) =>
        page.getByRole("heading", { name: /^Relations \(\d+\)$/ }).waitFor(),
      ),
    );
  }
  console.log(
    `page load, search with results (${entities.toLocaleString()} entities): ${summary(search)}`,
  );
  console.log(`page load, entity page with relations, ownership, timeline: ${summary(entity)}`);
}

async function explorer(browser: Browser, entity: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  let started = performance.now();
  await page.goto(`${base}/#/network/${entity}`);
  const status = page.getByRole("status");
  await status.filter({ hasText: /\d+ entities, \d+ edges/ }).waitFor({ timeout: 120_000 });
  const drawn = performance.now() - started;
  const shown = await status.innerText();
  console.log(
    `network explorer: ${shown.split(" — ")[0]} drawn and laid out in ${drawn.toFixed(0)} ms`,
  );

  const canvas = page.locator("[data-testid=network-canvas]");
  const box = (await canvas.boundingBox())!;
  // As strings: the page runs them as they are (tsx would add helpers the page lacks).
  await page.evaluate(`(() => {
    window.frameTimes = [];
    window.recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.frameTimes.push(now - last);
      last = now;
      if (window.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, i < 5 ? -240 : 240);
    await page.waitForTimeout(80);
  }
  await page.mouse.down();
  for (let i = 0; i < 30; i++) {
    await page.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2 + i * 4);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  const frames = (await page.evaluate(
    "(() => { window.recording = false; return window.frameTimes.slice(1); })()",
  )) as number[];
  const seconds = frames.reduce((sum, f) => sum + f, 0) / 1000;
  const sorted = [...frames].sort((a, b) => a - b);
  console.log(
    `network explorer (${shown.split(" ")[0]} entities), zoom and pan: ${(frames.length / seconds).toFixed(0)} frames/s, ` +
      `p95 frame ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(0)} ms, longest ${sorted.at(-1)!.toFixed(0)} ms`,
  );

  const directorships = page.getByRole("checkbox", { name: "Directorship" });
  if ((await directorships.count()) === 0) return context.close();
  // Let the camera's glide after the drag finish, so only the filter is timed.
  await page.waitForTimeout(1000);
  started = performance.now();
  await directorships.uncheck();
  await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => resolve(null)))");
  console.log(
    `network explorer, hide a relation kind: ${(performance.now() - started).toFixed(0)} ms`,
  );
  await context.close();
}
