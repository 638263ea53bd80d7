/**
 * Writing into a collection: the caller needs write on it; a collection that does not exist yet
 * is made private, with a write grant to the caller who made it (admins then share it).
 */
import type { FastifyRequest } from "fastify";
import { canWrite } from "../../access/collections.ts";
import { ForbiddenError } from "../../errors.ts";
import type { AppContext } from "../app.ts";
import { callerOf } from "./guard.ts";

/**
 * The check now, the new collection later: refuses at once when the caller may not write there,
 * and returns what makes a new collection theirs, to run once the write has succeeded (so a
 * refused upload leaves no empty collection behind).
 */
export async function writableClaim(
  ctx: AppContext,
  request: FastifyRequest,
  collection: string,
): Promise<() => Promise<void>> {
  const user = callerOf(request).caller.user;
  return (await isNewCollection(ctx, request, collection))
    ? () => makeCollection(ctx, user, collection)
    : async () => undefined;
}

/** Refuses unless the caller may write there; true when the collection does not exist yet. */
export async function isNewCollection(
  ctx: AppContext,
  request: FastifyRequest,
  collection: string,
): Promise<boolean> {
  if (canWrite(callerOf(request).permissions, collection)) return false;
  const exists = (await ctx.store.access.listCollections()).some((c) => c.name === collection);
  if (exists) throw new ForbiddenError(`no write access to collection '${collection}'`);
  return true;
}

async function makeCollection(ctx: AppContext, user: string, collection: string): Promise<void> {
  await ctx.store.access.ensureCollection(collection, { public: false });
  await ctx.store.access.grant(collection, `user:${user}`, "write");
  ctx.auth.permissions.forget();
  await ctx.auth.audit.recordNow({
    actor: user,
    action: "collection.create",
    target: collection,
    detail: { grant: "write" },
  });
}
