import "server-only";

// A request that fails because the database is overloaded — no pooled connection within
// DB_CONNECT_TIMEOUT_MS, a statement cancelled by DB_STATEMENT_TIMEOUT_MS, the server out of
// connections — is not a bug: it must answer 503 with Retry-After, never 500. Next gives a
// page no way to choose its status on a thrown error, so the request marks itself here and the
// HTTP server (scripts/server.mjs, same process) turns the 500 it is about to send into 503
// with the "temporarily unavailable" page. See docs/decisions/012-client-address-and-overload.md.

type RequestState = { unavailable: boolean };
type Store = { getStore(): RequestState | undefined };

const REQUEST_STATE = Symbol.for("varna.request-state");

/** PostgreSQL codes that mean "too busy or gone now", not "wrong". */
const OVERLOAD_CODES = new Set([
  "57014", // query_canceled (statement_timeout)
  "53300", // too_many_connections
  "57P01", // admin_shutdown (the server is stopping)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, in recovery)
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08006", // connection_failure
]);

/** Prisma's own codes for the same: can't reach, timed out, connection closed, pool timeout,
 * an interactive transaction that could not start (or finish) in its time (P2028: it waited
 * behind other transactions on a busy database). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

/** Socket errors of a database that has stopped or is unreachable (TCP or Unix socket). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOENT", "EAI_AGAIN"]);

/**
 * True for a failure that says "the database cannot serve now" — overloaded, stopped,
 * restarting or unreachable — rather than "this request is wrong". Such a request answers 503
 * with Retry-After (and the pool reconnects by itself once the database is back).
 */
export function isOverloadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (OVERLOAD_CODES.has(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  // pg-pool: no connection became free within connectionTimeoutMillis; pg: the client-side
  // query timeout (a database that stopped answering cannot run its own statement_timeout);
  // a connection the server closed under a query.
  return /timeout exceeded when trying to connect|connection timeout|Query read timeout|Connection terminated/i.test(error.message);
}

/**
 * For a transaction's failure: marks the request unavailable when the failure is overload and
 * rethrows it either way. Prisma's "could not start a transaction within maxWait" (P2028) never
 * reaches the pool as an error — the BEGIN is still waiting — so withViewer and asSystem note it
 * here; pool and statement failures are noted by the pool's own watcher (lib/server/db.ts).
 */
export function rethrowNotingOverload(error: unknown): never {
  if (isOverloadError(error)) markUnavailable();
  throw error;
}

/** Marks the current request as failed for lack of capacity (a no-op outside a request). */
export function markUnavailable(): void {
  const store = (globalThis as Record<symbol, Store | undefined>)[REQUEST_STATE]?.getStore();
  if (store) store.unavailable = true;
}

/** Whether the current request has failed for lack of capacity (see markUnavailable). */
export function markedUnavailable(): boolean {
  return (globalThis as Record<symbol, Store | undefined>)[REQUEST_STATE]?.getStore()?.unavailable === true;
}
