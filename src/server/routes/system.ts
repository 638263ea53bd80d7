import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app.ts";
import { callerOf } from "../access/guard.ts";
import { canRead } from "../../access/collections.ts";
import { ALGORITHMS, DEFAULT_ALGORITHM } from "./algorithms.ts";

/**
 * What `/` shows when the web app is not built (`npm run build:web`): the routes to try, so the
 * server is never a blank 404.
 */
const LANDING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>moneytrail</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}</style>
</head><body>
<h1>moneytrail</h1>
<p>The API is up. The web app is not built here (<code>npm run build:web</code>); these answer now:</p>
<ul>
<li><a href="/openapi.json">/openapi.json</a>: every route</li>
<li><a href="/catalog">/catalog</a>: the lists loaded</li>
<li><a href="/search/default?q=Chongryon">/search/default?q=Chongryon</a></li>
<li><a href="/entities/demo-chongryon">/entities/demo-chongryon</a>, its
<a href="/entities/demo-chongryon/expand?hops=1">network</a> and
<a href="/entities/demo-chongryon/expand?hops=1&amp;as_of=2005">as of 2005</a></li>
<li><a href="/entities/demo-hongda/ownership">/entities/demo-hongda/ownership</a>: the OFAC 50% rule</li>
<li><a href="/entities/demo-pachinko/paths">/entities/demo-pachinko/paths</a>: paths to sanctioned parties</li>
<li><a href="/search/documents?q=Dandong">/search/documents?q=Dandong</a></li>
</ul>
<p>Screening: <code>POST /match/default</code> with <code>{"queries":{"q1":{"schema":"Person","properties":{"name":["Ri Chol Man"]}}}}</code>.</p>
</body></html>
`;

export function registerSystemRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { landingPage: boolean },
): void {
  if (options.landingPage)
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html; charset=utf-8").send(LANDING),
    );
  app.get("/healthz", { schema: { summary: "The process is up" } }, async () => ({ status: "ok" }));
  app.get(
    "/readyz",
    { schema: { summary: "The screening index is loaded" } },
    async (_request, reply) => {
      try {
        const index = await ctx.screening.ready();
        return { status: "ok", entities: index.size };
      } catch (error) {
        reply.status(503);
        return { detail: `not ready: ${(error as Error).message}` };
      }
    },
  );
  app.get("/algorithms", { schema: { summary: "Matching algorithms" } }, async () => ({
    algorithms: ALGORITHMS.map((a) => ({
      name: a.name,
      description: a.description,
      aliases: a.aliases,
    })),
    default: DEFAULT_ALGORITHM,
    best: DEFAULT_ALGORITHM,
  }));
  app.get(
    "/catalog",
    { schema: { summary: "Datasets and their active versions" } },
    async (request) => ({
      datasets: (await ctx.store.activeVersions())
        // Private lists stay out of the catalogue of those who may not read them.
        .filter((v) => canRead(callerOf(request).permissions, v.dataset))
        .map((v) => ({
          name: v.dataset,
          version: v.label,
          entity_count: v.entries,
          updated_at: v.importedAt,
        })),
    }),
  );
}
