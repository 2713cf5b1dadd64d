import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/scripts/db/engine";
import { hardenRuntimeRole, RUNTIME_ROLE_SQL, startMemoryDb } from "@/scripts/lib/embedded-db";
import { adminQuery, assertLocalDatabase, uniqueName, withDatabase } from "@/scripts/lib/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    database: { kind: "server"; url: string; template: string } | { kind: "embedded"; dump: string };
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    const template = uniqueName("varna_test_tpl");
    await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
    await applyMigrations(withDatabase(serverUrl, template));
    await ensureRuntimeRole(withDatabase(serverUrl, template));
    project.provide("database", { kind: "server", url: serverUrl, template });
    return async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    };
  }

  const embedded = await startMemoryDb();
  const dir = mkdtempSync(path.join(tmpdir(), "varna-test-"));
  try {
    await applyMigrations(embedded.ownerUrl);
    await hardenRuntimeRole(embedded.db);
    const dump = await embedded.db.dumpDataDir("none");
    const file = path.join(dir, "migrated.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("database", { kind: "embedded", dump: file });
  } finally {
    await embedded.stop();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * The login role the app runs as (cluster-wide, so once per server; other test runs may be
 * creating it at the same moment). Trust authentication on the test server: no password.
 */
async function ensureRuntimeRole(url: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQueryOn(url, RUNTIME_ROLE_SQL);
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function adminQueryOn(url: string, sql: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
