import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/prisma/client";
import { Pool, type PoolClient } from "pg";
import { env } from "@/lib/env";
import { isOverloadError, markUnavailable } from "@/lib/server/unavailable";

export type Db = ReturnType<typeof createPrismaClient>;

type PoolOptions = { max?: number; connectTimeoutMs?: number; statementTimeoutMs?: number };

/**
 * A Prisma client over node-postgres (no native engine). The pool is bounded: a request
 * waits at most `connectTimeoutMs` for a connection, a statement runs at most
 * `statementTimeoutMs`. Password hashes are omitted unless a query asks for them.
 */
export function createPrismaClient(url: string, options: PoolOptions = {}) {
  const config = env();
  const statementTimeout = options.statementTimeoutMs ?? config.DB_STATEMENT_TIMEOUT_MS;
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? config.DB_POOL_MAX,
    connectionTimeoutMillis: options.connectTimeoutMs ?? config.DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    // The server enforces statement_timeout only while it is alive: a database that stopped
    // answering (host down, network cut) would leave a request waiting forever. The client
    // gives up a little later than the server would.
    query_timeout: statementTimeout + 2_000,
    application_name: "varna",
  });
  watchForOverload(pool);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const watched = Symbol("varna.overload-watched");

/**
 * A request that cannot get a connection in time, or whose statement is cancelled by the
 * timeout, marks itself unavailable (lib/server/unavailable.ts): it answers 503, not 500.
 */
function watchForOverload(pool: Pool) {
  type Callback = (error: Error | undefined, client?: PoolClient, done?: (release?: unknown) => void) => void;
  const connect = pool.connect.bind(pool) as (callback?: Callback) => Promise<PoolClient> | void;
  const noted = (error: unknown) => {
    if (isOverloadError(error)) markUnavailable();
    return error;
  };
  const counting = env().VARNA_SQL_COUNTER;
  const watch = (client: PoolClient) => {
    const tagged = client as PoolClient & { [watched]?: true };
    if (tagged[watched]) return client;
    tagged[watched] = true;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      if (counting) countStatement();
      const result = query(...args);
      return result instanceof Promise ? result.catch((e: unknown) => Promise.reject(noted(e))) : result;
    }) as typeof client.query;
    return client;
  };
  // Queries outside a transaction go through pool.query (which uses callbacks inside).
  const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const result = poolQuery(...args);
    return result instanceof Promise ? result.catch((e: unknown) => Promise.reject(noted(e))) : result;
  }) as typeof pool.query;
  // pg-pool calls connect() with a callback itself (pool.query); callers use the promise.
  pool.connect = ((callback?: Callback) => {
    if (callback) {
      return connect((error, client, done) => (error ? callback(noted(error) as Error) : callback(undefined, watch(client!), done)));
    }
    return (connect() as Promise<PoolClient>).then(watch, (e: unknown) => Promise.reject(noted(e)));
  }) as typeof pool.connect;
}

/**
 * Where `npm run bench` reads how many SQL statements the process sent (BEGIN, set_config and
 * COMMIT included): scripts/server.mjs answers it on an internal path when VARNA_SQL_COUNTER
 * is on. Off by default; a plain number on globalThis, per process.
 */
export const SQL_COUNTER = Symbol.for("varna.sql-statements");

function countStatement() {
  const g = globalThis as unknown as Record<symbol, number | undefined>;
  g[SQL_COUNTER] = (g[SQL_COUNTER] ?? 0) + 1;
}

const globalForDb = globalThis as unknown as { varnaDb?: Db };

/** The app's one Prisma client. Only code under lib/server may call this. */
export function db(): Db {
  if (!globalForDb.varnaDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL saknas: starta appen med `npm start`.");
    globalForDb.varnaDb = createPrismaClient(url);
  }
  return globalForDb.varnaDb;
}

/** An interactive transaction: what use cases pass down to helpers. */
export type DbTx = Prisma.TransactionClient;
