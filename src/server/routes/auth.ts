/** Password sign-in for the web app: `POST /auth/login`, `POST /auth/logout`, `GET /auth/me`. */
import { normalizeIP } from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { UnauthenticatedError } from "../../errors.ts";
import { SESSION_COOKIE, SESSION_HOURS } from "../access/authenticator.ts";
import { callerOf } from "../access/guard.ts";
import type { AppContext } from "../app.ts";

/**
 * Sign-in attempts a minute from one address, whatever credentials or headers it sends; the
 * lock-out per username (login-lockout.ts, kept in the store) stops a guesser with many addresses.
 */
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    "/auth/login",
    {
      config: {
        rateLimit: {
          max: LOGIN_ATTEMPTS_PER_MINUTE,
          timeWindow: 60_000,
          keyGenerator: (request) => `login:${normalizeIP(request.ip)}`,
        },
      },
      schema: {
        summary: "Sign in with a password; sets the session cookie",
        body: z.object({
          username: z.string().min(1).max(64),
          password: z.string().min(1).max(1024),
        }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      try {
        const { token, caller, expiresAt } = await ctx.auth.authenticator.login(username, password);
        await ctx.auth.audit.recordNow({
          actor: caller.user,
          action: "login",
          target: null,
          detail: { ip: request.ip },
        });
        void reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          // Strict: the cookie never rides on a request another site starts (no CSRF).
          sameSite: "strict",
          secure: request.protocol === "https",
          path: "/",
          maxAge: SESSION_HOURS * 3600,
        });
        return {
          user: caller.user,
          role: caller.role,
          agency: caller.agency,
          expires_at: expiresAt,
        };
      } catch (error) {
        if (error instanceof UnauthenticatedError)
          await ctx.auth.audit.recordNow({
            actor: username,
            action: "login.failed",
            target: null,
            detail: { ip: request.ip },
          });
        throw error;
      }
    },
  );

  typed.post("/auth/logout", { schema: { summary: "End the session" } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await ctx.auth.authenticator.logout(token);
      if (request.caller)
        await ctx.auth.audit.recordNow({
          actor: request.caller.user,
          action: "logout",
          target: null,
          detail: {},
        });
    }
    void reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true };
  });

  typed.get(
    "/auth/me",
    { schema: { summary: "Who the caller is and what it may read" } },
    async (request) => {
      const { caller, permissions } = callerOf(request);
      return {
        user: caller.user,
        role: caller.role,
        agency: caller.agency,
        via: caller.via,
        auth: ctx.auth.mode,
        collections: permissions.all ? "all" : [...permissions.read].sort(),
      };
    },
  );
}
