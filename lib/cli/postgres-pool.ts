// The node-postgres pool the Prisma CLI migrates PostgreSQL through (prisma.config.ts).
//
// prisma/orm#27403: with @prisma/adapter-pg 6.19.3, `prisma migrate deploy|status` fail with
// "Column type 'name' could not be deserialized from the database". The schema engine's own
// catalogue queries return columns of PostgreSQL's `name` type (OID 19, identifiers such as
// information_schema's table_name), and the adapter's column-type table has no entry for it.
// A `name` is text: this pool reports such columns as `text` (OID 25) before the adapter reads
// them, which is all that is missing. Only the CLI needs it; the app never reads catalogue
// columns (docs/decisions/020).
import pg from "pg";

const TEXT = 25;
/** Catalogue types that are text to anyone reading them: `name` (19) and the one-byte `"char"` (18). */
const TEXT_LIKE = new Set([18, 19]);

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

function asText<R extends QueryResultLike>(result: R): R {
  for (const field of result?.fields ?? []) if (TEXT_LIKE.has(field.dataTypeID)) field.dataTypeID = TEXT;
  return result;
}

type AnyQuery = (...args: unknown[]) => unknown;

/** Wraps one connection's `query` (promise and callback forms, as pg.Pool itself calls it). */
function reportNamesAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as AnyQuery;
  (client as unknown as { query: AnyQuery }).query = (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: QueryResultLike) => (last as (e: unknown, r: unknown) => void)(err, err ? res : asText(res));
      return query(...args);
    }
    const out = query(...args);
    return out instanceof Promise ? out.then((res: QueryResultLike) => asText(res)) : out;
  };
}

export function cliPostgresPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on("connect", reportNamesAsText);
  return pool;
}
