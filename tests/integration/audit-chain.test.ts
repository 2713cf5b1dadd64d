// The audit chain as an attacker and as a busy server would test it: inserts that take the
// chain's lock in the other order than their ids are no break; every tampered event is
// reported, not only the first; a chain re-hashed from the start is caught by the anchors
// kept outside the database; the log page verifies only what came after its checkpoint.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { auditVerifyCli } from "@/tests/setup/audit-cli";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { verifyAuditChainSinceCheckpoint } from "@/lib/server/audit/checkpoint";
import type { Viewer } from "@/lib/server/auth/viewer";
import { createUser } from "@/prisma/factories";

let owner: pg.Client;
let coordinator: Viewer;
const anchorDir = mkdtempSync(path.join(tmpdir(), "varna-anchors-"));
let anchorFile = path.join(anchorDir, "anchors.jsonl");


const write = (action: string) => withViewer(coordinator, (tx) => recordAudit(tx, coordinator, { action, entityType: "Test" }));
const verify = () => db().$transaction((tx) => verifyAuditChain(tx));
/** The events in chain order (read through to_jsonb, so this helper runs on a schema without chainSeq too). */
const chain = async () =>
  (await owner.query(`SELECT id::text, to_jsonb(e)->>'chainSeq' AS seq FROM "AuditEvent" e ORDER BY (to_jsonb(e)->>'chainSeq')::bigint NULLS LAST, id`)).rows as { id: string; seq: string }[];

/** As a superuser with the triggers off: what someone with the database's keys could do. */
async function tamper(sql: string, params: unknown[] = []) {
  await owner.query("SET session_replication_role = replica");
  try {
    await owner.query(sql, params);
  } finally {
    await owner.query("SET session_replication_role = DEFAULT");
  }
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  const c = await createUser(db(), { role: "COORDINATOR" });
  coordinator = { id: c.id, role: "COORDINATOR", divisionIds: [], name: c.name, email: c.email };
});

afterAll(async () => {
  await owner?.end();
});

describe("the audit chain follows the order in which the lock was taken", () => {
  it("shows no break when an event with a lower id took the lock after one with a higher id", async () => {
    await write("first");
    // The id is drawn (by the column default) before the trigger takes the lock: reserve one
    // now, let another insert take the lock and a higher id, then insert with the reserved id.
    const reserved = (await owner.query(`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id`)).rows[0].id as string;
    await write("took the lock first");
    await owner.query(`INSERT INTO "AuditEvent" (id, action, "entityType") VALUES ($1, 'took the lock second', 'Test')`, [reserved]);

    expect(await verify()).toMatchObject({ ok: true, breaks: [] });
    const rows = await chain();
    expect(rows.at(-1)!.id).toBe(reserved); // last in the chain, though not the highest id
    expect(Number(rows.at(-1)!.id)).toBeLessThan(Number(rows.at(-2)!.id));
  });

  it.skipIf(inject("database").kind === "embedded")(
    "shows no break after two really concurrent inserts that take the lock in the other order than their ids",
    async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      const b = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await b.connect();
      try {
        await a.query("BEGIN");
        await a.query("SELECT pg_advisory_xact_lock(7660136017)"); // a holds the chain's lock
        // b's insert draws its id now and waits for the lock in the trigger…
        const waiting = b.query(`INSERT INTO "AuditEvent" (action, "entityType") VALUES ('b: lower id, later lock', 'Test')`);
        for (let i = 0; i < 100; i++) {
          const blocked = await owner.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
          if (blocked.rowCount) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        // …while a inserts with a higher id and commits first.
        await a.query(`INSERT INTO "AuditEvent" (action, "entityType") VALUES ('a: higher id, earlier lock', 'Test')`);
        await a.query("COMMIT");
        await waiting;
        expect(await verify()).toMatchObject({ ok: true, breaks: [] });
        const ids = (await owner.query(`SELECT action, id::bigint AS id, "chainSeq" FROM "AuditEvent" WHERE action LIKE '_: %' ORDER BY "chainSeq"`)).rows;
        expect(ids.map((r: { action: string }) => r.action)).toEqual(["a: higher id, earlier lock", "b: lower id, later lock"]);
        expect(Number(ids[1].id)).toBeLessThan(Number(ids[0].id));
      } finally {
        await a.end();
        await b.end();
      }
    },
  );

  it("is verified by npm run audit:verify, which anchors the head outside the database", async () => {
    const clean = await auditVerifyCli(anchorFile);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain("Granskningsloggen är obruten");
    const anchors = readFileSync(anchorFile, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const rows = await chain();
    expect(anchors.at(-1).chainSeq).toBe(rows.at(-1)!.seq);
  }, 120_000);
});

describe("the log page verifies incrementally from a checkpoint kept in PostgreSQL", () => {
  it("moves the checkpoint to the head and counts only what came after it", async () => {
    const first = await verifyAuditChainSinceCheckpoint(new Date("2026-01-01T10:00:00Z"));
    const total = (await chain()).length;
    expect(first).toMatchObject({ ok: true, events: total, verifiedAt: new Date("2026-01-01T10:00:00Z") });
    await write("after the checkpoint");
    await write("after the checkpoint 2");
    const second = await verifyAuditChainSinceCheckpoint(new Date("2026-01-01T11:00:00Z"));
    expect(second).toMatchObject({ ok: true, events: total + 2 });
    const checkpoint = await db().auditCheckpoint.findUniqueOrThrow({ where: { id: 1 } });
    expect(checkpoint.chainSeq.toString()).toBe((await chain()).at(-1)!.seq);
  });

  it("doesn't re-read what it verified before: an old event edited since is the full check's to find", async () => {
    const [oldest] = await chain();
    await tamper(`UPDATE "AuditEvent" SET action = 'edited long after' WHERE id = $1`, [oldest!.id]);
    expect((await verifyAuditChainSinceCheckpoint()).ok).toBe(true);
    const full = await verify();
    expect(full.breaks).toEqual([{ id: oldest!.id, chainSeq: oldest!.seq, reason: "hash" }]);
    await tamper(`UPDATE "AuditEvent" SET action = 'first' WHERE id = $1`, [oldest!.id]);
    expect((await verify()).ok).toBe(true);
  });
});

describe("tampering", () => {
  it("reports every break, not only the first, and keeps reporting it on the log page", async () => {
    for (let i = 0; i < 4; i++) await write(`more ${i}`);
    const rows = await chain();
    const middle = rows[rows.length - 4]!;
    const later = rows[rows.length - 2]!;
    const afterLater = rows[rows.length - 1]!;
    const checkpointBefore = await db().auditCheckpoint.findUniqueOrThrow({ where: { id: 1 } });

    // An edited event in the middle; and after it one deleted, which breaks its successor's link.
    await tamper(`UPDATE "AuditEvent" SET details = '{"note":"ändrad"}' WHERE id = $1`, [middle.id]);
    await tamper(`DELETE FROM "AuditEvent" WHERE id = $1`, [later.id]);

    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([
      { id: middle.id, chainSeq: middle.seq, reason: "hash" },
      { id: afterLater.id, chainSeq: afterLater.seq, reason: "link" },
    ]);
    // The page reports it too, and does not move its checkpoint past a break.
    for (let i = 0; i < 2; i++) {
      const page = await verifyAuditChainSinceCheckpoint();
      expect(page.ok).toBe(false);
      expect(page.breaks.map((b) => b.id)).toEqual([middle.id, afterLater.id]);
    }
    expect((await db().auditCheckpoint.findUniqueOrThrow({ where: { id: 1 } })).chainSeq).toBe(checkpointBefore.chainSeq);

    const cli = await auditVerifyCli(anchorFile);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`händelse ${middle.id} (plats ${middle.seq} i kedjan) – innehållet stämmer inte`);
    expect(cli.stderr).toContain(`händelse ${afterLater.id} (plats ${afterLater.seq} i kedjan) – länken till föregående händelse är bruten`);
  }, 120_000);

  it("catches a wholesale rewrite (every hash recomputed) by the anchors outside the database", async () => {
    // Start again from a clean, anchored chain (and a new anchor file for it).
    anchorFile = path.join(anchorDir, "rewrite.jsonl");
    await tamper(`DELETE FROM "AuditEvent"`);
    await tamper(`DELETE FROM "AuditCheckpoint"`);
    for (let i = 0; i < 3; i++) await write(`clean ${i}`);
    expect((await auditVerifyCli(anchorFile)).status).toBe(0);

    // Someone with the database's keys edits an event and re-hashes the whole chain after it.
    await tamper(`UPDATE "AuditEvent" SET action = 'rewritten' WHERE "chainSeq" = (SELECT min("chainSeq") FROM "AuditEvent")`);
    await tamper(`
      DO $$
      DECLARE r "AuditEvent"; prev text := NULL; h text;
      BEGIN
        FOR r IN SELECT * FROM "AuditEvent" ORDER BY "chainSeq" LOOP
          r."prevHash" := prev;
          h := varna_audit_hash(r);
          UPDATE "AuditEvent" SET "prevHash" = prev, hash = h WHERE id = r.id;
          prev := h;
        END LOOP;
      END $$`);
    expect((await verify()).ok).toBe(true); // consistent in itself…
    const cli = await auditVerifyCli(anchorFile); // …but not with what was anchored
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("GRANSKNINGSLOGGEN ÄR OMSKRIVEN");
  }, 120_000);
});
