/**
 * Users, API keys, collections and the audit log over HTTP. Everyone manages their own keys;
 * admins manage users, every key, collections, grants, and read and verify the audit log.
 * Every change is in the audit log before the answer goes out.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { verifyChain, type AuditEntry } from "../../access/audit-chain.ts";
import { jsonByteLength } from "../../access/canonical-json.ts";
import { canRead, canWrite } from "../../access/collections.ts";
import {
  addUser,
  changeUser,
  createApiKey,
  grantCollection,
  MAX_KEY_DAYS,
  type KeyLimits,
} from "../../access/manage.ts";
import type { AccessStore } from "../../store/access/access-store.ts";
import type { Authenticated } from "../access/authenticator.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import { callerOf } from "../access/guard.ts";
import type { AppContext } from "../app.ts";

const name = z.string().min(1).max(200);

/**
 * A key made with an API key stays within that key's role, collections and expiry; a signed-in
 * session (a password was given) may make any key its user's role allows.
 */
async function parentKeyLimits(
  access: AccessStore,
  caller: Authenticated,
): Promise<KeyLimits | undefined> {
  if (caller.via !== "apikey") return undefined;
  const parent = caller.keyId
    ? (await access.listApiKeys(caller.user)).find((k) => k.id === caller.keyId)
    : undefined;
  if (!parent) throw new ForbiddenError("the key making this one is no longer valid");
  return { role: caller.role, collections: parent.collections, expiresAt: parent.expiresAt };
}

/** About how much of the audit log one answer carries (entries written before bounds were kept). */
const AUDIT_PAGE_BYTES = 4 * 1024 * 1024;

/** The first entries that fit in `budget` bytes of JSON, and always at least one. */
function pageByBytes(entries: AuditEntry[], budget: number): AuditEntry[] {
  let used = 0;
  let count = 0;
  for (const entry of entries) {
    used += jsonByteLength(entry);
    if (count > 0 && used > budget) break;
    count++;
  }
  return entries.slice(0, count);
}

export function registerAccessAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const access = ctx.store.access;
  const changed = async (
    actor: string,
    action: string,
    target: string,
    detail: Record<string, unknown>,
  ): Promise<void> => {
    ctx.auth.authenticator.forget();
    ctx.auth.permissions.forget();
    await ctx.auth.audit.recordNow({ actor, action, target, detail });
  };

  typed.get(
    "/keys",
    { schema: { summary: "The caller's API keys (admins: everyone's)" } },
    async (request) => {
      const { caller } = callerOf(request);
      return { keys: await access.listApiKeys(caller.role === "admin" ? undefined : caller.user) };
    },
  );

  typed.post(
    "/keys",
    {
      schema: {
        summary: "Make an API key; the key is in this answer only",
        body: z.object({
          name,
          role: z.string().optional(),
          collections: z.array(name).max(1000).optional(),
          expires_in_days: z.number().int().min(1).max(MAX_KEY_DAYS).optional(),
          /** Admins may make keys for other users. */
          username: z.string().max(64).optional(),
        }),
      },
    },
    async (request, reply) => {
      const { caller } = callerOf(request);
      const body = request.body;
      const username = body.username ?? caller.user;
      if (username !== caller.user && caller.role !== "admin")
        throw new ForbiddenError("only admins make keys for other users");
      const { key, secret } = await createApiKey(access, {
        username,
        name: body.name,
        role: body.role,
        collections: body.collections,
        expiresInDays: body.expires_in_days,
        within: await parentKeyLimits(access, caller),
      });
      await changed(caller.user, "key.create", key.id, {
        username,
        role: key.role,
        name: key.name,
      });
      reply.status(201);
      return { ...key, key: secret };
    },
  );

  typed.delete(
    "/keys/:id",
    { schema: { summary: "Revoke an API key", params: z.object({ id: name }) } },
    async (request) => {
      const { caller } = callerOf(request);
      const keys = await access.listApiKeys(caller.role === "admin" ? undefined : caller.user);
      if (!keys.some((k) => k.id === request.params.id))
        throw new NotFoundError(`no key '${request.params.id}'`);
      await access.revokeApiKey(request.params.id);
      await changed(caller.user, "key.revoke", request.params.id, {});
      return { revoked: request.params.id };
    },
  );

  typed.get(
    "/collections",
    { schema: { summary: "Collections the caller may read, with grants for admins" } },
    async (request) => {
      const { caller, permissions } = callerOf(request);
      const collections = await access.listCollections();
      const grants = caller.role === "admin" ? await access.listGrants() : [];
      return {
        collections: collections
          .filter((c) => canRead(permissions, c.name))
          .map((c) => ({
            ...c,
            writable: canWrite(permissions, c.name),
            grants: grants.filter((g) => g.collection === c.name),
          })),
      };
    },
  );

  typed.put(
    "/collections/:name",
    {
      schema: {
        summary: "Make a collection public or private",
        params: z.object({ name }),
        body: z.object({ public: z.boolean() }),
      },
    },
    async (request) => {
      const { caller } = callerOf(request);
      await access.setCollectionPublic(request.params.name, request.body.public);
      await changed(caller.user, "collection.public", request.params.name, {
        public: request.body.public,
      });
      return { name: request.params.name, public: request.body.public };
    },
  );

  const grantParams = z.object({ name, grantee: z.string().min(1).max(80) });
  typed.put(
    "/collections/:name/grants/:grantee",
    {
      schema: {
        summary: "Grant a user (user:NAME) or agency (agency:NAME) read or write on a collection",
        params: grantParams,
        body: z.object({ access: z.enum(["read", "write"]) }),
      },
    },
    async (request) => {
      const { caller } = callerOf(request);
      const { name: collection, grantee } = request.params;
      await grantCollection(access, collection, grantee, request.body.access);
      await changed(caller.user, "grant", collection, { grantee, access: request.body.access });
      return { collection, grantee, access: request.body.access };
    },
  );

  typed.delete(
    "/collections/:name/grants/:grantee",
    { schema: { summary: "Take a grant away", params: grantParams } },
    async (request) => {
      const { caller } = callerOf(request);
      const { name: collection, grantee } = request.params;
      if (!(await access.revokeGrant(collection, grantee)))
        throw new NotFoundError(`no grant on '${collection}' for '${grantee}'`);
      await changed(caller.user, "grant.revoke", collection, { grantee });
      return { collection, grantee, revoked: true };
    },
  );

  typed.get("/users", { schema: { summary: "Every user" } }, async () => ({
    users: await access.listUsers(),
  }));

  typed.post(
    "/users",
    {
      schema: {
        summary: "Add a user",
        body: z.object({
          username: z.string().min(1).max(64),
          password: z.string().max(1024).optional(),
          role: z.string(),
          agency: z.string().max(64).optional(),
        }),
      },
    },
    async (request, reply) => {
      const { caller } = callerOf(request);
      const user = await addUser(access, request.body);
      await changed(caller.user, "user.create", user.username, {
        role: user.role,
        agency: user.agency,
      });
      reply.status(201);
      return user;
    },
  );

  typed.patch(
    "/users/:username",
    {
      schema: {
        summary: "Change a user's role, agency or password, or disable it",
        params: z.object({ username: z.string().min(1).max(64) }),
        body: z.object({
          role: z.string().optional(),
          agency: z.string().max(64).nullable().optional(),
          disabled: z.boolean().optional(),
          password: z.string().max(1024).optional(),
        }),
      },
    },
    async (request) => {
      const { caller } = callerOf(request);
      const user = await changeUser(access, request.params.username, request.body);
      const { password, ...shown } = request.body;
      await changed(caller.user, "user.change", user.username, {
        ...shown,
        ...(password !== undefined ? { password: "changed" } : {}),
      });
      return user;
    },
  );

  typed.get(
    "/audit",
    {
      schema: {
        summary:
          "The audit log, newest first, a page at a time: at most `limit` entries and about 4 MB; `next_before` asks for the next page",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          actor: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          before: z.coerce.number().int().min(1).optional(),
        }),
      },
    },
    async (request) => {
      const { limit, actor, action, before } = request.query;
      // What this server has recorded so far is in the answer, not 50 ms later.
      await ctx.auth.audit.flush();
      const entries = await access.recentAudit({
        limit,
        ...(actor ? { actor } : {}),
        ...(action ? { action } : {}),
        ...(before !== undefined ? { beforeSeq: before } : {}),
      });
      const page = pageByBytes(entries, AUDIT_PAGE_BYTES);
      const last = page.at(-1);
      const more = page.length < entries.length || entries.length === limit;
      return { entries: page, next_before: more && last ? last.seq : null };
    },
  );

  typed.get(
    "/audit/verify",
    { schema: { summary: "Check the audit log's hash chain" } },
    async () => {
      await ctx.auth.audit.flush();
      const check = await verifyChain(access.iterateAudit());
      return { ok: !check.broken, ...check };
    },
  );
}
