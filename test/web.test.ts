/**
 * The analyst web app in a real browser: Debian's Chromium, headless, driven by playwright-core,
 * over the demo workspace. Search → entity → network (as of a date, paths to sanctioned
 * parties); assertions on what is shown, screenshots in test-output/web/, and any console error
 * fails the test. Skips with a notice where Chromium or the built app is missing, unless
 * MONEYTRAIL_REQUIRE_BROWSER=1 (CI) makes that a failure.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildDemo } from "../src/demo/workspace.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";

const CHROMIUM = process.env.MONEYTRAIL_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHOTS = path.join(ROOT, "test-output", "web");
const BUILT = existsSync(path.join(ROOT, "dist", "web", "index.html"));
/** Flags for a closed network and no GPU: WebGL (sigma) runs on SwiftShader. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let store: Store | undefined;
let app: FastifyInstance | undefined;
let browser: Browser | undefined;
let base = "";

function missing(): string | undefined {
  if (!existsSync(CHROMIUM)) return `needs Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!BUILT) return "needs the built web app (npm run build:web)";
  return undefined;
}

before(async () => {
  const reason = missing();
  if (reason) {
    if (process.env.MONEYTRAIL_REQUIRE_BROWSER === "1") throw new Error(reason);
    console.log(`# skipped: ${reason}`);
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  store = await openStore(
    path.join(mkdtempSync(path.join(os.tmpdir(), "moneytrail-web-")), "demo.db"),
  );
  await buildDemo(store);
  app = await buildApp({ store });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

async function openPage(errors: string[]): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 860 } });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return page;
}

test("search, entity page and network explorer in Chromium", async (t) => {
  if (!browser) return t.skip(missing() ?? "no browser");
  const errors: string[] = [];
  const page = await openPage(errors);

  await page.goto(`${base}/#/search?q=Chongryon`);
  const result = page.getByRole("link", {
    name: "General Association of Korean Residents in Japan",
  });
  await result.waitFor();
  // Facets narrow the entities: a Person facet leaves Chongryon out, pressing it again brings it back.
  const personFacet = page.getByRole("button", { name: /^Person \(\d+\)$/ });
  if (await personFacet.count()) {
    await personFacet.click();
    await result.waitFor({ state: "detached" });
    await personFacet.click();
  }
  await page.getByRole("heading", { name: /^Documents \(\d+\)$/ }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, "1-search.png") });
  await result.click();

  await page
    .getByRole("heading", { name: /General Association of Korean Residents in Japan/ })
    .waitFor();
  for (const name of ["Chosen Soren", "재일본조선인총련합회"])
    await page.getByText(name, { exact: true }).waitFor();
  assert.ok(await page.getByText("demo", { exact: true }).first().isVisible());
  await page.screenshot({ path: path.join(SHOTS, "2-entity.png"), fullPage: true });

  await page.getByRole("link", { name: "Network" }).click();
  const status = page.getByRole("status");
  await status.filter({ hasText: /\d+ entities, \d+ edges/ }).waitFor();
  const edges = page.getByRole("list", { name: "Edges" });
  assert.match(await edges.innerText(), /reports to → United Front Department/);
  assert.ok(await page.locator("[data-testid=network-canvas] canvas").first().isVisible());
  await page.screenshot({ path: path.join(SHOTS, "3-network.png") });

  // As of 2005 Chongryon still reported to Room 225, not yet to the United Front Department.
  await page.getByLabel("As of date").fill("2005");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByText("as of 2005").waitFor();
  await status.filter({ hasText: /\d+ entities, \d+ edges/ }).waitFor();
  const in2005 = await edges.innerText();
  assert.match(in2005, /reports to → Room 225/);
  assert.doesNotMatch(in2005, /reports to → United Front Department/);

  await page.getByRole("button", { name: "Paths to sanctioned parties" }).click();
  await status.filter({ hasText: /\d+ path\(s\) to sanctioned parties/ }).waitFor();
  assert.ok((await page.locator(".relations li.on-path").count()) > 0);
  await page.screenshot({ path: path.join(SHOTS, "4-paths.png") });

  assert.deepEqual(errors, []);
  await page.close();
});

test("an entity that does not exist says so", async (t) => {
  if (!browser) return t.skip(missing() ?? "no browser");
  const errors: string[] = [];
  const page = await openPage(errors);
  await page.goto(`${base}/#/entity/no-such-entity`);
  await page.getByText(/not found/).waitFor();
  await page.close();
  // The failed request itself is the one console error a 404 gives.
  assert.ok(
    errors.every((e) => /404/.test(e)),
    errors.join("\n"),
  );
});
