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

/** PostgreSQL codes that mean "too busy now", not "wrong". */
const OVERLOAD_CODES = new Set([
  "57014", // query_canceled (statement_timeout)
  "53300", // too_many_connections
  "57P03", // cannot_connect_now
]);

export function isOverloadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && OVERLOAD_CODES.has(code)) return true;
  // pg-pool: no connection became free within connectionTimeoutMillis.
  return /timeout exceeded when trying to connect|connection timeout/i.test(error.message);
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
