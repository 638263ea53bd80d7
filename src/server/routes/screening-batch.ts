/**
 * Batch screening over HTTP, for the web app: `POST /screen` (a CSV or XLSX customer file as the
 * raw body) starts a job; `GET /screen/jobs/{id}` says how far it got; its results come as JSON
 * pages or as the `screen` command's CSV; `POST /screen/jobs/{id}/rescreen` screens the same
 * customers again after a list update and marks what is new.
 */
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { callerOf } from "../access/guard.ts";
import { decisionScope } from "../../screening/decisions.ts";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { InvalidInputError } from "../../errors.ts";
import { DEFAULT_LIMIT, DEFAULT_THRESHOLD } from "../../matching/types.ts";
import { spreadsheetSafeCsv } from "../../io/spreadsheet-safe.ts";
import { SCREEN_OUTPUT_COLUMNS, screenCsvLines } from "../../screening/batch/screen.ts";
import { MAX_UPLOAD_BYTES } from "../../screening/batch/screen-upload.ts";
import type { AppContext } from "../app.ts";
import { attachment } from "../content-disposition.ts";
import { matchOptions } from "./match.ts";
import { JOB_KINDS, type ScreenJobResult, type ScreenPayload } from "../../jobs/handlers.ts";
import { jobSummary, type Job } from "../../jobs/types.ts";
import { safeFileName } from "../../jobs/uploaded-file.ts";

const SCREEN_JOB = JOB_KINDS.screen;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
  const screenJob = async (request: FastifyRequest, id: string) =>
    (await ctx.jobs.get(id, callerOf(request).caller, SCREEN_JOB)) as Job<ScreenJobResult>;
  /** A batch screens as /match does: only against the lists its caller may read. */
  const matchOptionsOf = (request: FastifyRequest, threshold: number, limit: number) =>
    matchOptions(ctx, callerOf(request).permissions, "default", { threshold, limit });
  const ownerOf = (request: FastifyRequest) => callerOf(request).caller.user;

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
      const file = safeFileName(name, ".csv");
      const job = await ctx.jobs.submit({
        kind: SCREEN_JOB,
        subject: name,
        unit: "bytes",
        owner: ownerOf(request),
        payload: {
          file: /\.(csv|xlsx)$/i.test(file) ? file : `${file}.csv`,
          options: await matchOptionsOf(request, threshold, limit),
          decisionScope: decisionScope(callerOf(request).caller),
        } satisfies ScreenPayload,
        input: body,
      });
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
      const before = await screenJob(request, request.params.id);
      if (before.status !== "done")
        throw new InvalidInputError(`job '${before.id}' has not finished`);
      const { threshold, limit } = request.query;
      const job = await ctx.jobs.submit({
        kind: SCREEN_JOB,
        subject: before.subject,
        unit: "rows",
        owner: ownerOf(request),
        payload: {
          options: await matchOptionsOf(request, threshold, limit),
          previous: before.id,
          decisionScope: decisionScope(callerOf(request).caller),
        } satisfies ScreenPayload,
      });
      return reply.status(202).send(jobSummary(job));
    },
  );

  typed.get(
    "/screen/jobs",
    { schema: { summary: "Batch screening jobs, newest first" } },
    async (request) => {
      const jobs = await ctx.jobs.listFor(callerOf(request).caller, { kind: SCREEN_JOB });
      return { jobs: jobs.map(jobSummary) };
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
      const job = await screenJob(request, request.params.id);
      const rows = job.result?.rows ?? [];
      return {
        ...jobSummary(job),
        previous: job.result?.previous ?? null,
        counts: {
          rows: rows.length,
          candidates: rows.reduce((n, row) => n + row.hits.length, 0),
          matches: rows.reduce((n, row) => n + row.hits.filter((h) => h.match).length, 0),
          errors: rows.filter((row) => row.error !== undefined).length,
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
      const job = await screenJob(request, request.params.id);
      if (!job.result) throw new InvalidInputError(`job '${job.id}' has not finished`);
      const { offset, limit } = request.query;
      let rows = job.result.rows;
      if (request.query.matches_only === "true")
        rows = rows.filter((row) => row.hits.some((h) => h.match));
      const previous = job.result.previous
        ? previousHits(await ctx.jobs.find(job.result.previous))
        : null;
      return {
        total: rows.length,
        rows: rows.slice(offset, offset + limit).map((row) => ({
          input: row.input,
          error: row.error ?? null,
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
      const job = await screenJob(request, request.params.id);
      if (!job.result) throw new InvalidInputError(`job '${job.id}' has not finished`);
      const lines = job.result.rows.flatMap((row) =>
        screenCsvLines(row.input.id, row.hits, row.error),
      );
      await ctx.auth.audit.recordNow({
        actor: callerOf(request).caller.user,
        action: "export",
        target: job.id,
        detail: { what: "screening results", file: job.subject, lines: lines.length },
      });
      const base = path.basename(job.subject).replace(/\.(csv|xlsx)$/i, "");
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", attachment(`${base}-screened.csv`))
        .send(
          stringify(
            lines,
            spreadsheetSafeCsv({ header: true, columns: [...SCREEN_OUTPUT_COLUMNS] }),
          ),
        );
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
