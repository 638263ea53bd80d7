/**
 * yente-compatible screening: `POST /match/{dataset}` with up to 100 queries, and
 * `GET /search/{dataset}?q=` for a quick name search.
 */
import { readableOf, type Permissions } from "../../access/collections.ts";
import { callerOf } from "../access/guard.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { InvalidInputError, NotFoundError } from "../../errors.ts";
import { DEFAULT_LIMIT, DEFAULT_THRESHOLD, type MatchOptions } from "../../matching/types.ts";
import { decisionScope } from "../../screening/decisions.ts";
import { keepIdentifiedQueries } from "../../screening/keep-screened.ts";
import { queryFromEntity } from "../../screening/query.ts";
import { toYenteResult } from "../../screening/yente.ts";
import type { AppContext } from "../app.ts";
import { ALGORITHMS, DEFAULT_ALGORITHM } from "./algorithms.ts";

export const MAX_QUERIES = 100;
const MAX_LIMIT = 500;
/** Values of one property in one query. */
const MAX_VALUES = 100;

const listParam = z.union([z.string(), z.array(z.string())]).optional();
const asList = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

const matchQuerystring = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  threshold: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD),
  cutoff: z.coerce.number().min(0).max(1).optional(),
  algorithm: z.string().default(DEFAULT_ALGORITHM),
  include_dataset: listParam,
  exclude_dataset: listParam,
  exclude_entity_ids: listParam,
  changed_since: z.string().optional(),
  topics: listParam,
});

/** FtM values are text; yente clients also send numbers. Nothing nested: see queryFromEntity. */
const propertyValue = z.union([z.string(), z.number()]);
const entityQuery = z.object({
  schema: z.string().max(64),
  properties: z
    .record(
      z.string().max(64),
      z.union([propertyValue, z.array(propertyValue).max(MAX_VALUES)], {
        error: "a property's values are strings or numbers, or a list of them; nothing nested",
      }),
    )
    .default({}),
  id: z.string().max(1000).optional(),
});

const matchBody = z.object({
  queries: z
    .record(z.string(), entityQuery)
    .refine((q) => Object.keys(q).length > 0, "give at least one query"),
});

export function registerMatchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    "/match/:dataset",
    {
      schema: {
        summary: "Match entities against the lists (yente-compatible)",
        params: z.object({ dataset: z.string() }),
        querystring: matchQuerystring,
        body: matchBody,
      },
    },
    async (request) => {
      const { dataset } = request.params;
      const params = request.query;
      const names = Object.keys(request.body.queries);
      if (names.length > MAX_QUERIES) {
        throw new InvalidInputError(
          `too many queries: ${names.length}, at most ${MAX_QUERIES} per request`,
        );
      }
      if (
        !ALGORITHMS.some(
          (a) =>
            a.name === params.algorithm ||
            (a.aliases as readonly string[]).includes(params.algorithm),
        )
      ) {
        throw new InvalidInputError(`unknown algorithm '${params.algorithm}' (see /algorithms)`);
      }
      const options = await matchOptions(ctx, callerOf(request).permissions, dataset, params);
      const entries = Object.entries(request.body.queries);
      const queries = entries.map(([key, q]) =>
        queryFromEntity({ schema: q.schema, properties: q.properties }, `queries.${key}`),
      );
      const answers = await ctx.screening.match(
        queries,
        options,
        entries.map(([, q]) => q.id),
        decisionScope(callerOf(request).caller),
      );
      await keepIdentifiedQueries(
        ctx.store,
        decisionScope(callerOf(request).caller),
        entries.map(([, q]) => q),
        answers,
      );
      const seen = await ctx.seenDates();
      const changedSince = params.changed_since;
      const responses: Record<string, unknown> = {};
      entries.forEach(([key, q], i) => {
        let results = answers[i]!.results.map((hit) => toYenteResult(hit, seen));
        if (params.cutoff !== undefined) results = results.filter((r) => r.score >= params.cutoff!);
        if (changedSince) results = results.filter((r) => (r.last_change ?? "") >= changedSince);
        responses[key] = {
          status: 200,
          results,
          total: { value: results.length, relation: "eq" },
          query: { id: q.id ?? null, schema: q.schema, properties: q.properties },
        };
      });
      // Screening queries are themselves sensitive (tipping off): who asked what, and what came back.
      void ctx.auth.audit.record({
        actor: callerOf(request).caller.user,
        action: "match",
        target: dataset,
        detail: Object.fromEntries(
          entries.map(([key, q]) => [
            key,
            { query: q.properties, results: resultsOf(responses[key]) },
          ]),
        ),
      });
      return {
        responses,
        matcher: { name: DEFAULT_ALGORITHM, threshold: options.threshold },
        limit: options.limit,
      };
    },
  );

  typed.get(
    "/search/:dataset",
    {
      schema: {
        summary: "Search listed entities by name",
        params: z.object({ dataset: z.string() }),
        querystring: z.object({
          q: z.string().min(1).max(500),
          schema: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(10),
        }),
      },
    },
    async (request) => {
      const { q, schema, limit } = request.query;
      const options = await matchOptions(
        ctx,
        callerOf(request).permissions,
        request.params.dataset,
        {
          limit,
          threshold: DEFAULT_THRESHOLD,
        },
      );
      const [answer] = await ctx.screening.match(
        [{ schema: "Thing", names: [q], birthDates: [], countries: [], identifiers: [] }],
        { ...options, schema },
        undefined,
        decisionScope(callerOf(request).caller),
      );
      const seen = await ctx.seenDates();
      const results = answer!.results.map((hit) => toYenteResult(hit, seen));
      void ctx.auth.audit.record({
        actor: callerOf(request).caller.user,
        action: "search",
        target: request.params.dataset,
        detail: { q, results: results.map((r) => [r.id, r.score]) },
      });
      return { results, total: { value: results.length, relation: "eq" }, limit };
    },
  );
}

/** What a caller's screening may reach: its readable lists, within the dataset it names. */
export async function matchOptions(
  ctx: AppContext,
  permissions: Permissions,
  dataset: string,
  params: {
    limit: number;
    threshold: number;
    include_dataset?: string | string[];
    exclude_dataset?: string | string[];
    exclude_entity_ids?: string | string[];
  },
): Promise<MatchOptions> {
  // Lists the caller may not read do not exist for it: not in the error, not in the index.
  const known = readableOf(permissions, await ctx.datasets());
  if (dataset !== "default" && !known.includes(dataset)) {
    throw new NotFoundError(`dataset '${dataset}' not found (known: default, ${known.join(", ")})`);
  }
  let include = asList(params.include_dataset);
  if (dataset !== "default") include = include ? include.filter((d) => d === dataset) : [dataset];
  if (!permissions.all) include = (include ?? known).filter((d) => known.includes(d));
  return {
    limit: params.limit,
    threshold: params.threshold,
    includeDatasets: include,
    excludeDatasets: asList(params.exclude_dataset),
    excludeEntityIds: asList(params.exclude_entity_ids),
    ...(permissions.all ? {} : { readableDatasets: known }),
  };
}

/** The audit log keeps each result's id and score, not the whole entity. */
function resultsOf(response: unknown): Array<[string, number]> {
  const { results } = response as { results: Array<{ id: string; score: number }> };
  return results.map((r) => [r.id, r.score]);
}
