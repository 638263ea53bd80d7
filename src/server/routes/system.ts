import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app.ts";
import { ALGORITHMS, DEFAULT_ALGORITHM } from "./algorithms.ts";

export function registerSystemRoutes(app: FastifyInstance, ctx: AppContext): void {
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
  app.get("/catalog", { schema: { summary: "Datasets and their active versions" } }, async () => ({
    datasets: (await ctx.store.activeVersions()).map((v) => ({
      name: v.dataset,
      version: v.label,
      entity_count: v.entries,
      updated_at: v.importedAt,
    })),
  }));
}
