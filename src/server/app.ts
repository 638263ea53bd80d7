/**
 * The HTTP API: yente-compatible screening plus moneytrail's own routes, with an OpenAPI
 * description at /openapi.json. Built in-process for tests (`app.inject`), served by `serve`.
 */
import swagger from "@fastify/swagger";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { checkAuditSwitch, loadConfig, type Config } from "../config.ts";
import { ScreeningService } from "../screening/service.ts";
import { LedgerCache } from "../transactions/ledger-cache.ts";
import type { ListVersion, Store } from "../store/store.ts";
import { registerErrorHandler } from "./errors.ts";
import { registerDecisionRoutes } from "./routes/decisions.ts";
import { registerDocumentRoutes } from "./routes/documents.ts";
import { registerEntityRoutes } from "./routes/entities.ts";
import { registerMatchRoutes } from "./routes/match.ts";
import { registerSystemRoutes } from "./routes/system.ts";
import { registerTracingRoutes } from "./routes/tracing.ts";
import { registerGraphRoutes } from "./routes/graph.ts";
import { GraphService } from "../graph/service.ts";
import type { JobQueue } from "../jobs/queue.ts";
import { inProcessQueue } from "../jobs/start.ts";
import { registerListRoutes } from "./routes/lists.ts";
import { registerJobRoutes } from "./routes/jobs.ts";
import { registerScreeningBatchRoutes } from "./routes/screening-batch.ts";
import rateLimit, { normalizeIP } from "@fastify/rate-limit";
import cookie from "@fastify/cookie";
import { Authenticator } from "./access/authenticator.ts";
import { AuditWriter } from "./access/audit-writer.ts";
import { AuditSpool } from "./access/audit-spool.ts";
import { registerRequestAudit } from "./access/request-audit.ts";
import { registerAccessGuard, type AuthMode, type RouteTable } from "./access/guard.ts";
import { hostName } from "./access/origin.ts";
import { isStoreUnavailable } from "../store/unavailable.ts";
import { SharedRateCounter, sharedRateLimitStore } from "./access/shared-rate-limit.ts";
import { PermissionCache } from "./access/permissions.ts";
import { registerAuthRoutes } from "./routes/auth.ts";
import { registerAccessAdminRoutes } from "./routes/access-admin.ts";

const VERSION_CACHE_MILLIS = 2000;

export interface AppContext {
  store: Store;
  screening: ScreeningService;
  /** The in-memory ledger, rebuilt when the store's ledger changes. */
  ledger: LedgerCache;
  /** The network of entities, rebuilt when lists, judgements, ledger or documents change. */
  graph: GraphService;
  /** Background work started over HTTP (list updates, imports, batch screens, resolution). */
  jobs: JobQueue;
  config: Config;
  /** Who is calling, what each caller may read, and the audit log. */
  auth: {
    mode: AuthMode;
    authenticator: Authenticator;
    permissions: PermissionCache;
    audit: AuditWriter;
  };
  /** Names of datasets with an active version. */
  datasets(): Promise<string[]>;
  /** When entities of these datasets were last seen (their active versions' import time). */
  seenDates(): Promise<(datasets: string[]) => string | null>;
}

export interface AppOptions {
  store: Store;
  screening?: ScreeningService;
  /** Log requests (true), only warnings and errors (`{ level: "warn" }`), or nothing (false). */
  logger?: boolean | { level: "warn" | "error" };
  /** Largest request body in bytes. */
  bodyLimit?: number;
  /** Where list updates download to (or take files from); the environment's when absent. */
  config?: Config;
  /**
   * `required`: every non-public route needs a session or an API key. `open` (the default here,
   * for tests and the embedded single-user store): everyone is the local admin; `serve` refuses
   * it on any address but loopback.
   */
  auth?: AuthMode;
  /** Requests per minute per API key, session or address when authentication is required. */
  rateLimitPerMinute?: number;
  /** Host names answered without sign-in besides localhost, 127.x and [::1] (`serve --host`). */
  allowedHosts?: string[];
  /**
   * Where audit events wait while the database is unreachable, so a restart does not lose them
   * (`serve` gives one under the data folder); in memory only when absent.
   */
  auditSpoolDir?: string;
  /** Where jobs go (the PostgreSQL queue for `serve`); by default they run in this process. */
  jobs?: JobQueue;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with the access it needs (the authorisation test walks it). */
    routeTable: RouteTable;
  }
}

/** dist/web when `npm run build:web` (part of `npm install`) has built the app there. */
function webAppDir(): string | undefined {
  const dir = fileURLToPath(new URL("../../dist/web", import.meta.url));
  return existsSync(path.join(dir, "index.html")) ? dir : undefined;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: {
        title: "moneytrail",
        version: "0.1.0",
        description: "Sanctions screening, lists, money flows and documents",
      },
    },
    transform: jsonSchemaTransform,
  });
  const store = options.store;
  // Every match request needs the active versions; a short cache keeps them off the hot path.
  let cached: { at: number; versions: Promise<ListVersion[]> } | undefined;
  // Through a database outage the versions seen last go on answering (screening from memory).
  let lastVersions: ListVersion[] | undefined;
  const activeVersions = (): Promise<ListVersion[]> => {
    if (!cached || Date.now() - cached.at > VERSION_CACHE_MILLIS) {
      const versions = store.activeVersions().then(
        (found) => (lastVersions = found),
        (error: unknown) => {
          if (lastVersions && isStoreUnavailable(error)) return lastVersions;
          cached = undefined;
          throw error;
        },
      );
      cached = { at: Date.now(), versions };
    }
    return cached.versions;
  };
  const authMode = options.auth ?? "open";
  const config = options.config ?? loadConfig();
  checkAuditSwitch(config, authMode === "required");
  const auth = {
    mode: authMode,
    authenticator: new Authenticator(store.access),
    permissions: new PermissionCache(store.access),
    audit: new AuditWriter(store.access, (error) => app.log.error(error), {
      enabled: config.audit,
      spool: options.auditSpoolDir ? new AuditSpool(options.auditSpoolDir) : undefined,
    }),
  };
  app.addHook("onClose", () => auth.audit.flush());
  const screening = options.screening ?? new ScreeningService(store);
  const logError = (error: unknown) => app.log.error(error);
  let jobs = options.jobs;
  if (!jobs) {
    const local = inProcessQueue(
      { store, screening: () => screening, config, log: (line) => app.log.info(line) },
      logError,
    );
    app.addHook("onClose", () => local.close());
    jobs = local.queue;
  }
  const ctx: AppContext = {
    auth,
    store,
    screening,
    ledger: new LedgerCache(store),
    graph: new GraphService(store),
    jobs,
    config,
    datasets: async () => (await activeVersions()).map((v) => v.dataset),
    seenDates: async () => {
      const versions = await activeVersions();
      const byDataset = new Map(versions.map((v) => [v.dataset, v.importedAt]));
      return (datasets) =>
        datasets
          .map((d) => byDataset.get(d) ?? "")
          .sort()
          .at(-1) || null;
    },
  };
  registerErrorHandler(app);
  const web = webAppDir();
  if (web) {
    // The built web app: its files at fixed paths, so every API route stays the API's.
    await app.register(fastifyStatic, {
      root: web,
      prefix: "/",
      wildcard: false,
      index: ["index.html"],
    });
  }
  await app.register(cookie);
  // PostgreSQL servers behind one load balancer count together; SQLite is one process, whose
  // own count in memory is the whole count.
  const shared =
    store.kind === "postgres"
      ? new SharedRateCounter(store.access.rateCounts, logError)
      : undefined;
  if (shared) app.addHook("onClose", () => shared.close());
  await app.register(rateLimit, {
    // The access guard runs the general limit (it knows what to count a request under); routes
    // with a limit of their own (sign-in) run theirs.
    global: false,
    max: options.rateLimitPerMinute ?? 6000,
    timeWindow: 60_000,
    ...(shared ? { store: sharedRateLimitStore(shared) } : {}),
    // A known-good credential is counted as itself; anything else (none, unknown, junk) against
    // the address, so a new junk header per request gains nothing.
    keyGenerator: (request) => request.rateKey ?? `a:${normalizeIP(request.ip)}`,
  });
  const generalLimit = app.rateLimit();
  app.decorate(
    "routeTable",
    await registerAccessGuard(app, authMode, auth.authenticator, auth.permissions, {
      allowedHosts: new Set(
        [...(options.allowedHosts ?? []), ...config.allowedHosts].map(hostName),
      ),
      rateLimit: (request, reply) => generalLimit.call(app, request, reply),
    }),
  );
  registerRequestAudit(app, auth.audit);
  registerAuthRoutes(app, ctx);
  registerAccessAdminRoutes(app, ctx);
  registerSystemRoutes(app, ctx, { landingPage: !web });
  registerMatchRoutes(app, ctx);
  registerEntityRoutes(app, ctx);
  registerGraphRoutes(app, ctx);
  registerDecisionRoutes(app, ctx);
  registerTracingRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerScreeningBatchRoutes(app, ctx);
  registerListRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}
