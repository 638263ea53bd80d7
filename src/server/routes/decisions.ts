/**
 * Reviewers' decisions on screening hits: `POST /decisions`, `GET /decisions`. A decision belongs
 * to its reviewer's agency (decisionScope()); callers list their own scope's, admins all.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readsEverything } from "../../access/collections.ts";
import { decisionScope } from "../../screening/decisions.ts";
import { recordDecision } from "../../screening/record-decision.ts";
import { DECISIONS } from "../../store/store.ts";
import type { AppContext } from "../app.ts";
import { callerOf, readerOf, reviewerOf } from "../access/guard.ts";
import { getResolvedEntity } from "../../resolution/entities.ts";

export function registerDecisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    "/decisions",
    {
      schema: {
        summary: "Record a reviewer's decision on a hit",
        body: z.object({
          entity_id: z.string().min(1),
          decision: z.enum(DECISIONS),
          reviewer: z.string().min(1).max(200),
          comment: z.string().max(5000).optional(),
          query_id: z.string().min(1).max(500).optional(),
          query: z
            .object({ schema: z.string(), properties: z.record(z.string(), z.unknown()) })
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { caller } = callerOf(request);
      // A hit on a list the caller may not read does not exist for them.
      const readable = readerOf(request);
      if (readable) await getResolvedEntity(ctx.store, body.entity_id, readable);
      const reviewer = reviewerOf(request, body.reviewer);
      const decision = await recordDecision(ctx.store, ctx.screening, {
        entityId: body.entity_id,
        decision: body.decision,
        reviewer,
        comment: body.comment,
        scope: decisionScope(caller),
        recordId: body.query_id,
        query: body.query,
      });
      await ctx.auth.audit.recordNow({
        actor: caller.user,
        action: "decision",
        target: body.entity_id,
        detail: { decision: body.decision, comment: body.comment ?? null, reviewer },
      });
      reply.status(201);
      return decision;
    },
  );
  typed.get(
    "/decisions",
    {
      schema: {
        summary: "Recent decisions",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(10000).default(100) }),
      },
    },
    async (request) => {
      const { caller } = callerOf(request);
      const decisions = await ctx.store.listDecisions(
        request.query.limit,
        readsEverything(caller) ? undefined : decisionScope(caller),
      );
      const readable = readerOf(request);
      if (!readable) return { decisions };
      // Decisions on hits from lists the caller may not read would reveal those listings.
      const index = await ctx.screening.ready();
      return {
        decisions: decisions.filter((d) => index.get(d.entityId)?.datasets.some(readable)),
      };
    },
  );
}
