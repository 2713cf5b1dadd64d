// The runtime role's two guards that need no database (docs/decisions/023-runtime-role.md):
// lib/server reaches the database only through withViewer / asSystem, and the embedded gate
// recognises every spelling of a way back to the superuser.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapesRuntimeRole } from "@/scripts/lib/pglite-session-queue";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe("the app's connection is used only through withViewer or asSystem", () => {
  it("no module under lib/server queries db() itself", () => {
    const allowed = new Set(["lib/server/access/with-viewer.ts", "lib/server/access/as-system.ts", "lib/server/db.ts"]);
    const offenders = files("lib/server")
      .filter((f) => !allowed.has(f.split(path.sep).join("/")))
      .filter((f) => /\bdb\(\)\s*\.\s*[$\w]/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("escapesRuntimeRole (the embedded gate's text check)", () => {
  it.each([
    "RESET SESSION AUTHORIZATION",
    "set session authorization postgres",
    "SET /* hidden */ SESSION\n  AUTHORIZATION DEFAULT",
    'SET "session_authorization" = \'postgres\'',
    "reset session_authorization",
    "DISCARD ALL",
    "select set_config('session_' || 'authorization', 'postgres', false)",
    "DO $$ BEGIN EXECUTE 'x'; END $$",
    "do 'begin null; end'",
    'SET U&"\\0073ession_authorization" TO postgres',
  ])("refuses %s", (sql) => {
    expect(escapesRuntimeRole(sql)).toBe(true);
  });

  it.each([
    'SELECT varna_set_viewer($1, $2, $3)',
    "SET LOCAL ROLE varna_app",
    'INSERT INTO "SignInThrottle" ("key") VALUES ($1) ON CONFLICT ("key") DO UPDATE SET failures = 1',
    'INSERT INTO "Notification" ("userId") VALUES ($1) ON CONFLICT DO NOTHING',
    'SELECT "session"."id" FROM "UserSession" AS "session"',
  ])("lets the app's own SQL through: %s", (sql) => {
    expect(escapesRuntimeRole(sql)).toBe(false);
  });
});
