/**
 * Entities over HTTP: `GET /entities/{id}` (resolved, with referents), its listing timeline, the
 * documents that mention it and the transactions of the accounts tied to it.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { canRead } from "../../access/collections.ts";
import { callerOf, readerOf } from "../access/guard.ts";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { caption } from "../../model/entity.ts";
import { listingTimeline } from "../../lists/timeline.ts";
import { accountTransfers } from "../../transactions/account-transfers.ts";
import type { AppContext } from "../app.ts";
import { getResolvedEntity, type ResolvedEntity } from "../../resolution/entities.ts";

const entityParams = z.object({ id: z.string().min(1).max(200) });

export function registerEntityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // The entity as the caller may see it: its referents are only the members on lists the caller
  // reads, so every route below walks those alone (an id only an unreadable member has is 404).
  const readableEntity = (request: FastifyRequest, id: string) =>
    getResolvedEntity(ctx.store, id, readerOf(request));
  const idsOf = (entity: ResolvedEntity) => new Set([entity.id, ...entity.referents]);
  typed.get(
    "/entities/:id",
    {
      schema: {
        summary:
          "One entity, merged over every record resolved into it, with its sources and referents",
        params: entityParams,
      },
    },
    async (request) => {
      const entity = await readableEntity(request, request.params.id);
      return {
        ...entity,
        caption: caption(entity),
        target: entity.properties.topics?.includes("sanction") ?? false,
      };
    },
  );

  typed.get(
    "/entities/:id/timeline",
    {
      schema: {
        summary: "When each list behind the entity listed it, changed its record, or delisted it",
        params: entityParams,
      },
    },
    async (request) => {
      const entity = await readableEntity(request, request.params.id);
      const versions = await ctx.store.listVersions();
      const events = [];
      for (const { dataset, sourceId } of entity.provenance) {
        const hashes = await ctx.store.recordHistory(dataset, sourceId);
        events.push(...listingTimeline(dataset, sourceId, versions, hashes));
      }
      events.sort((a, b) => a.date.localeCompare(b.date) || a.dataset.localeCompare(b.dataset));
      return { id: entity.id, events };
    },
  );

  typed.get(
    "/entities/:id/transactions",
    {
      schema: {
        summary: "Transfers of the ledger accounts tied to the entity (`tx link`), newest first",
        params: entityParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(5000).default(100) }),
      },
    },
    async (request) => {
      const entity = await readableEntity(request, request.params.id);
      const { ledger, links, accounts } = await ctx.ledger.get(readerOf(request));
      const ids = idsOf(entity);
      const linked = links.filter((link) => ids.has(link.entityId));
      const found = accountTransfers(
        ledger,
        linked.map((link) => link.accountId),
        request.query.limit,
      );
      const names = (id: string): string | undefined => accounts.get(id)?.ownerName;
      return {
        accounts: linked.map((link) => ({
          id: link.accountId,
          name: names(link.accountId),
          score: link.score,
        })),
        total: found.total,
        transfers: found.transfers.map((t) => ({
          ...t,
          source_name: names(t.source),
          target_name: names(t.target),
        })),
      };
    },
  );

  typed.get(
    "/entities/:id/documents",
    {
      schema: {
        summary: "Documents that mention the entity (mentions linked to it), most mentions first",
        params: entityParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
      },
    },
    async (request) => {
      const entity = await readableEntity(request, request.params.id);
      const byDocument = new Map<string, Set<string>>();
      for (const id of idsOf(entity)) {
        for (const mention of await ctx.store.documents.listMentions({ entityId: id })) {
          const texts = byDocument.get(mention.documentId) ?? new Set<string>();
          texts.add(mention.text);
          byDocument.set(mention.documentId, texts);
        }
      }
      const ranked = [...byDocument].sort((a, b) => b[1].size - a[1].size);
      // Documents in collections the caller may not read are neither shown nor counted.
      const { permissions } = callerOf(request);
      const documents = [];
      let total = 0;
      for (const [documentId, texts] of ranked) {
        const document = await ctx.store.documents.getDocument(documentId);
        if (!document || !canRead(permissions, document.collection)) continue;
        total++;
        if (documents.length >= request.query.limit) continue;
        const described: Partial<typeof document> = { ...document };
        delete described.text;
        documents.push({ ...described, mentions: [...texts] });
      }
      return { total, documents };
    },
  );
}
