/**
 * Documents over HTTP: `POST /documents` (the file as the raw body, its name in the query),
 * `GET /documents/{id}`, `GET /documents/{id}/mentions`, `GET /documents/{id}/relations`,
 * `GET /search/documents`.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { canRead } from "../../access/collections.ts";
import { callerOf } from "../access/guard.ts";
import { withWritable } from "../access/writable.ts";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError } from "../../errors.ts";
import { DEFAULT_COLLECTION, ingestUpload } from "../../documents/ingest.ts";
import { networkExtractOptions, networkSource } from "../../documents/link.ts";
import {
  EVERY_LINK,
  linkSight,
  readableLists,
  visibleMention,
  visibleRelation,
} from "../../documents/visible-links.ts";
import {
  createTesseractOcr,
  DEFAULT_OCR_LANGUAGES,
  parseOcrLanguages,
  type OcrEngine,
} from "../../documents/ocr.ts";
import { ReaderPool } from "../../documents/reader/pool.ts";
import { DEFAULT_LIMITS, MENTION_TYPES, RELATION_KINDS } from "../../documents/types.ts";
import type { AppContext } from "../app.ts";

const UPLOAD_TYPES = [
  "application/octet-stream",
  "application/pdf",
  "message/rfc822",
  "application/zip",
];

export function registerDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    UPLOAD_TYPES,
    { parseAs: "buffer", bodyLimit: DEFAULT_LIMITS.maxFileBytes },
    (_request, body, done) => done(null, body),
  );
  // OCR workers start on the first upload that asks for them and live as long as the server.
  const ocrEngines = new Map<string, OcrEngine>();
  const ocrFor = (spec: string): OcrEngine => {
    const languages = parseOcrLanguages(spec);
    const key = languages.join("+");
    let engine = ocrEngines.get(key);
    if (!engine) ocrEngines.set(key, (engine = createTesseractOcr(languages)));
    return engine;
  };
  // Parsing and extraction of uploads run on reader threads, started on the first upload: a
  // large file held this thread (every request of everyone) for seconds.
  const readers = new ReaderPool();
  app.addHook("onClose", async () => {
    await Promise.all([...ocrEngines.values()].map((engine) => engine.close()));
    await readers.close();
  });

  /** A document the caller may read; one it may not is as absent as one that does not exist. */
  const readableDocument = async (request: FastifyRequest, id: string) => {
    const document = await ctx.store.documents.getDocument(id);
    if (!document || !canRead(callerOf(request).permissions, document.collection))
      throw new NotFoundError(`no document '${id}'`);
    return document;
  };

  /** The lists whose entities the caller may see linked; undefined when it reads every list. */
  const listsOf = async (request: FastifyRequest) =>
    readableLists(callerOf(request).permissions, await ctx.datasets());
  const sightOf = async (request: FastifyRequest) => {
    const lists = await listsOf(request);
    return lists ? linkSight(await ctx.screening.ready(), lists) : EVERY_LINK;
  };

  typed.post(
    "/documents",
    {
      bodyLimit: DEFAULT_LIMITS.maxFileBytes,
      schema: {
        summary: "Upload one file (raw body); archives and e-mails are opened, names extracted",
        querystring: z.object({
          name: z.string().min(1).max(255),
          collection: z.string().min(1).max(100).default(DEFAULT_COLLECTION),
          ocr: z
            .enum(["true", "false"])
            .default("false")
            .describe("read scanned PDF pages and images with OCR"),
          ocr_lang: z
            .string()
            .max(40)
            .default(DEFAULT_OCR_LANGUAGES.join("+"))
            .describe("OCR languages: up to three of eng, kor, chi_sim, jpn joined by +"),
        }),
      },
    },
    async (request, reply) => {
      const body = request.body as Buffer | undefined;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      const report = await withWritable(ctx, request, request.query.collection, async () => {
        const collection = request.query.collection;
        // OCR stays on this thread: tesseract reads on workers of its own.
        if (request.query.ocr === "true") {
          const extract = await networkExtractOptions(ctx.screening, await listsOf(request));
          const ocr = ocrFor(request.query.ocr_lang);
          return ingestUpload(ctx.store, request.query.name, bytes, { collection, extract, ocr });
        }
        const reader = readers.reader(await networkSource(ctx.screening, await listsOf(request)));
        return ingestUpload(ctx.store, request.query.name, bytes, { collection, reader });
      });
      return reply.code(201).send(report);
    },
  );

  typed.get(
    "/documents/:id",
    { schema: { summary: "One document with its text", params: z.object({ id: z.string() }) } },
    async (request) => {
      const document = await readableDocument(request, request.params.id);
      const children = await ctx.store.documents.listDocuments({
        parentId: document.id,
        limit: 1000,
      });
      return { ...document, children };
    },
  );

  typed.get(
    "/documents/:id/mentions",
    {
      schema: {
        summary: "Names, identifiers, amounts and dates found in a document",
        params: z.object({ id: z.string() }),
        querystring: z.object({ type: z.enum(MENTION_TYPES).optional() }),
      },
    },
    async (request) => {
      await readableDocument(request, request.params.id);
      const mentions = await ctx.store.documents.listMentions({
        documentId: request.params.id,
        type: request.query.type,
      });
      const sight = await sightOf(request);
      return { mentions: mentions.map((mention) => visibleMention(mention, sight)) };
    },
  );

  typed.get(
    "/documents/:id/relations",
    {
      schema: {
        summary:
          "What a document says links its names: co-mentions, subsidiaries, owners, reporting lines, payments",
        params: z.object({ id: z.string() }),
        querystring: z.object({ kind: z.enum(RELATION_KINDS).optional() }),
      },
    },
    async (request) => {
      await readableDocument(request, request.params.id);
      const relations = await ctx.store.documents.listRelations({
        documentId: request.params.id,
        kind: request.query.kind,
      });
      const sight = await sightOf(request);
      return { relations: relations.map((relation) => visibleRelation(relation, sight)) };
    },
  );

  typed.get(
    "/search/documents",
    {
      schema: {
        summary: "Full-text search over documents, with highlighted snippets",
        querystring: z.object({
          q: z.string().min(1).max(1000),
          collection: z.string().optional(),
          entity: z.string().optional(),
          type: z.enum(MENTION_TYPES).optional(),
          schema: z.string().optional(),
          from: z.string().optional(),
          to: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(20),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      // An entity the caller may not read finds nothing, as an id no list has does.
      if (q.entity !== undefined && !(await sightOf(request))(q.entity))
        return { query: q.q, hits: [] };
      const hits = await ctx.store.documents.search({
        text: q.q,
        collection: q.collection,
        collections: readableCollections(request),
        entityId: q.entity,
        mentionType: q.type,
        schema: q.schema,
        from: q.from,
        to: q.to,
        limit: q.limit,
      });
      return { query: q.q, hits };
    },
  );
}

/** The collections a search may look in: all (undefined) for those who read everything. */
function readableCollections(request: FastifyRequest): string[] | undefined {
  const { permissions } = callerOf(request);
  return permissions.all ? undefined : [...permissions.read];
}
