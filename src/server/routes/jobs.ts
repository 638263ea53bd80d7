/**
 * Long work over HTTP, each a background job that any worker may run: `POST /transactions/import`
 * (a ledger file as the raw body), `POST /transactions/link`, `POST /resolve`, `POST
 * /alerts/detect`; and `GET /jobs`, `GET /jobs/{id}` for every kind. List updates and batch
 * screens start from their own areas' routes (lists.ts, screening-batch.ts).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { InvalidInputError } from "../../errors.ts";
import {
  JOB_KINDS,
  type DetectPayload,
  type ResolvePayload,
  type TxImportPayload,
  type TxLinkPayload,
} from "../../jobs/handlers.ts";
import { jobSummary, type NewJob } from "../../jobs/types.ts";
import { safeFileName } from "../../jobs/uploaded-file.ts";
import { DEFAULT_THRESHOLDS } from "../../resolution/resolve.ts";
import { LEDGER_FORMATS } from "../../transactions/types.ts";
import { TYPOLOGIES } from "../../typologies/types.ts";
import { callerOf } from "../access/guard.ts";
import { claimNewCollection } from "../access/writable.ts";
import type { AppContext } from "../app.ts";

/** Ledger uploads: large AMLSim runs are imported from files with the CLI instead. */
export const MAX_LEDGER_UPLOAD_BYTES = 200 * 1024 * 1024;
const DATASET_NAME = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

export function registerJobRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Raw bodies: application/octet-stream and text/csv have parsers already (documents, screening);
  // a route's own bodyLimit wins over a parser's.
  app.addContentTypeParser(
    ["application/xml", "text/xml"],
    { parseAs: "buffer", bodyLimit: MAX_LEDGER_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  );
  const submit = async (request: FastifyRequest, job: Omit<NewJob, "owner">, exclusive = false) =>
    jobSummary(
      await ctx.jobs.submit({ ...job, owner: callerOf(request).caller.user }, { exclusive }),
    );

  typed.get(
    "/jobs",
    {
      schema: {
        summary: "Background jobs the caller may see (their own; admins see all), newest first",
        querystring: z.object({
          kind: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      const jobs = await ctx.jobs.listFor(callerOf(request).caller, {
        ...(request.query.kind ? { kind: request.query.kind } : {}),
        limit: request.query.limit,
      });
      return { jobs: jobs.map(jobSummary) };
    },
  );

  typed.get(
    "/jobs/:id",
    {
      schema: {
        summary: "A background job's status, progress and (when done) result",
        params: z.object({ id: z.string().max(100) }),
      },
    },
    async (request) => {
      const job = await ctx.jobs.get(request.params.id, callerOf(request).caller);
      // A screen's rows come in pages from /screen/jobs/{id}/results, not all at once here.
      return { ...jobSummary(job), result: job.kind === JOB_KINDS.screen ? null : job.result };
    },
  );

  typed.post(
    "/transactions/import",
    {
      bodyLimit: MAX_LEDGER_UPLOAD_BYTES,
      schema: {
        summary:
          "Import a ledger file (CSV, AMLSim, camt.053, FtM; the raw body) into a dataset, as a job",
        querystring: z.object({
          name: z.string().min(1).max(255),
          dataset: z.string().regex(DATASET_NAME).optional(),
          format: z.enum(LEDGER_FORMATS).optional(),
          currency: z
            .string()
            .regex(/^[A-Za-z]{3}$/)
            .optional(),
          base_date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { name, format, currency } = request.query;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new InvalidInputError(`transactions import: ${name}: the file is empty`);
      const file = safeFileName(name, ".csv");
      const dataset =
        request.query.dataset ??
        file
          .replace(/\.[^.]+$/, "")
          .toLowerCase()
          .replace(/[^a-z0-9_.-]/g, "_");
      if (!DATASET_NAME.test(dataset))
        throw new InvalidInputError(`transactions import: '${dataset}' is not a dataset name`);
      // A new ledger's name is taken for the uploader now (first come, first served); the job
      // records the creation when the import succeeds.
      const isNew = await claimNewCollection(ctx, request, dataset);
      const payload: TxImportPayload = {
        file,
        dataset,
        ...(isNew ? { claimFor: callerOf(request).caller.user } : {}),
        ...(format ? { format } : {}),
        ...(currency ? { currency } : {}),
        ...(request.query.base_date ? { baseDate: request.query.base_date } : {}),
      };
      const job = await submit(request, {
        kind: JOB_KINDS.txImport,
        subject: `${name} → ${dataset}`,
        unit: "bytes",
        payload,
        input: body,
      });
      return reply.status(202).send(job);
    },
  );

  typed.post(
    "/transactions/link",
    {
      schema: {
        summary: "Screen every account holder against the lists and keep the links (a job)",
        body: z
          .object({ threshold: z.number().gt(0).max(1).default(0.8) })
          .default({ threshold: 0.8 }),
      },
    },
    async (request, reply) => {
      const payload: TxLinkPayload = { threshold: request.body.threshold };
      const job = await submit(
        request,
        { kind: JOB_KINDS.txLink, subject: "all accounts", unit: "accounts", payload },
        true,
      );
      return reply.status(202).send(job);
    },
  );

  typed.post(
    "/resolve",
    {
      schema: {
        summary: "Merge the records of one designee across the active lists (a job)",
        body: z
          .object({
            merge_threshold: z.number().min(0).max(1).default(DEFAULT_THRESHOLDS.merge),
            review_threshold: z.number().min(0).max(1).default(DEFAULT_THRESHOLDS.review),
            datasets: z.array(z.string().min(1).max(100)).max(50).optional(),
          })
          .default({
            merge_threshold: DEFAULT_THRESHOLDS.merge,
            review_threshold: DEFAULT_THRESHOLDS.review,
          }),
      },
    },
    async (request, reply) => {
      const { merge_threshold: merge, review_threshold: review, datasets } = request.body;
      if (review > merge)
        throw new InvalidInputError("resolve: review_threshold is above merge_threshold");
      const payload: ResolvePayload = {
        thresholds: { merge, review },
        ...(datasets ? { datasets } : {}),
      };
      const job = await submit(
        request,
        {
          kind: JOB_KINDS.resolve,
          subject: datasets?.join(", ") || "all lists",
          unit: "entities",
          payload,
        },
        true,
      );
      return reply.status(202).send(job);
    },
  );

  typed.post(
    "/alerts/detect",
    {
      schema: {
        summary: "Run the typology detectors over the whole ledger (a job)",
        body: z
          .object({
            typologies: z.array(z.enum(TYPOLOGIES)).max(20).optional(),
            structuring_threshold: z.number().positive().optional(),
          })
          .default({}),
      },
    },
    async (request, reply) => {
      const { typologies, structuring_threshold } = request.body;
      const payload: DetectPayload = {
        ...(typologies ? { typologies } : {}),
        ...(structuring_threshold !== undefined
          ? { structuringThreshold: structuring_threshold }
          : {}),
      };
      const job = await submit(request, {
        kind: JOB_KINDS.detect,
        subject: typologies?.join(", ") || "all typologies",
        unit: "typologies",
        payload,
      });
      return reply.status(202).send(job);
    },
  );
}
