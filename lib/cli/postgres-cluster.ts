// A throw-away PostgreSQL server for the tooling (npm test, db:check, bench, db:copy's test):
// the server given by TEST_POSTGRES_URL, or a cluster of its own, initialised on first use in
// tests/.tmp/postgres-<port> (or the system's temp folder when the `postgres` user cannot reach
// the checkout) and started on TEST_POSTGRES_PORT. PostgreSQL refuses to run as root: as root the
// cluster runs as the `postgres` user (runuser), as Debian's package sets it up.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";

export interface PostgresServer {
  /** A URL of the server's maintenance database (`postgres`): replace the database to use another. */
  url: string;
  /** Where it came from, for messages. */
  origin: "TEST_POSTGRES_URL" | "throw-away cluster";
  /** Stops the cluster if this process started it (a no-op for TEST_POSTGRES_URL). */
  stop(): Promise<void>;
}

const BIN_DIRS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin", "/opt/homebrew/bin", "/usr/local/opt/postgresql/bin"];

/** The folder holding initdb and pg_ctl, or null when PostgreSQL's server binaries are not installed. */
export function findPostgresBinaries(): string | null {
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout?.trim();
  const onPath = found ? [path.dirname(fs.realpathSync(found))] : [];
  for (const dir of [...BIN_DIRS, ...onPath]) {
    if (dir && fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

/** Why the PostgreSQL layer cannot run here, or null when it can. */
export function postgresUnavailableReason(): string | null {
  if (env.TEST_POSTGRES_URL) return null;
  if (!findPostgresBinaries()) return "no PostgreSQL server binaries (initdb, pg_ctl) were found and TEST_POSTGRES_URL is not set";
  if (isRoot() && spawnSync("id", ["-u", "postgres"]).status !== 0) return "running as root, and there is no `postgres` user to run the server as";
  return null;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function run(bin: string, args: string[], asPostgres: boolean) {
  const [cmd, argv] = asPostgres ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return spawnSync(cmd, argv, { encoding: "utf8" });
}

function canUse(dir: string, asPostgres: boolean): boolean {
  if (!asPostgres) return true;
  fs.mkdirSync(dir, { recursive: true });
  return spawnSync("runuser", ["-u", "postgres", "--", "test", "-x", dir]).status === 0;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function waitForServer(url: string, deadline: number): Promise<void> {
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export interface ClusterOptions {
  port?: number;
  /**
   * Tests trade durability for speed (fsync off); the benchmarks keep PostgreSQL's durable
   * defaults, as SQLite keeps its own, so the two are compared like for like.
   */
  durable?: boolean;
}

/** Starts (initialising it the first time) a local cluster; reuses one already running there. */
export async function startCluster(options: ClusterOptions = {}): Promise<PostgresServer> {
  const port = options.port ?? env.TEST_POSTGRES_PORT;
  const bin = findPostgresBinaries();
  if (!bin) throw new Error("PostgreSQL's server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql, or set TEST_POSTGRES_URL.");
  const asPostgres = isRoot();
  const flavour = options.durable ? "durable" : "fast";
  const local = path.resolve("tests", ".tmp", `postgres-${port}-${flavour}`);
  const dataDir = canUse(path.dirname(local), asPostgres) ? local : path.join(os.tmpdir(), `postgres-dossier-${port}-${flavour}`);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (asPostgres) spawnSync("chown", ["postgres", dataDir]);
    const init = run(path.join(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr}${init.stdout}`);
  }
  const status = run(path.join(bin, "pg_ctl"), ["-D", dataDir, "status"], asPostgres);
  if (status.status === 0) {
    // Already running (an earlier run, or another tool of this checkout): use it, leave it running.
    await waitForServer(url, Date.now() + 10_000);
    return { url, origin: "throw-away cluster", stop: async () => {} };
  }
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is taken by another program: set TEST_POSTGRES_PORT to a free port (or TEST_POSTGRES_URL to a server of yours).`);
  }
  const settings = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    // TCP only: no socket or lock file in /tmp to collide with another cluster.
    "-c unix_socket_directories=''",
    "-c max_connections=200",
    ...(options.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ].join(" ");
  const start = run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-o", settings, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"], asPostgres);
  if (start.status !== 0) {
    const log = fs.existsSync(path.join(dataDir, "server.log")) ? fs.readFileSync(path.join(dataDir, "server.log"), "utf8").slice(-2000) : "";
    throw new Error(`Starting PostgreSQL failed:\n${start.stderr}${start.stdout}\n${log}`);
  }
  await waitForServer(url, Date.now() + 30_000);
  return {
    url,
    origin: "throw-away cluster",
    stop: async () => {
      run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"], asPostgres);
    },
  };
}

/** TEST_POSTGRES_URL's server, else a throw-away cluster; null when neither is possible. */
export async function testPostgres(options: ClusterOptions = {}): Promise<PostgresServer | null> {
  if (env.TEST_POSTGRES_URL) return { url: env.TEST_POSTGRES_URL, origin: "TEST_POSTGRES_URL", stop: async () => {} };
  if (postgresUnavailableReason()) return null;
  return startCluster(options);
}

/** The same server's URL for another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drops (ending its sessions) and re-creates an empty database; returns its URL. */
export async function recreateDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, database);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
