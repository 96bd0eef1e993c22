// The one place that reads process.env (docs/decisions/001). Everything else imports `env`.
import { z } from "zod";
import { parseTrustedProxies } from "./http/client-address";

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
  /** The newsroom's own website, credited with its fact-checks (ClaimReview, feeds). Absent: the public site's home page. */
  PUBLISHER_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).optional(),
  /** The newsroom's logo (an image URL) for ClaimReview and the feeds. Absent: the site's own /logo.svg. */
  PUBLISHER_LOGO_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).optional(),
  /** Language of the public site for readers whose browser asks for neither French nor English. */
  DEFAULT_LOCALE: z.enum(["fr", "en"]).default("fr"),
  /** Sign-in attempts allowed per client per minute. */
  SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  /** Sign-in attempts allowed on one account per window, from any number of clients. */
  SIGNIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(10),
  SIGNIN_ACCOUNT_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Requests one API token may make per minute to /api/v1, counted in the database (docs/api.md). */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(120),

  // ── Stored files: captures and uploaded documents (docs/storage.md) ──
  /** Folder for stored files when no S3 bucket is configured. */
  STORAGE_DIR: z.string().min(1).default("data/storage"),
  /** An S3 (or S3-compatible) bucket: when set, files go there instead of STORAGE_DIR. */
  STORAGE_S3_BUCKET: z.string().trim().min(1).optional(),
  STORAGE_S3_REGION: z.string().trim().min(1).default("us-east-1"),
  /** Endpoint of an S3-compatible service (MinIO, Garage, Scaleway…); AWS itself when absent. */
  STORAGE_S3_ENDPOINT: z.url().optional(),
  /** Keys; when absent the AWS SDK's usual chain applies (environment, profile, instance role). */
  STORAGE_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  STORAGE_S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  /** Path-style addresses (bucket in the path), which most S3-compatible services need. */
  STORAGE_S3_FORCE_PATH_STYLE: booleanish.optional(),
  /** A key prefix inside the bucket, e.g. "dossier/". */
  STORAGE_S3_PREFIX: z.string().default(""),

  // ── Capturing web sources ──
  /** Capture a source's web address as soon as the source is created in the newsroom. */
  CAPTURE_ON_CREATE: booleanish.default(false),
  /** Whole capture deadline (fetching, following redirects, rendering). */
  CAPTURE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  /** Largest page (or PDF) a capture accepts, in megabytes. */
  CAPTURE_MAX_MB: z.coerce.number().min(0.001).max(1024).default(25),
  /** What the browser adds to a capture: a screenshot, a PDF, or nothing. */
  CAPTURE_RENDER: z.enum(["screenshot", "pdf", "off"]).default("screenshot"),
  /** Chromium for screenshots; found automatically (/usr/bin/chromium) when absent; "off" never uses one. */
  CAPTURE_BROWSER: z.string().trim().min(1).optional(),
  /**
   * Hosts that captures may reach although they are internal addresses (localhost, private
   * networks): comma-separated host names or IPs, "*" for any. Empty: only public addresses.
   */
  CAPTURE_ALLOW_PRIVATE_HOSTS: z.string().default(""),

  // ── Webhooks ──
  /**
   * Hosts that webhook deliveries may reach although they are internal addresses (a receiver on
   * this machine or the office network): comma-separated host names or IPs, "*" for any. Empty:
   * only public addresses (docs/decisions/051 and 074).
   */
  WEBHOOK_ALLOW_PRIVATE_HOSTS: z.string().default(""),

  // ── Uploaded documents ──
  /** Largest uploaded document, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().min(0.001).max(1024).default(25),

  // ── Proof and third-party archives ──
  /** An RFC 3161 timestamp authority: each capture's SHA-256 is timestamped by it. */
  TIMESTAMP_AUTHORITY_URL: z.url().optional(),
  /** Submit public sources' addresses to the Internet Archive's Save Page Now (off by default). */
  INTERNET_ARCHIVE_SAVE: booleanish.default(false),
  INTERNET_ARCHIVE_ACCESS_KEY: z.string().trim().min(1).optional(),
  INTERNET_ARCHIVE_SECRET_KEY: z.string().trim().min(1).optional(),
  /** Save Page Now's address (a test points it at a fake). */
  INTERNET_ARCHIVE_ENDPOINT: z.url().default("https://web.archive.org"),
  /**
   * Addresses of reverse proxies whose X-Forwarded-For is believed (the sign-in limit counts per
   * client): comma-separated IPs or CIDR ranges, `loopback` (the default: a proxy on this machine)
   * or `none`. Any other peer's X-Forwarded-For is replaced by its own address.
   */
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default("loopback")
    .refine(
      (v) => {
        try {
          parseTrustedProxies(v);
          return true;
        } catch {
          return false;
        }
      },
      { message: "must be `loopback`, `none`, or comma-separated IP addresses and CIDR ranges" },
    ),
  /** Redis shared by every instance for the page and data cache (docs/deployment.md). Unset: one process, cache in .next. */
  REDIS_URL: z
    .url()
    .refine((v) => /^rediss?:\/\//.test(v), { message: "must be a redis:// or rediss:// URL" })
    .optional(),
  /** `none`: cache nothing, render every request (only for a private server, e.g. `npm run static`'s). */
  PAGE_CACHE: z.enum(["default", "none"]).default("default"),
  /** Prefix of every key Dossier writes in that Redis (several installations may share one server). */
  REDIS_KEY_PREFIX: z.string().trim().regex(/^[A-Za-z0-9:_-]{1,64}$/, "letters, digits, : _ - (at most 64)").default("dossier"),
  /** How long a shared cache (CDN, nginx) may keep a reader page or public JSON, in seconds (s-maxage). */
  READER_CACHE_SECONDS: z.coerce.number().int().min(0).max(31_536_000).default(300),
  /** How long past that a shared cache may serve it while it fetches a fresh copy (stale-while-revalidate). */
  READER_STALE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  /** Receives, after every change readers can see, the URLs and cache tags to purge (POST, JSON; docs/deployment.md). */
  PURGE_URL: z.url().optional(),
  /** Sent to PURGE_URL as `Authorization: Bearer <token>`. */
  PURGE_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Folder the static edition of every published dossier is written to, on every change (docs/static-edition.md). */
  STATIC_DIR: z.string().min(1).optional(),
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

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

export const publicUrl = (): string => env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;

/**
 * Without PUBLIC_URL the site answers on this machine under every loopback name: a browser opened
 * at http://127.0.0.1:3000 (or [::1]) signs in as one opened at localhost does. With PUBLIC_URL,
 * only that origin.
 */
export const trustedOrigins = (): string[] =>
  env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : ["localhost", "127.0.0.1", "[::1]"].map((host) => `http://${host}:${env.PORT}`);

/** The adapter wants a plain `file:` URL; relative paths resolve from the working directory. */
export const databaseFileUrl = (): string => env.DATABASE_URL;

/** The configured database's provider (the URL is validated above, so it is one of the two). */
export const databaseProvider = (): DatabaseProvider => databaseProviderOf(env.DATABASE_URL)!;

