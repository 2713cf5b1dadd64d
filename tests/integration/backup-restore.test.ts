// `npm run db:backup` and `npm run db:restore` as an operator runs them: the whole database is
// filled with records of every kind and audit events, backed up, restored elsewhere, and every
// table's row count and the audit chain are compared. On the PostgreSQL server (DATABASE_URL)
// this is pg_dump/pg_restore; on the embedded default it is PGlite's own dump of a data folder.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/audit/record";
import { startEmbeddedDb, type EmbeddedDb } from "@/scripts/lib/embedded-db";
import { adminQuery, uniqueName, withDatabase } from "@/scripts/lib/scratch-database";
import { auditVerifyCli } from "@/tests/setup/audit-cli";
import { createDivision, createSituationEntry, createStaffCategory, createTrainingNeed, createUser, createActionItem, createMeasure } from "@/prisma/factories";

const database = inject("database");
const work = mkdtempSync(path.join(tmpdir(), "varna-backup-"));
const cleanups: (() => Promise<unknown> | unknown)[] = [];

function cli(command: "backup" | "restore", args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    // The owner is whatever DATABASE_URL names here (DATABASE_OWNER_URL defaults to it).
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_OWNER_URL: undefined, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    execFile(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/db/backup-cli.ts", command, ...args],
      { env: childEnv, timeout: 240_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every table's row count, read as the owner (row-level security does not hide rows from it). */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows;
    const counts: Record<string, number> = {};
    for (const { t } of tables) counts[t] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
    return counts;
  } finally {
    await client.end();
  }
}

/** Records of several kinds, with audit events chained by the database's trigger. */
async function fill(url: string) {
  const prisma = createPrismaClient(url);
  try {
    const division = await createDivision(prisma);
    const head = await createUser(prisma, { role: "DIVISION_HEAD", divisionIds: [division.id] });
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    for (let i = 0; i < 3; i++) await createSituationEntry(prisma, { divisionId: division.id, createdById: head.id });
    const category = await createStaffCategory(prisma);
    await createTrainingNeed(prisma, { divisionId: division.id, staffCategoryId: category.id, createdById: head.id });
    await createMeasure(prisma, { ownerDivisionId: division.id });
    await createActionItem(prisma, { ownerId: head.id, divisionId: division.id });
    for (let i = 0; i < 5; i++) {
      await prisma.$transaction((tx) =>
        recordAudit(tx, { id: coordinator.id, role: "COORDINATOR" }, { action: `backup.test.${i}`, entityType: "Test" }),
      );
    }
  } finally {
    await prisma.$disconnect();
  }
}

/** `npm run audit:verify` on the database in DATABASE_URL, with anchors of its own. */
function chainIntact() {
  return auditVerifyCli(path.join(mkdtempSync(path.join(work, "anchors-")), "anchors.jsonl"));
}

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(work, { recursive: true, force: true, maxRetries: 5 });
});

describe.runIf(database.kind === "server")("backup and restore on a PostgreSQL server", () => {
  let source: string;
  let target: string;
  beforeAll(async () => {
    source = process.env.DATABASE_OWNER_URL!;
    const server = database.kind === "server" ? database.url : "";
    const name = uniqueName("varna_restore");
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    target = withDatabase(server, name);
    cleanups.push(() => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await fill(source);
  });

  it("round-trips every table's rows and the audit chain through pg_dump and pg_restore", { timeout: 600_000 }, async () => {
    const before = await rowCounts(source);
    expect(before.AuditEvent).toBeGreaterThanOrEqual(5);
    const file = path.join(work, "varna.dump");
    const backup = await cli("backup", [file], { DATABASE_URL: source });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);

    const restore = await cli("restore", [file], { DATABASE_URL: target });
    expect(restore.status, restore.stderr).toBe(0);
    expect(await rowCounts(target)).toEqual(before);
    console.log(`pg_dump round trip: ${Object.keys(before).length} tables, ${Object.values(before).reduce((a, n) => a + n, 0)} rows compared`);

    const verified = await withEnv({ DATABASE_URL: target, DATABASE_OWNER_URL: target }, chainIntact);
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`${before.AuditEvent} händelser verifierade`);
  });

  it("refuses to restore over a database that has tables, unless told to replace it", { timeout: 600_000 }, async () => {
    const file = path.join(work, "varna.dump");
    const again = await cli("restore", [file], { DATABASE_URL: target });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Måldatabasen har redan");
    const replaced = await cli("restore", [file, "--replace"], { DATABASE_URL: target });
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(await rowCounts(target)).toEqual(await rowCounts(source));
  });
});

describe.runIf(database.kind === "embedded")("backup and restore of the embedded database", () => {
  const dirA = path.join(work, "a");
  const dirB = path.join(work, "b");
  let a: EmbeddedDb | undefined;

  beforeAll(async () => {
    // A data folder holding the migrated schema, served as `npm start` serves it.
    if (database.kind !== "embedded") return;
    mkdirSync(dirA, { recursive: true, mode: 0o700 });
    const seeded = await PGlite.create({ dataDir: path.join(dirA, "pglite"), loadDataDir: new Blob([readFileSync(database.dump)]) });
    await seeded.close();
    a = await startEmbeddedDb(dirA);
    cleanups.push(() => a?.stop());
    await fill(a.url);
  });

  it("refuses to back up while Värna serves the folder", { timeout: 300_000 }, async () => {
    const busy = await cli("backup", [path.join(work, "busy.tar.gz")], { DATABASE_URL: undefined, VARNA_DATA_DIR: dirA });
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain("Stoppa Värna först");
  });

  it("round-trips every table's rows and the audit chain through the data folder's dump", { timeout: 600_000 }, async () => {
    const before = await rowCounts(a!.url);
    expect(before.AuditEvent).toBeGreaterThanOrEqual(5);
    await a!.stop();

    const file = path.join(work, "varna.tar.gz");
    const backup = await cli("backup", [file], { DATABASE_URL: undefined, VARNA_DATA_DIR: dirA });
    expect(backup.status, backup.stderr).toBe(0);
    const restore = await cli("restore", [file], { DATABASE_URL: undefined, VARNA_DATA_DIR: dirB });
    expect(restore.status, restore.stderr).toBe(0);

    const b = await startEmbeddedDb(dirB);
    cleanups.push(() => b.stop());
    expect(await rowCounts(b.url)).toEqual(before);
    console.log(`data folder round trip: ${Object.keys(before).length} tables, ${Object.values(before).reduce((a, n) => a + n, 0)} rows compared`);
    const verified = await withEnv({ DATABASE_URL: b.url, DATABASE_OWNER_URL: b.ownerUrl }, chainIntact);
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`${before.AuditEvent} händelser verifierade`);
  });
});

async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
