// The one place that reads process.env (ARCHITECTURE.md §8). Everything else imports `env`.
import { z } from "zod";

export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a `DATABASE_URL` points at, from its scheme; null when it is neither. */
export function databaseProviderOf(url: string): DatabaseProvider | null {
  if (url.startsWith("file:") || url === ":memory:") return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return null;
}

/** The database named by a PostgreSQL URL (its path), or null when it names none. */
export function postgresDatabaseName(url: string): string | null {
  try {
    const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
    return name === "" ? null : name;
  } catch {
    return null;
  }
}

const booleanish = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no", ""])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * SQLite file (`file:./data/dossier.db`, the default) or PostgreSQL server
   * (`postgresql://user:password@host:5432/dossier`): the scheme picks the client (docs/postgresql.md).
   */
  DATABASE_URL: z
    .string()
    .min(1)
    .default("file:./data/dossier.db")
    .refine((v) => databaseProviderOf(v) !== null, {
      message: "must be a SQLite URL such as file:./data/dossier.db or a PostgreSQL URL such as postgresql://user:password@localhost:5432/dossier",
    })
    .refine((v) => databaseProviderOf(v) !== "postgresql" || postgresDatabaseName(v) !== null, {
      message: "a PostgreSQL URL must name its database, e.g. postgresql://user:password@localhost:5432/dossier",
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin of the site, used for links, JSON-LD and auth callbacks. */
  PUBLIC_URL: z.url().optional(),
  /** Demo mode creates the documented demo accounts. On by default so `npm start` is a demo. */
  DEMO_MODE: booleanish.default(true),
  /** Secret for signing sessions. Generated and stored in the database when absent. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Folder scanned for dossiers to import into an empty database at start-up. */
  CONTENT_DIR: z.string().min(1).default("content/dossiers"),
  /** YAML/JSON file replacing the default verdict vocabulary (docs/verdicts.md). */
  VERDICTS_FILE: z.string().min(1).optional(),
  /** The newsroom's name: shown on the public site and credited as author of its fact-checks (JSON-LD). */
  PUBLISHER_NAME: z.string().trim().min(1).max(120).default("Dossier"),
  /** Language of the public site for readers whose browser asks for neither French nor English. */
  DEFAULT_LOCALE: z.enum(["fr", "en"]).default("fr"),
  /** Sign-in attempts allowed per client per minute. */
  SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  /** Sign-in attempts allowed on one account per window, from any number of clients. */
  SIGNIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(10),
  SIGNIN_ACCOUNT_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Bearer token that lets a monitor read /api/health's details (anonymous callers get up/down only). */
  HEALTH_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // ── Development tooling only (npm test, db:check, bench) ──
  /** A PostgreSQL server (any database on it) the tests may create their databases on. */
  TEST_POSTGRES_URL: z
    .string()
    .refine((v) => databaseProviderOf(v) === "postgresql", { message: "must be a postgresql:// URL" })
    .optional(),
  /** Port of the throw-away PostgreSQL cluster the tooling starts when TEST_POSTGRES_URL is not set. */
  TEST_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  /** Set by CI: the PostgreSQL layer of the tests is then required, never skipped. */
  CI: z
    .string()
    .optional()
    .transform((v) => v !== undefined && !["", "0", "false", "off", "no"].includes(v.toLowerCase())),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

export const publicUrl = (): string => env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;

/** The adapter wants a plain `file:` URL; relative paths resolve from the working directory. */
export const databaseFileUrl = (): string => env.DATABASE_URL;

/** The configured database's provider (the URL is validated above, so it is one of the two). */
export const databaseProvider = (): DatabaseProvider => databaseProviderOf(env.DATABASE_URL)!;

