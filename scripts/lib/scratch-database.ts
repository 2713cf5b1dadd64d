// Throwaway databases on a local PostgreSQL server, for the integration tests (each test file
// gets its own database, copied from a migrated template) and the database benchmark. It
// refuses any server that is not on this machine.
import { randomBytes } from "node:crypto";
import pg from "pg";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Refuses any database that is not on this machine: tests create and drop databases. */
export function assertLocalDatabase(url: string): URL {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Testerna vägrar köra mot en databas som inte är lokal: ${parsed.hostname}`);
  }
  return parsed;
}

export function uniqueName(prefix: string) {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
