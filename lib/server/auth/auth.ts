import "server-only";
// Better Auth over our Prisma client: email + password only, no public sign-up (people join by
// an admin's invitation, or as demo accounts), sessions and rate-limit counters in the database.
//
// The signing secret may live in the database (generated on first start when AUTH_SECRET is not
// set), so it is only known asynchronously, while Better Auth wants it at construction. The
// instance is therefore built lazily, once per process, on first use: `await getAuth()`.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { findUnsafeStrings, unsafeCharacterMessage } from "@/lib/domain/text";
import { env, publicUrl, trustedOrigins } from "@/lib/env";
import { db, provider } from "../db";
import { storedAuthSecret } from "../setup/settings";
import { clearAccountSignInAttempts, countAccountSignInAttempt } from "./account-sign-in-limit";

/** Where Better Auth's HTTP handler is mounted (app/api/auth/[...all]/route.ts). */
export const AUTH_BASE_PATH = "/api/auth";
/** The one sign-in endpoint the /login form posts to; its rate limit is SIGNIN_RATE_LIMIT a minute. */
export const SIGN_IN_PATH = `${AUTH_BASE_PATH}/sign-in/email`;
export const SIGN_IN_WINDOW_SECONDS = 60;
export const MIN_PASSWORD_LENGTH = 12;
export const ACCOUNT_DISABLED_MESSAGE = "This account has been deactivated. Ask an administrator to reactivate it.";

function buildAuth(secret: string) {
  return betterAuth({
    appName: "Dossier",
    secret,
    baseURL: publicUrl(),
    trustedOrigins: trustedOrigins(),
    basePath: AUTH_BASE_PATH,
    database: prismaAdapter(db, { provider }),
    emailAndPassword: {
      enabled: true,
      // Users come from invitations (lib/server/users/accept-invitation.ts) or demo mode.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: true, defaultValue: "journalist", input: false },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // No cookie cache: every request reads the session row, so signing out, a role change or a
      // deactivation takes effect on the next request.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      // On in every environment (Better Auth's default is production only): the limit is a
      // security property we test, not a deployment detail.
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: SIGN_IN_WINDOW_SECONDS, max: env.SIGNIN_RATE_LIMIT },
      },
    },
    // Names are how colleagues know who decided (verdicts, notifications, the audit log). A member
    // chooses theirs once, accepting the invitation; Better Auth's own account endpoint would let
    // anyone take a colleague's name at any time (the newsroom has no profile page that needs it).
    disabledPaths: ["/update-user"],
    advanced: {
      cookiePrefix: "dossier",
      // Ids come from the schema's defaults (cuid), like every other table.
      database: { generateId: false },
      // The origin check runs under tests as in production (Better Auth skips it when NODE_ENV is
      // "test"): which origins may sign in is a security property we test.
      disableOriginCheck: false,
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // A NUL or a lone surrogate ("\uD800" in the JSON) cannot be stored or even looked up:
        // the database layer fails on it. Refused first, with the field named (lib/domain/text.ts).
        const [unsafe] = findUnsafeStrings(ctx.body);
        if (unsafe) {
          throw new APIError("BAD_REQUEST", { message: unsafeCharacterMessage(unsafe.path ? `The field “${unsafe.path}”` : "The request", unsafe.kind), code: "INVALID_CHARACTER" });
        }
        if (ctx.path !== "/sign-in/email") return;
        const email: unknown = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== "string") return;
        const attempt = await countAccountSignInAttempt(email);
        if (!attempt.allowed) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many sign-in attempts on this account. Try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minute(s).`,
            code: "ACCOUNT_RATE_LIMITED",
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || !ctx.context.newSession) return;
        await clearAccountSignInAttempts(ctx.context.newSession.user.email);
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // Runs after the password was checked: a deactivated account learns it is deactivated,
          // nobody else learns the account exists.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            if (!user || user.disabledAt) throw new APIError("FORBIDDEN", { message: ACCOUNT_DISABLED_MESSAGE, code: "ACCOUNT_DISABLED" });
          },
        },
      },
    },
    logger: { level: env.NODE_ENV === "test" ? "error" : "warn" },
    // Sets the session cookies when auth.api.* runs inside a server action (sign-out). Must be last.
    plugins: [nextCookies()],
  });
}

export type DossierAuth = ReturnType<typeof buildAuth>;

const globalForAuth = globalThis as unknown as { dossierAuth?: Promise<DossierAuth> };

export function getAuth(): Promise<DossierAuth> {
  globalForAuth.dossierAuth ??= (async () => buildAuth(env.AUTH_SECRET ?? (await storedAuthSecret())))().catch((error: unknown) => {
    // A failed start (e.g. the database is unreachable) must not be cached forever.
    globalForAuth.dossierAuth = undefined;
    throw error;
  });
  return globalForAuth.dossierAuth;
}
