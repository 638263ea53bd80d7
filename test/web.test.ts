/**
 * The analyst web app in a real browser: Debian's Chromium, headless, driven by playwright-core,
 * over the demo workspace: search → entity → network (as of a date, paths to sanctioned parties,
 * ownership chains, save and export) → trace Sankey → screen a CSV → open a document → close an
 * alert → a list's changes. Assertions on what is shown, screenshots in test-output/web/, and any
 * console error fails the test. Skips with a notice where Chromium or the built app is missing, unless
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
  page.on("pageerror", (error) =>
    errors.push(process.env.DEBUG_WEB ? String(error.stack) : error.message),
  );
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
  // A country facet keeps Chongryon (Japan) and leaves out whatever is elsewhere.
  const japan = page.getByRole("button", { name: /^jp \(\d+\)$/ });
  const inJapan = /\((\d+)\)/.exec(await japan.innerText())![1];
  await japan.click();
  await page.getByRole("heading", { name: `Entities (${inJapan})` }).waitFor();
  await result.waitFor();
  await japan.click();
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

test("ownership chains with percentages, saved and exported diagrams", async (t) => {
  if (!browser) return t.skip(missing() ?? "no browser");
  const errors: string[] = [];
  const page = await openPage(errors);
  await page.goto(`${base}/#/network/demo-hongda`);
  const status = page.getByRole("status");
  await status.filter({ hasText: /\d+ entities, \d+ edges/ }).waitFor();
  await page.getByRole("button", { name: "Ownership chains" }).click();
  // Office 39 holds 30% and Ri Chol Man 21% of Hongda: 51% in blocked hands.
  await status.filter({ hasText: /OFAC 50% rule: blocked/ }).waitFor();
  assert.match(await page.getByRole("list", { name: "Edges" }).innerText(), /owns 30%/);
  await page.getByRole("checkbox", { name: "Directorship" }).uncheck();
  assert.doesNotMatch(await page.getByRole("list", { name: "Edges" }).innerText(), /directs/);
  await page.screenshot({ path: path.join(SHOTS, "5-ownership.png") });

  page.once("dialog", (dialog) => void dialog.accept("Hongda owners"));
  await page.getByRole("button", { name: "Save" }).click();
  await status.filter({ hasText: 'Saved "Hongda owners"' }).waitFor();
  const json = page.waitForEvent("download");
  await page.getByRole("button", { name: "JSON" }).click();
  const saved = JSON.parse(await streamText(await (await json).createReadStream())) as {
    nodes: Array<{ id: string; x: number }>;
    edges: unknown[];
  };
  assert.ok(saved.nodes.some((n) => n.id === "demo-office39" && Number.isFinite(n.x)));
  const png = page.waitForEvent("download");
  await page.getByRole("button", { name: "PNG" }).click();
  assert.match((await png).suggestedFilename(), /\.png$/);

  // The saved diagram opens again from another entity's page, as it was.
  await page.goto(`${base}/#/network/demo-chongryon`);
  await status.filter({ hasText: /\d+ entities, \d+ edges/ }).waitFor();
  await page.getByLabel("Open a saved diagram").selectOption("Hongda owners");
  await status.filter({ hasText: 'Opened "Hongda owners"' }).waitFor();
  assert.match(await page.getByRole("list", { name: "Edges" }).innerText(), /owns 30%/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("entity transactions lead to a trace Sankey with exposure badges", async (t) => {
  if (!browser) return t.skip(missing() ?? "no browser");
  const errors: string[] = [];
  const page = await openPage(errors);
  await page.goto(`${base}/#/entity/demo-pachinko`);
  await page.getByRole("heading", { name: /^Transactions \(\d+\)$/ }).waitFor();
  await page.getByRole("heading", { name: "Timeline" }).waitFor();
  await page.getByRole("link", { name: "trace JP-PACH-002" }).click();
  // 45 + 38 + 41 million yen went from the parlour to the credit cooperative.
  await page.locator(".trace-total").filter({ hasText: "124,000,000 JPY" }).waitFor();
  await page.locator(".sankey canvas").first().waitFor();
  const reached = page.locator("table.reached");
  assert.match(await reached.innerText(), /Paektu Credit Cooperative/);
  assert.ok((await reached.locator(".tag.sanctioned").count()) > 0);
  await page.screenshot({ path: path.join(SHOTS, "6-trace.png"), fullPage: true });

  await page.getByLabel("Direction").selectOption("backward");
  await page.getByRole("button", { name: "Trace", exact: true }).click();
  await page.getByText(/traced into JP-PACH-002/).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("screening: one name explained, a CSV screened, a hit cleared and re-screened", async (t) => {
  if (!browser) return t.skip(missing() ?? "no browser");
  const errors: string[] = [];
  const page = await openPage(errors);
  await page.goto(`${base}/#/screening`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Ri Chol Man");
  await page.getByRole("button", { name: "Screen", exact: true }).click();
  const hits = page.locator("ol.hits");
  await hits.getByRole("link", { name: "Ri Chol Man (demo)" }).waitFor();
  assert.match(await hits.locator(".explanations").first().innerText(), /name/);

  await page.getByLabel("Customer file").setInputFiles({
    name: "customers.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("id,name,country\nc1,Ri Chol Man,kp\nc2,Office 39,\nc3,Jane Doe,us\n"),
  });
  await page.getByRole("button", { name: "Screen file" }).click();
  await page.locator(".rows-screened").filter({ hasText: "3" }).waitFor();
  assert.equal(await page.locator(".matches-found").innerText(), "2");
  const results = page.locator("table.screen-results");
  assert.match(await results.innerText(), /no candidate/);
  await results.getByRole("button", { name: "Clear" }).first().click();
  await results.getByText(/cleared by/).waitFor();
  await page.screenshot({ path: path.join(SHOTS, "7-screening.png"), fullPage: true });

  // Screened again, the cleared hit comes back with its decision attached.
  await page.getByRole("button", { name: "Re-screen" }).click();
  await page.getByText(/Re-screen: hits new since the last screen are marked/).waitFor();
  await results.getByText(/cleared by/).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("documents: search, open with highlighted linked mentions, upload", async (t) => {
  if (!browser) return t.skip(missing() ?? "no browser");
  const errors: string[] = [];
  const page = await openPage(errors);
  await page.goto(`${base}/#/documents?q=Dandong`);
  await page
    .getByRole("link", { name: /dandong-memo|MEMO/i })
    .first()
    .click();
  const text = page.locator(".document-text");
  await text.waitFor();
  // Ri Chol Man in the memo is linked to the listed person.
  const linked = text.locator("a.mention.linked", { hasText: "Ri Chol Man" }).first();
  assert.equal(await linked.getAttribute("href"), "#/entity/demo-richolman");
  await page.screenshot({ path: path.join(SHOTS, "8-document.png"), fullPage: true });

  await page.goto(`${base}/#/documents`);
  await page.getByLabel("Upload documents").setInputFiles({
    name: "note.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Transfer to Golden Harbour Trading Limited for Office 39, USD 50,000."),
  });
  await page.locator(".upload-report").filter({ hasText: "1 documents read" }).waitFor();
  await page.locator(".upload-report a").first().click();
  await text.locator("a.mention.linked", { hasText: "Office 39" }).waitFor();

  await page.goto(`${base}/#/entity/demo-richolman`);
  await page.getByRole("heading", { name: /^Documents \([1-9]\d*\)$/ }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("alerts: the pattern drawn, assigned and closed", async (t) => {
  if (!browser) return t.skip(missing() ?? "no browser");
  const errors: string[] = [];
  const page = await openPage(errors);
  await page.goto(`${base}/#/alerts`);
  const queue = page.getByRole("list", { name: "Alerts" });
  await queue.getByRole("button", { name: /^cycle/ }).click();
  await page.locator(".pattern canvas").first().waitFor();
  assert.match(await page.locator(".alert-panel").innerText(), /Liaoning Northern Coal Supply/);
  await page.getByRole("button", { name: "Assign to me" }).click();
  await queue.getByRole("button", { name: /^cycle.*assigned: analyst/ }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, "9-alert.png"), fullPage: true });
  await page.getByLabel("Note").fill("Round trip through the coal supplier: reported");
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await queue.getByRole("button", { name: /^cycle/ }).waitFor({ state: "detached" });
  await page.getByRole("button", { name: "closed", exact: true }).click();
  await queue.getByRole("button", { name: /^cycle.*closed/ }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("lists: versions and what changed between them", async (t) => {
  if (!browser) return t.skip(missing() ?? "no browser");
  const errors: string[] = [];
  const page = await openPage(errors);
  await page.goto(`${base}/#/lists`);
  await page.getByRole("button", { name: "2016 → 2017" }).click();
  await page.locator(".diff-counts").filter({ hasText: "4 added, 0 removed, 1 changed" }).waitFor();
  await page.getByRole("link", { name: "Yalu River Logistics Co., Ltd. (demo)" }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, "10-lists.png"), fullPage: true });
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

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
