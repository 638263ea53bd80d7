/**
 * Writing into a collection: the caller needs write on it; a collection that does not exist yet
 * is made private, with a write grant to the caller who made it (admins then share it). Official
 * list names are nobody's to take: a document set or ledger under a list's name would make the
 * list private to its maker once imported (issue 22).
 */
import type { FastifyRequest } from "fastify";
import { canRead, canWrite } from "../../access/collections.ts";
import { isOfficialDataset } from "../../lists/update/sources.ts";
import { refuseListName, releaseClaim } from "../../access/collection-claims.ts";
import { ConflictError, ForbiddenError } from "../../errors.ts";
import type { AppContext } from "../app.ts";
import { callerOf } from "./guard.ts";

/** A collection made for a write: `commit` once the write succeeded, `release` if it failed. */
interface Claim {
  created: boolean;
  commit(): Promise<void>;
  release(): Promise<void>;
}

const NOTHING_NEW: Claim = {
  created: false,
  commit: async () => undefined,
  release: async () => undefined,
};

/**
 * Runs `write` into `collection` for the caller: refuses at once when it may not write there,
 * and when the collection is new, makes it the caller's for the write, and removes it again if
 * the write fails (a refused upload leaves no empty collection behind).
 */
export async function withWritable<T>(
  ctx: AppContext,
  request: FastifyRequest,
  collection: string,
  write: () => Promise<T>,
): Promise<T> {
  const claim = await claimWritable(ctx, request, collection);
  let result: T;
  try {
    result = await write();
  } catch (error) {
    await claim.release();
    throw error;
  }
  await claim.commit();
  return result;
}

/**
 * Refuses unless the caller may write there; a collection that does not exist is created now,
 * private, granted to the caller (true). Use where the write happens later, elsewhere (a job).
 */
export async function claimNewCollection(
  ctx: AppContext,
  request: FastifyRequest,
  collection: string,
): Promise<boolean> {
  return (await claimWritable(ctx, request, collection)).created;
}

/** The one answer for a name that is taken by something the caller may not read. */
function unavailable(collection: string): ConflictError {
  return new ConflictError(`collection '${collection}' is taken; choose another name`);
}

async function claimWritable(
  ctx: AppContext,
  request: FastifyRequest,
  collection: string,
): Promise<Claim> {
  const { caller, permissions } = callerOf(request);
  // What the caller may not read is not described: an unreadable list, ledger or document set
  // all get the same answer, so uploads are no way to learn what another agency keeps.
  const readable = canRead(permissions, collection) || isOfficialDataset(collection);
  await refuseListName(ctx.store, collection).catch((error: unknown) => {
    // Only the refusal is reworded; a store failure stays what it is (503).
    throw !readable && error instanceof ConflictError ? unavailable(collection) : error;
  });
  if (canWrite(permissions, collection)) return NOTHING_NEW;
  const exists = (await ctx.store.access.listCollections()).some((c) => c.name === collection);
  if (exists)
    throw readable
      ? new ForbiddenError(`no write access to collection '${collection}'`)
      : unavailable(collection);
  // The creation itself decides who made it: two callers (on two servers) racing for one new
  // name were both told above that it does not exist; only one insert makes it.
  if (!(await ctx.store.access.createCollection(collection, { public: false })))
    throw unavailable(collection);
  await ctx.store.access.grant(collection, `user:${caller.user}`, "write");
  ctx.auth.permissions.forget();
  return {
    created: true,
    commit: () =>
      ctx.auth.audit.recordNow({
        actor: caller.user,
        action: "collection.create",
        target: collection,
        detail: { grant: "write" },
      }),
    release: async () => {
      if (await releaseClaim(ctx.store, collection)) ctx.auth.permissions.forget();
    },
  };
}
