/**
 * Following the money over HTTP: `POST /trace`, `GET /exposure`, the typology alerts queue
 * (`GET /alerts`, `GET /alerts/{id}`, `POST /alerts/{id}/review`). An alert review belongs to the
 * reviewer's scope (decisionScope()): callers see and change their own scope's; admins also see
 * every scope's (`reviews`), but their own reviews go to their scope like anyone's.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { callerOf, readerOf, reviewerOf } from "../access/guard.ts";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readsEverything, type Caller } from "../../access/collections.ts";
import { decisionScope } from "../../screening/decisions.ts";
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
import { NotFoundError } from "../../errors.ts";
import { ALERT_STATUSES, type AlertReview } from "../../store/alerts/alert-review-store.ts";
import { accountTransfers } from "../../transactions/account-transfers.ts";
import type { LoadedLedger } from "../../transactions/ledger-cache.ts";
import { AlertCache } from "../../typologies/cache.ts";
import { parseTypologies } from "../../typologies/detect.ts";
import type { Alert } from "../../typologies/types.ts";
import type { AppContext } from "../app.ts";

const listOf = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",").filter(Boolean)));

export function registerTracingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Detection over a large ledger takes seconds: its alerts are kept per ledger view until the
  // ledger changes, whatever typologies and threshold are asked (typologies/cache.ts).
  const alertCache = new AlertCache();

  typed.post(
    "/trace",
    {
      schema: {
        summary:
          "Trace an account's money forward (where it went) or backward (where it came from)",
        body: z.object({
          // Bounded with the work budget of each trace (tracing/budget.ts): past it, a 422.
          account: z.union([
            z.string().min(1).max(200),
            z.array(z.string().min(1).max(200)).min(1).max(100),
          ]),
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
      const { ledger, links, accounts } = await ctx.ledger.get(readerOf(request));
      const result = trace(ledger, Array.isArray(body.account) ? body.account : [body.account], {
        direction: body.direction,
        method: body.method,
        hops: body.hops,
        from: parseTimeBound(body.from, "from", false),
        to: parseTimeBound(body.to, "to", true),
        minAmount: body.min_amount,
        currency: body.currency?.toUpperCase(),
      });
      // Who holds each account reached, and which are tied to a listed party: what a reader
      // of the trace asks next.
      const reached = new Set([
        ...[result.origin].flat(),
        ...result.flows.map((f) => f.account),
        ...result.edges.flatMap((e) => [e.source, e.target]),
      ]);
      // The view's links, each account's best first: the best is the one shown.
      const linkOf = new Map<string, (typeof links)[number]>();
      for (const link of links) if (!linkOf.has(link.accountId)) linkOf.set(link.accountId, link);
      const parties = Object.fromEntries(
        [...reached].map((id) => {
          const link = linkOf.get(id);
          return [
            id,
            {
              name: accounts.get(id)?.ownerName ?? null,
              entity_id: link?.entityId ?? null,
              entity_caption: link?.caption ?? null,
              link_score: link?.score ?? null,
            },
          ];
        }),
      );
      return { ...result, accounts: parties };
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
      const { ledger, links } = await ctx.ledger.get(readerOf(request));
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

  const detectedAlerts = async (
    request: FastifyRequest,
    typologies: string[],
    structuringThreshold: number | undefined,
  ): Promise<{ loaded: LoadedLedger; alerts: Alert[] }> => {
    const wanted = parseTypologies(typologies);
    const loaded = await ctx.ledger.get(readerOf(request));
    return { loaded, alerts: alertCache.alerts(loaded.ledger, wanted, structuringThreshold) };
  };
  /** The caller's scope's reviews by alert id and, for who reads everything, every scope's. */
  const reviewsOf = async (caller: Caller) => {
    const scope = decisionScope(caller);
    const all = readsEverything(caller);
    const rows = await ctx.store.alertReviews.reviews(all ? undefined : scope);
    const own = new Map<string, AlertReview>();
    const every = new Map<string, AlertReview[]>();
    for (const review of rows) {
      if (review.scope === scope) own.set(review.alertId, review);
      if (all) every.set(review.alertId, [...(every.get(review.alertId) ?? []), review]);
    }
    return { own, every: all ? every : undefined };
  };
  type Reviews = Awaited<ReturnType<typeof reviewsOf>>;
  const withReview = (alert: Alert, reviews: Reviews) => {
    const review = reviews.own.get(alert.id);
    return {
      ...alert,
      status: review?.status ?? "open",
      review: review ?? null,
      ...(reviews.every ? { reviews: reviews.every.get(alert.id) ?? [] } : {}),
    };
  };

  typed.get(
    "/alerts",
    {
      schema: {
        summary: "Laundering typologies found in the ledger, with analysts' assignments",
        querystring: z.object({
          typology: listOf,
          structuring_threshold: z.coerce.number().positive().optional(),
          status: z.enum(ALERT_STATUSES).optional(),
          assignee: z.string().max(200).optional(),
        }),
      },
    },
    async (request) => {
      const query = request.query;
      const found = await detectedAlerts(request, query.typology, query.structuring_threshold);
      const reviews = await reviewsOf(callerOf(request).caller);
      const listed = found.alerts
        .map((alert) => withReview(alert, reviews))
        .filter((a) => !query.status || a.status === query.status)
        .filter((a) => !query.assignee || a.review?.assignee === query.assignee);
      return { alerts: listed };
    },
  );

  typed.get(
    "/alerts/:id",
    {
      schema: {
        summary: "One alert with the transfers that make its pattern",
        params: z.object({ id: z.string().min(1).max(100) }),
      },
    },
    async (request) => {
      const { loaded, alerts: all } = await detectedAlerts(request, [], undefined);
      const alert = all.find((a) => a.id === request.params.id);
      if (!alert) throw new NotFoundError(`alert '${request.params.id}' not found in the ledger`);
      const wanted = new Set(alert.transactions);
      const transfers = accountTransfers(loaded.ledger, alert.accounts, Number.MAX_SAFE_INTEGER)
        .transfers.filter((t) => wanted.has(t.id))
        .reverse();
      const names = Object.fromEntries(
        alert.accounts.map((id) => [id, loaded.accounts.get(id)?.ownerName ?? null]),
      );
      const reviews = await reviewsOf(callerOf(request).caller);
      return { ...withReview(alert, reviews), names, transfers };
    },
  );

  typed.post(
    "/alerts/:id/review",
    {
      schema: {
        summary: "Assign, close or reopen an alert",
        params: z.object({ id: z.string().min(1).max(100) }),
        body: z.object({
          status: z.enum(ALERT_STATUSES),
          assignee: z.string().min(1).max(200).nullable().optional(),
          note: z.string().max(5000).nullable().optional(),
          user: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe("who reviews; signed in, it is always the signed-in user"),
        }),
      },
    },
    async (request, reply) => {
      const { alerts: all } = await detectedAlerts(request, [], undefined);
      if (!all.some((a) => a.id === request.params.id))
        throw new NotFoundError(`alert '${request.params.id}' not found in the ledger`);
      const body = request.body;
      const { caller } = callerOf(request);
      const user = reviewerOf(request, body.user);
      // Into the caller's own scope, admins' too: another scope's review is never changed.
      const review = await ctx.store.alertReviews.review({
        alertId: request.params.id,
        scope: decisionScope(caller),
        status: body.status,
        assignee: body.assignee ?? null,
        note: body.note ?? null,
        user,
      });
      await ctx.auth.audit.recordNow({
        actor: caller.user,
        action: "alert.review",
        target: request.params.id,
        detail: { status: body.status, assignee: body.assignee ?? null, scope: review.scope },
      });
      reply.status(201);
      return review;
    },
  );
}
