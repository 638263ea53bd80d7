/**
 * Batch screening over HTTP, for the web app: `POST /screen` (a CSV or XLSX customer file as the
 * raw body) starts a job; `GET /screen/jobs/{id}` says how far it got; its results come as JSON
 * pages or as the `screen` command's CSV; `POST /screen/jobs/{id}/rescreen` screens the same
 * customers again after a list update and marks what is new.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { callerOf, readerOf } from "../access/guard.ts";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { InvalidInputError, NotFoundError } from "../../errors.ts";
import { DEFAULT_LIMIT, DEFAULT_THRESHOLD } from "../../matching/types.ts";
import { SCREEN_COLUMNS, screenCsvLines } from "../../screening/batch/screen.ts";
import {
  MAX_UPLOAD_BYTES,
  screenUpload,
  uploadRows,
  type UploadRow,
} from "../../screening/batch/screen-upload.ts";
import type { AppContext } from "../app.ts";
import { jobSummary, jobVisibleTo, type Job } from "../jobs.ts";

const SCREEN_JOB = "screen";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface ScreenJobResult {
  rows: UploadRow[];
  /** For a re-screen: the job it repeats. */
  previous: string | null;
}

const matchParams = z.object({
  threshold: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD),
  limit: z.coerce.number().int().min(1).max(50).default(DEFAULT_LIMIT),
});

export function registerScreeningBatchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    ["text/csv", XLSX_TYPE],
    { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  );
  const screenJob = (request: FastifyRequest, id: string): Job<ScreenJobResult> => {
    const job = ctx.jobs.get(id, SCREEN_JOB) as Job<ScreenJobResult>;
    if (!jobVisibleTo(job, callerOf(request).caller))
      throw new NotFoundError(`job '${id}' not found`);
    return job;
  };
  /** A batch screens only against the lists its caller may read. */
  const matchOptionsOf = async (request: FastifyRequest, threshold: number, limit: number) => {
    const readable = readerOf(request);
    return {
      threshold,
      limit,
      ...(readable ? { includeDatasets: (await ctx.datasets()).filter(readable) } : {}),
    };
  };
  const owner = (request: FastifyRequest) => ({ owner: callerOf(request).caller.user });

  typed.post(
    "/screen",
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        summary:
          "Screen a customer file (CSV or XLSX: id,name[,schema,birth_date,country,identifier]) in the background",
        querystring: matchParams.extend({ name: z.string().min(1).max(255) }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new InvalidInputError(`screen: ${request.query.name}: the file is empty`);
      const { name, threshold, limit } = request.query;
      // The readers take files (XLSX needs random access): the upload goes to a private folder.
      const dir = await mkdtemp(path.join(os.tmpdir(), "moneytrail-screen-"));
      // Named as uploaded (made safe), so the readers' messages name the user's file.
      const safeName = path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, "_");
      const file = path.join(dir, /\.(csv|xlsx)$/i.test(safeName) ? safeName : `${safeName}.csv`);
      await writeFile(file, body);
      const options = await matchOptionsOf(request, threshold, limit);
      const job = ctx.jobs.start(
        SCREEN_JOB,
        name,
        "bytes",
        async (report) => {
          try {
            const input = uploadRows(file);
            report(0, body.length);
            const rows = await screenUpload(ctx.store, ctx.screening, input.rows, options, () =>
              report(input.bytesRead()),
            );
            report(body.length);
            return { rows, previous: null } satisfies ScreenJobResult;
          } catch (error) {
            if (error instanceof Error) error.message = error.message.replaceAll(file, safeName);
            throw error;
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        },
        owner(request),
      );
      return reply.status(202).send(jobSummary(job));
    },
  );

  typed.post(
    "/screen/jobs/:id/rescreen",
    {
      schema: {
        summary: "Screen a finished job's customers again (after a list update); marks new hits",
        params: z.object({ id: z.string() }),
        querystring: matchParams,
      },
    },
    async (request, reply) => {
      const before = screenJob(request, request.params.id);
      if (!before.result) throw new InvalidInputError(`job '${before.id}' has not finished`);
      const inputs = before.result.rows.map((row) => row.input);
      const { threshold, limit } = request.query;
      const options = await matchOptionsOf(request, threshold, limit);
      const job = ctx.jobs.start(
        SCREEN_JOB,
        before.subject,
        "rows",
        async (report) => {
          report(0, inputs.length);
          const rows = await screenUpload(ctx.store, ctx.screening, inputs, options, report);
          return { rows, previous: before.id } satisfies ScreenJobResult;
        },
        owner(request),
      );
      return reply.status(202).send(jobSummary(job));
    },
  );

  typed.get(
    "/screen/jobs",
    { schema: { summary: "Batch screening jobs, newest first" } },
    async (request) => {
      const { caller } = callerOf(request);
      const mine = ctx.jobs.list(SCREEN_JOB).filter((job) => jobVisibleTo(job, caller));
      return { jobs: mine.map(jobSummary) };
    },
  );

  typed.get(
    "/screen/jobs/:id",
    {
      schema: {
        summary: "A batch screening job: status, progress, counts",
        params: z.object({ id: z.string() }),
      },
    },
    async (request) => {
      const job = screenJob(request, request.params.id);
      const rows = job.result?.rows ?? [];
      return {
        ...jobSummary(job),
        previous: job.result?.previous ?? null,
        counts: {
          rows: rows.length,
          candidates: rows.reduce((n, row) => n + row.hits.length, 0),
          matches: rows.reduce((n, row) => n + row.hits.filter((h) => h.match).length, 0),
        },
      };
    },
  );

  typed.get(
    "/screen/jobs/:id/results",
    {
      schema: {
        summary: "A finished job's rows with their candidates (and, for a re-screen, what is new)",
        params: z.object({ id: z.string() }),
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          matches_only: z.enum(["true", "false"]).default("false"),
        }),
      },
    },
    async (request) => {
      const job = screenJob(request, request.params.id);
      if (!job.result) throw new InvalidInputError(`job '${job.id}' has not finished`);
      const { offset, limit } = request.query;
      let rows = job.result.rows;
      if (request.query.matches_only === "true")
        rows = rows.filter((row) => row.hits.some((h) => h.match));
      const previous = job.result.previous
        ? previousHits(ctx.jobs.find(job.result.previous))
        : null;
      return {
        total: rows.length,
        rows: rows.slice(offset, offset + limit).map((row) => ({
          input: row.input,
          hits: row.hits.map((hit) => ({
            ...hit,
            change: previous ? changeOf(previous.get(row.input.id), hit) : null,
          })),
        })),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/screen/jobs/:id/results.csv",
    { schema: { summary: "A finished job's results as the `screen` command writes them" } },
    async (request, reply) => {
      const job = screenJob(request, request.params.id);
      if (!job.result) throw new InvalidInputError(`job '${job.id}' has not finished`);
      const lines = job.result.rows.flatMap((row) => screenCsvLines(row.input.id, row.hits));
      const base = path.basename(job.subject).replace(/\.(csv|xlsx)$/i, "");
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${base}-screened.csv"`)
        .send(stringify(lines, { header: true, columns: [...SCREEN_COLUMNS] }));
    },
  );
}

type HitsByInput = Map<string, Map<string, string>>;

function previousHits(job: Job | undefined): HitsByInput | null {
  if (!job) return null;
  const byInput: HitsByInput = new Map();
  for (const row of (job.result as ScreenJobResult | null)?.rows ?? [])
    byInput.set(row.input.id, new Map(row.hits.map((h) => [h.entityId, h.entityHash])));
  return byInput;
}

/** What `rescreen` calls a change: a hit not there before, or on a listing that changed. */
function changeOf(
  before: Map<string, string> | undefined,
  hit: { entityId: string; entityHash: string },
): "new" | "changed" | null {
  const hash = before?.get(hit.entityId);
  if (hash === undefined) return "new";
  return hash === hit.entityHash ? null : "changed";
}
