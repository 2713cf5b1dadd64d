// The second wall for every connection (docs/decisions/023-runtime-role.md): the app's own
// connection (DATABASE_URL, varna_runtime) reads no division-scoped row outside withViewer /
// asSystem, owns nothing, and cannot take the wall down — on the test database (embedded or
// the server, whichever this run uses) and on the embedded database as `npm start` serves it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/scripts/db/engine";
import { startEmbeddedDb } from "@/scripts/lib/embedded-db";
import { seed } from "@/prisma/seed/index";

type Outcome = { ok: true; rows: Record<string, unknown>[] } | { ok: false; error: string };

/** One statement on a fresh connection; a closed connection counts as refused. */
async function run(url: string, sql: string, then?: string): Promise<Outcome & { after?: Record<string, unknown> }> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query(sql);
    // Whatever the statement did, the connection must still be the runtime role.
    const after = (await client.query(then ?? WHO)).rows[0];
    return { ok: true, rows, after };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    await client.end().catch(() => {});
  }
}

const WHO = `SELECT current_user::text AS "current", session_user::text AS "session",
  (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS "super",
  (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS "sessionSuper"`;

async function tables(ownerUrl: string): Promise<{ name: string; rls: boolean; rows: number }[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; rls: boolean }>(
      `SELECT c.relname AS name, c.relrowsecurity AS rls FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
    );
    const out = [];
    for (const t of rows) {
      const [count] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name}"`)).rows;
      out.push({ ...t, rows: count!.n });
    }
    return out;
  } finally {
    await client.end();
  }
}

/** What the runtime connection sees of every table: zero rows or a permission error. */
async function expectNoRows(runtimeUrl: string, ownerUrl: string) {
  const all = await tables(ownerUrl);
  const scoped = all.filter((t) => t.rls);
  // The demo data fills the division tables: a wall that let rows through would show them.
  expect(scoped.filter((t) => t.rows > 0).map((t) => t.name)).toEqual(
    expect.arrayContaining(["SituationEntry", "Division", "User", "FollowUp", "TrainingNeed", "ActionItem", "ContactLogEntry"]),
  );
  expect(scoped.filter((t) => t.rows > 0).length).toBeGreaterThanOrEqual(20);
  const seen: string[] = [];
  for (const t of all) {
    const outcome = await run(runtimeUrl, `SELECT count(*)::int AS n FROM "${t.name}"`);
    if (outcome.ok) {
      if ((outcome.rows[0] as { n: number }).n > 0) seen.push(`${t.name}: ${(outcome.rows[0] as { n: number }).n}`);
    } else {
      expect(outcome.error).toMatch(/permission denied/);
    }
  }
  expect(seen).toEqual([]);
  return all.length;
}

async function expectWallHolds(runtimeUrl: string, ownerUrl: string) {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const ownerName = (await owner.query<{ u: string }>("SELECT current_user::text AS u")).rows[0]!.u;
  await owner.end();

  const who = await run(runtimeUrl, "SELECT 1");
  expect(who).toMatchObject({ ok: true, after: { current: "varna_runtime", session: "varna_runtime", super: false, sessionSuper: false } });
  const role = await run(
    runtimeUrl,
    `SELECT rolsuper, rolbypassrls, rolinherit, rolcanlogin,
            pg_has_role('varna_runtime', 'varna_app', 'MEMBER') AS app, pg_has_role('varna_runtime', 'varna_system', 'MEMBER') AS system,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = 'varna_runtime') AS owned
     FROM pg_roles WHERE rolname = 'varna_runtime'`,
  );
  expect(role).toMatchObject({
    ok: true,
    rows: [{ rolsuper: false, rolbypassrls: false, rolinherit: false, rolcanlogin: true, app: true, system: true, owned: 0 }],
  });

  const refused = [
    `ALTER TABLE "SituationEntry" DISABLE ROW LEVEL SECURITY`,
    `ALTER TABLE "SituationEntry" ADD COLUMN x int`,
    `DROP TABLE "SituationEntry" CASCADE`,
    `TRUNCATE "SituationEntry" CASCADE`,
    `DROP POLICY varna_system_all ON "SituationEntry"`,
    `SET ROLE "${ownerName}"`,
    `SET SESSION AUTHORIZATION "${ownerName}"`,
    `CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
  ];
  for (const sql of refused) {
    const outcome = await run(runtimeUrl, sql);
    expect(outcome.ok, sql).toBe(false);
  }
  // Forms a server accepts harmlessly (the session stays varna_runtime) and the embedded
  // gate refuses: either way the connection never becomes anyone else.
  for (const sql of ["RESET SESSION AUTHORIZATION", "SET SESSION AUTHORIZATION DEFAULT", "RESET ROLE", "DISCARD ALL", "SET ROLE varna_system"]) {
    const outcome = await run(runtimeUrl, sql);
    if (outcome.ok) expect(outcome.after, sql).toMatchObject({ session: "varna_runtime", super: false, sessionSuper: false });
  }
  // Switching into varna_system is the runtime's right, but only inside a transaction is it used;
  // varna_app without a viewer sees nothing (fail closed).
  const asApp = await run(runtimeUrl, "SET ROLE varna_app", `SELECT count(*)::int AS n FROM "SituationEntry"`);
  expect(asApp).toMatchObject({ ok: true, after: { n: 0 } });
}

describe("the runtime connection (this run's test database)", () => {
  beforeAll(async () => {
    await seed(process.env.DATABASE_OWNER_URL!, { demo: true });
  }, 120_000);

  it("is varna_runtime, sees no row of any table outside withViewer / asSystem", async () => {
    expect(process.env.DATABASE_URL).not.toBe(process.env.DATABASE_OWNER_URL);
    expect(await expectNoRows(process.env.DATABASE_URL!, process.env.DATABASE_OWNER_URL!)).toBeGreaterThan(40);
  });

  it("cannot alter, drop, truncate, disable row-level security or become the owner", async () => {
    await expectWallHolds(process.env.DATABASE_URL!, process.env.DATABASE_OWNER_URL!);
  });
});

describe("the embedded database as npm start serves it", () => {
  let dir: string;
  let embedded: Awaited<ReturnType<typeof startEmbeddedDb>>;
  let ownerUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "varna-rt-"));
    embedded = await startEmbeddedDb(dir);
    ownerUrl = embedded.ownerUrl;
    await applyMigrations(ownerUrl);
    await seed(ownerUrl, { demo: true });
    await embedded.lockToRuntime();
  }, 120_000);

  afterAll(async () => {
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves only varna_runtime once locked, whatever user a connection names", async () => {
    for (const url of [embedded.url, ownerUrl]) {
      expect(await run(url, "SELECT 1")).toMatchObject({ ok: true, after: { current: "varna_runtime", session: "varna_runtime", super: false } });
      for (const sql of [
        "RESET SESSION AUTHORIZATION",
        "SET SESSION AUTHORIZATION postgres",
        "set /* x */ session   authorization postgres",
        `SET "session_authorization" = 'postgres'`,
        "DISCARD ALL",
        "SELECT set_config('session_authorization', 'postgres', false)",
        "SELECT set_config('session_' || 'authorization', 'postgres', false)",
        "DO $$ BEGIN EXECUTE 'RESET SESSION ' || 'AUTHORIZATION'; END $$",
        "CREATE FUNCTION pg_temp.f() RETURNS void LANGUAGE sql AS 'SELECT 1'",
        "SET ROLE postgres",
      ]) {
        const outcome = await run(url, sql);
        if (outcome.ok) expect(outcome.after, sql).toMatchObject({ session: "varna_runtime", super: false, sessionSuper: false });
      }
    }
  });

  it("sees no row outside withViewer / asSystem and cannot take the wall down", async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`);
    await client.end();
    expect(rows[0].n).toBeGreaterThan(40);
    for (const table of ["SituationEntry", "User", "Division", "AuditEvent", "EmailOutbox", "UserSession"]) {
      const outcome = await run(embedded.url, `SELECT count(*)::int AS n FROM "${table}"`);
      expect(outcome.ok ? (outcome.rows[0] as { n: number }).n : outcome.error).toSatisfy((v: unknown) => v === 0 || /permission denied/.test(String(v)));
    }
    for (const sql of [`ALTER TABLE "SituationEntry" DISABLE ROW LEVEL SECURITY`, `DROP TABLE "SituationEntry" CASCADE`, `TRUNCATE "SituationEntry" CASCADE`]) {
      expect((await run(embedded.url, sql)).ok, sql).toBe(false);
    }
  });

  // The embedded engine has no autovacuum; its host runs the same work (decision 026).
  it("runs its maintenance as the owner between transactions, never inside one, and hands the session back", async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    await client.query("BEGIN");
    await client.query("SELECT 1");
    let settled = false;
    const round = embedded.maintain().finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled, "maintenance ran inside a connection's open transaction").toBe(false);
    await client.query("COMMIT");
    const result = await round;
    // The seed inserted thousands of rows nobody has vacuumed or analysed.
    console.log(`embedded maintenance after the seed: VACUUM ${result.vacuumed.join(", ")}; ANALYZE ${result.analyzed.join(", ")}; ${result.ms} ms`);
    expect(result.vacuumed.length + result.analyzed.length).toBeGreaterThan(0);
    // The counters were reset: a second round right after has nothing to do.
    expect(await embedded.maintain()).toMatchObject({ vacuumed: [], analyzed: [] });
    // And the connections are the runtime role again, the wall intact.
    const { rows } = await client.query(`SELECT current_user AS current, session_user AS session, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`);
    await client.end();
    expect(rows[0]).toEqual({ current: "varna_runtime", session: "varna_runtime", super: false });
    expect(await run(embedded.url, `SELECT count(*)::int AS n FROM "User"`)).toSatisfy((o: Outcome) => !o.ok || (o.rows[0] as { n: number }).n === 0);
  });
});
