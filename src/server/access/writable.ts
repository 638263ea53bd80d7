/**
 * Writing into a collection: the caller needs write on it; a collection that does not exist yet
 * is made private, with a write grant to the caller who made it (admins then share it).
 */
import type { FastifyRequest } from "fastify";
import { canWrite } from "../../access/collections.ts";
import { ForbiddenError } from "../../errors.ts";
import type { AppContext } from "../app.ts";
import { callerOf } from "./guard.ts";

export async function claimWritable(
  ctx: AppContext,
  request: FastifyRequest,
  collection: string,
): Promise<void> {
  const { caller, permissions } = callerOf(request);
  if (canWrite(permissions, collection)) return;
  const exists = (await ctx.store.access.listCollections()).some((c) => c.name === collection);
  if (exists) throw new ForbiddenError(`no write access to collection '${collection}'`);
  await ctx.store.access.ensureCollection(collection, { public: false });
  await ctx.store.access.grant(collection, `user:${caller.user}`, "write");
  ctx.auth.permissions.forget();
  await ctx.auth.audit.recordNow({
    actor: caller.user,
    action: "collection.create",
    target: collection,
    detail: { grant: "write" },
  });
}
