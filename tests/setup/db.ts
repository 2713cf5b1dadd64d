// Per test file: a fresh migrated database of its own: DATABASE_OWNER_URL for the test's own
// set-up and checks (tests/setup/owner-db.ts), DATABASE_URL as varna_runtime for the app.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { startMemoryDb } from "@/scripts/lib/embedded-db";
import { adminQuery, uniqueName, withDatabase } from "@/scripts/lib/scratch-database";
import { disconnectOwnerDb } from "./owner-db";

/** The same database as the login role the app runs as (docs/decisions/023-runtime-role.md). */
function asRuntime(url: string) {
  const parsed = new URL(url);
  parsed.username = "varna_runtime";
  parsed.password = "";
  return parsed.toString();
}

// Two workers copying the template at the same moment collide ("being accessed by other
// users"); the copy itself is quick, so a short wait and another try is enough.
async function createFromTemplate(url: string, name: string, template: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } catch (error) {
      if (attempt >= 20 || !String(error).includes("being accessed by other users")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

const database = inject("database");
let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (database.kind === "server") {
    const name = uniqueName("varna_test");
    await createFromTemplate(database.url, name, database.template);
    process.env.DATABASE_OWNER_URL = withDatabase(database.url, name);
    process.env.DATABASE_URL = asRuntime(process.env.DATABASE_OWNER_URL);
    cleanup = () => adminQuery(database.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const embedded = await startMemoryDb(new Blob([readFileSync(database.dump)]));
    process.env.DATABASE_OWNER_URL = embedded.ownerUrl;
    process.env.DATABASE_URL = embedded.url;
    cleanup = embedded.stop;
  }
});

afterAll(async () => {
  const client = (globalThis as { varnaDb?: { $disconnect: () => Promise<void> } }).varnaDb;
  await client?.$disconnect();
  delete (globalThis as { varnaDb?: unknown }).varnaDb;
  await disconnectOwnerDb();
  await cleanup?.();
});
