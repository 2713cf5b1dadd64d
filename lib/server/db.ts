import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/prisma/client";
import { env } from "@/lib/env";

export type Db = ReturnType<typeof createPrismaClient>;

type PoolOptions = { max?: number; connectTimeoutMs?: number; statementTimeoutMs?: number };

/**
 * A Prisma client over node-postgres (no native engine). The pool is bounded: a request
 * waits at most `connectTimeoutMs` for a connection, a statement runs at most
 * `statementTimeoutMs`. Password hashes are omitted unless a query asks for them.
 */
export function createPrismaClient(url: string, options: PoolOptions = {}) {
  const config = env();
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? config.DB_POOL_MAX,
    connectionTimeoutMillis: options.connectTimeoutMs ?? config.DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? config.DB_STATEMENT_TIMEOUT_MS,
    application_name: "varna",
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
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
