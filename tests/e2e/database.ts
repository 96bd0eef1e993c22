// Which database the e2e server runs on: E2E_DATABASE=sqlite (default) or postgresql (npm test
// runs the suite once on each). PostgreSQL uses the run's server (TEST_POSTGRES_URL, set by npm
// test) and a database of its own per port, re-created for every run.
const port = Number(process.env.E2E_PORT ?? 3100);

export const E2E_PROVIDER = process.env.E2E_DATABASE === "postgresql" ? "postgresql" : "sqlite";

function postgresUrl(): string {
  const server = process.env.TEST_POSTGRES_URL || `postgresql://postgres@127.0.0.1:${process.env.TEST_POSTGRES_PORT || 5433}/postgres`;
  return Object.assign(new URL(server), { pathname: `/dossier_e2e_${port}` }).toString();
}

/** The database of the server under test. */
export const E2E_DATABASE_URL = E2E_PROVIDER === "postgresql" ? postgresUrl() : `file:./tests/.tmp/e2e-${port}.db`;

/** The server's HEALTH_TOKEN: /api/health's details for a monitor (tests/e2e/foundation.spec.ts). */
export const E2E_HEALTH_TOKEN = "e2e-health-token-0123456789";
