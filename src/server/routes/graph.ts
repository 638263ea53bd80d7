/**
 * The network over HTTP: `GET /entities/{id}/expand`, `/paths`, `/ownership`. Each walk has a
 * step budget (graph/budget.ts): expand and paths answer what they found with `truncated: true`,
 * ownership answers 422, since a cut report could clear an entity that is blocked.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { readerOf } from "../access/guard.ts";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { REQUEST_MAX_STEPS } from "../../graph/budget.ts";
import type { Network } from "../../graph/network.ts";
import { visibleTo, type Readable } from "../../graph/node-view.ts";
import { ownershipReport } from "../../graph/ownership.ts";
import { expand, pathsToSanctioned, shortestPathWithin } from "../../graph/queries.ts";
import { NotFoundError } from "../../errors.ts";
import type { AppContext } from "../app.ts";

const listOf = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    v === undefined ? undefined : Array.isArray(v) ? v : v.split(",").filter(Boolean),
  );
const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD")
  .optional();
const params = z.object({ id: z.string().min(1).max(200) });
const filters = {
  kind: listOf.describe(
    "edge kinds to walk (Ownership, Directorship, UnknownLink, owner, payment, …)",
  ),
  schema: listOf.describe("entity schemata to enter"),
  as_of: isoDate.describe("only relationships in force on this date"),
};

function filterOf(q: {
  kind?: string[] | undefined;
  schema?: string[] | undefined;
  as_of?: string | undefined;
}) {
  return {
    ...(q.kind ? { kinds: q.kind } : {}),
    ...(q.schema ? { schemata: q.schema } : {}),
    ...(q.as_of ? { asOf: q.as_of } : {}),
  };
}

export function registerGraphRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  /** The entity's node, if the caller may read it, with the caller's collection filter. */
  const located = async (request: FastifyRequest, id: string) => {
    const readable = readerOf(request);
    // The caller's view: only its own ledgers' accounts, holders and payments (graph/views.ts).
    const { network, resolution } = await ctx.graph.get(readable);
    const canonical = visible(network, resolution.canonical(id), id, readable);
    return { network, resolution, canonical, readable: readable ? { readable } : {} };
  };

  typed.get(
    "/entities/:id/expand",
    {
      schema: {
        summary: "The entities and edges within N hops of an entity",
        params,
        querystring: z.object({
          hops: z.coerce.number().int().min(1).max(6).default(2),
          max_nodes: z.coerce.number().int().min(1).max(10_000).default(2000),
          ...filters,
        }),
      },
    },
    async (request) => {
      const { network, canonical, readable } = await located(request, request.params.id);
      const q = request.query;
      return expand(network, canonical, {
        ...filterOf(q),
        ...readable,
        hops: q.hops,
        maxNodes: q.max_nodes,
        maxSteps: REQUEST_MAX_STEPS,
      });
    },
  );

  typed.get(
    "/entities/:id/paths",
    {
      schema: {
        summary: "The shortest path to another entity (`to`), or every path to sanctioned entities",
        params,
        querystring: z.object({
          to: z.string().min(1).max(200).optional(),
          hops: z.coerce.number().int().min(1).max(8).default(4),
          limit: z.coerce.number().int().min(1).max(1000).default(50),
          ...filters,
        }),
      },
    },
    async (request) => {
      const { network, resolution, canonical, readable } = await located(
        request,
        request.params.id,
      );
      const q = request.query;
      if (q.to) {
        // The far end answers as the start does: one on an unreadable list only is not there.
        const to = visible(network, resolution.canonical(q.to), q.to, readable.readable);
        const { path, truncated } = shortestPathWithin(network, canonical, to, {
          ...filterOf(q),
          ...readable,
          maxHops: q.hops,
          maxSteps: REQUEST_MAX_STEPS,
        });
        return { paths: path ? [path] : [], truncated };
      }
      return pathsToSanctioned(network, canonical, {
        ...filterOf(q),
        ...readable,
        maxHops: q.hops,
        limit: q.limit,
        maxSteps: REQUEST_MAX_STEPS,
      });
    },
  );

  typed.get(
    "/entities/:id/ownership",
    {
      schema: {
        summary:
          "Owners, the OFAC 50% rule and EU/UK ownership or control, with the chain that proves it",
        params,
        querystring: z.object({ as_of: isoDate }),
      },
    },
    async (request) => {
      const { network, canonical, readable } = await located(request, request.params.id);
      return ownershipReport(
        network,
        canonical,
        request.query.as_of,
        readable.readable,
        REQUEST_MAX_STEPS,
      );
    },
  );
}

/** A node's canonical id if the caller may start from it (graph/node-view.ts), else not found. */
function visible(network: Network, canonical: string, id: string, readable: Readable): string {
  const node = network.node(canonical);
  if (!node || !visibleTo(node, readable))
    throw new NotFoundError(`no entity '${id}' in the network`);
  return canonical;
}
