/** Following the money over HTTP: `POST /trace`, `GET /exposure`, `GET /alerts`. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { sanctionedAccounts } from "../../transactions/ledger-cache.ts";
import { parseTimeBound } from "../../transactions/values.ts";
import { computeExposure } from "../../tracing/exposure.ts";
import { trace } from "../../tracing/trace.ts";
import {
  DEFAULT_HOPS,
  DEFAULT_MIN_AMOUNT,
  TRACE_DIRECTIONS,
  TRACE_METHODS,
} from "../../tracing/types.ts";
import { detect, parseTypologies } from "../../typologies/detect.ts";
import type { Alert } from "../../typologies/types.ts";
import type { AppContext } from "../app.ts";

const listOf = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",").filter(Boolean)));

export function registerTracingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Detection over a large ledger takes seconds: its alerts are kept until the ledger changes.
  let alerts: { generation: string; key: string; alerts: Alert[] } | undefined;

  typed.post(
    "/trace",
    {
      schema: {
        summary:
          "Trace an account's money forward (where it went) or backward (where it came from)",
        body: z.object({
          account: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(1000)]),
          direction: z.enum(TRACE_DIRECTIONS).default("forward"),
          method: z.enum(TRACE_METHODS).default("proportional"),
          hops: z.number().int().min(1).max(64).default(DEFAULT_HOPS),
          from: z.string().optional(),
          to: z.string().optional(),
          min_amount: z.number().min(0).default(DEFAULT_MIN_AMOUNT),
          currency: z.string().length(3).optional(),
        }),
      },
    },
    async (request) => {
      const body = request.body;
      const { ledger } = await ctx.ledger.get();
      return trace(ledger, Array.isArray(body.account) ? body.account : [body.account], {
        direction: body.direction,
        method: body.method,
        hops: body.hops,
        from: parseTimeBound(body.from, "from", false),
        to: parseTimeBound(body.to, "to", true),
        minAmount: body.min_amount,
        currency: body.currency?.toUpperCase(),
      });
    },
  );

  typed.get(
    "/exposure",
    {
      schema: {
        summary: "Accounts' exposure to sanctioned parties within k hops",
        querystring: z.object({
          hops: z.coerce.number().int().min(1).max(64).default(3),
          threshold: z.coerce.number().min(0).max(1).default(0.8),
          sanctioned: listOf,
          limit: z.coerce.number().int().min(1).max(100_000).default(1000),
        }),
      },
    },
    async (request) => {
      const { hops, threshold, sanctioned, limit } = request.query;
      const { ledger, links } = await ctx.ledger.get();
      const accounts = sanctionedAccounts(ledger, links, threshold, sanctioned);
      const rows = computeExposure(ledger, accounts, { hops, minAmount: DEFAULT_MIN_AMOUNT });
      return {
        hops,
        sanctioned: [...accounts].map((a) => ledger.accountIds[a]!),
        total: rows.length,
        accounts: rows.slice(0, limit),
      };
    },
  );

  typed.get(
    "/alerts",
    {
      schema: {
        summary: "Laundering typologies found in the ledger",
        querystring: z.object({
          typology: listOf,
          structuring_threshold: z.coerce.number().positive().optional(),
        }),
      },
    },
    async (request) => {
      const wanted = parseTypologies(request.query.typology);
      const { ledger, generation } = await ctx.ledger.get();
      const key = `${[...wanted].sort().join(",")}|${request.query.structuring_threshold ?? ""}`;
      if (alerts?.generation !== generation || alerts.key !== key) {
        const options = request.query.structuring_threshold
          ? { structuringThreshold: request.query.structuring_threshold }
          : {};
        alerts = { generation, key, alerts: detect(ledger, wanted, options) };
      }
      return { alerts: alerts.alerts };
    },
  );
}
