/**
 * Users, API keys, collections and the audit log over HTTP. Everyone manages their own keys;
 * admins manage users, every key, collections, grants, and read and verify the audit log.
 * Every change is in the audit log before the answer goes out.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { verifyChain } from "../../access/audit-chain.ts";
import { canRead, canWrite } from "../../access/collections.ts";
import {
  addUser,
  changeUser,
  createApiKey,
  grantCollection,
  MAX_KEY_DAYS,
} from "../../access/manage.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import { callerOf } from "../access/guard.ts";
import type { AppContext } from "../app.ts";

const name = z.string().min(1).max(200);

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
        summary: "The audit log, newest first",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          actor: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
        }),
      },
    },
    async (request) => {
      const { limit, actor, action } = request.query;
      return {
        entries: await access.recentAudit({
          limit,
          ...(actor ? { actor } : {}),
          ...(action ? { action } : {}),
        }),
      };
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
