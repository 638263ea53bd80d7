/**
 * The one place errors become HTTP answers: named errors give their status and message as
 * `{"detail": …}` (yente's shape); request validation failures are 400; an unreachable database
 * is a 503 with Retry-After; anything else is a 500 that is logged and told to the client
 * without internals.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { BusyError, MoneytrailError } from "../errors.ts";
import { isStoreUnavailable } from "../store/unavailable.ts";

/** Seconds a client is asked to wait when the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof MoneytrailError) {
      if (error instanceof BusyError) reply.header("retry-after", String(error.retryAfter));
      else if (error.status >= 500) request.log.error(error);
      return reply.status(error.status).send({ detail: error.message });
    }
    const fastifyError = error as FastifyError & { validation?: unknown };
    if (fastifyError.validation || (fastifyError.statusCode && fastifyError.statusCode < 500)) {
      return reply.status(fastifyError.statusCode ?? 400).send({ detail: fastifyError.message });
    }
    if (isStoreUnavailable(error)) {
      request.log.warn({ err: error }, "store unavailable");
      return reply
        .status(503)
        .header("retry-after", String(RETRY_AFTER_SECONDS))
        .send({ detail: "the database is unavailable just now; try again shortly" });
    }
    request.log.error(error);
    return reply.status(500).send({ detail: "internal server error" });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ detail: `no route ${request.method} ${request.url}` }),
  );
}
