/**
 * The lists over HTTP: `GET /lists` (every version of every dataset), `GET /lists/{dataset}/diff`
 * (what changed between two versions), and `POST /lists/update` (the explicit download and
 * import, as a background job: the one place the server reaches the network).
 */
import type { FastifyInstance } from "fastify";
import { callerOf, readerOf } from "../access/guard.ts";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { diffRecords } from "../../lists/diff.ts";
import { LIST_SOURCES } from "../../lists/update/sources.ts";
import { resolveVersion } from "../../lists/versions.ts";
import type { ListVersion } from "../../store/store.ts";
import type { AppContext } from "../app.ts";
import { JOB_KINDS, type ListsUpdatePayload } from "../../jobs/handlers.ts";
import { jobSummary } from "../../jobs/types.ts";
import { NotFoundError } from "../../errors.ts";

export function registerListRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/lists",
    { schema: { summary: "Every dataset's versions (newest first) and the latest update jobs" } },
    async (request) => {
      const readable = readerOf(request);
      const versions = (await ctx.store.listVersions()).filter(
        (v) => !readable || readable(v.dataset),
      );
      const byDataset = new Map<string, ListVersion[]>();
      for (const version of versions) {
        const list = byDataset.get(version.dataset) ?? [];
        list.push(version);
        byDataset.set(version.dataset, list);
      }
      return {
        datasets: [...byDataset].map(([dataset, list]) => ({
          dataset,
          active: list.find((v) => v.active) ?? null,
          versions: list.sort((a, b) => b.id - a.id),
        })),
        updatable: LIST_SOURCES.map((s) => s.dataset),
        updates: (
          await ctx.jobs.list({ kind: JOB_KINDS.listsUpdate, limit: 5, withResults: true })
        ).map((job) => ({
          ...jobSummary(job),
          result: job.result,
        })),
      };
    },
  );

  typed.get(
    "/lists/:dataset/diff",
    {
      schema: {
        summary: "Designations added, removed and changed between two versions",
        params: z.object({ dataset: z.string().min(1).max(100) }),
        querystring: z.object({
          from: z.string().max(100).default("previous").describe("label, id, previous or active"),
          to: z.string().max(100).default("active"),
          limit: z.coerce.number().int().min(1).max(100_000).default(500),
        }),
      },
    },
    async (request) => {
      const { dataset } = request.params;
      const readable = readerOf(request);
      if (readable && !readable(dataset)) throw new NotFoundError(`no list '${dataset}'`);
      const { limit } = request.query;
      const from = await resolveVersion(ctx.store, dataset, request.query.from);
      const to = await resolveVersion(ctx.store, dataset, request.query.to);
      const diff = await diffRecords(
        ctx.store.iterateRecords(from.id),
        ctx.store.iterateRecords(to.id),
      );
      return {
        dataset,
        from: from.label,
        to: to.label,
        counts: {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          unchanged: diff.unchanged,
        },
        added: diff.added.slice(0, limit),
        removed: diff.removed.slice(0, limit),
        changed: diff.changed.slice(0, limit),
      };
    },
  );

  typed.post(
    "/lists/update",
    {
      schema: {
        summary: "Download the official lists and import what changed (a background job)",
        body: z
          .object({ datasets: z.array(z.string().min(1).max(100)).max(50).optional() })
          .default({}),
      },
    },
    async (request, reply) => {
      const datasets = request.body.datasets;
      const job = await ctx.jobs.submit(
        {
          kind: JOB_KINDS.listsUpdate,
          subject: datasets?.join(", ") || "all lists",
          unit: "datasets",
          owner: callerOf(request).caller.user,
          payload: (datasets ? { datasets } : {}) satisfies ListsUpdatePayload,
        },
        { exclusive: true },
      );
      return reply.status(202).send(jobSummary(job));
    },
  );
}
