import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { auditVerifyCli } from "@/tests/setup/audit-cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { sealAuditEvents } from "@/lib/server/audit/seal";
import { sealExpecting } from "@/tests/setup/audit-seal";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { auditFilterSchema } from "@/lib/schemas/audit-filter";
import { AccessDeniedError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { createDivision, createUser } from "@/prisma/factories";

let owner: pg.Client;
const anchorFile = path.join(mkdtempSync(path.join(tmpdir(), "varna-anchors-")), "anchors.jsonl");
let coordinator: Viewer;
let divisionHead: Viewer;


beforeAll(async () => {
  owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
  const division = await createDivision(ownerDb());
  const c = await createUser(ownerDb(), { role: "COORDINATOR" });
  const d = await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [division.id] });
  coordinator = { id: c.id, role: "COORDINATOR", divisionIds: [], name: c.name, email: c.email };
  divisionHead = { id: d.id, role: "DIVISION_HEAD", divisionIds: [division.id], name: d.name, email: d.email };
  for (const [viewer, action] of [[coordinator, "user.create"], [divisionHead, "trainingNeed.create"], [divisionHead, "trainingNeed.update"], [coordinator, "export.pdf"]] as const) {
    await withViewer(viewer, (tx) => recordAudit(tx, viewer, { action, entityType: "Test", entityId: action, details: { note: "ä ö å", n: 1 } }));
  }
});

afterAll(async () => {
  await owner?.end();
});

describe("audit trail", () => {
  it("inserts events unsealed, and the sealer chains each to the one before it, whichever role wrote it", async () => {
    const unsealed = (await owner.query(`SELECT "chainSeq", hash, "prevHash", txid::text AS txid FROM "AuditEvent" ORDER BY id`)).rows;
    expect(unsealed).toHaveLength(4);
    // No lock and no hash at insert: only the inserting transaction's id.
    for (const e of unsealed) expect(e).toMatchObject({ chainSeq: null, hash: null, prevHash: null, txid: expect.stringMatching(/^\d+$/) });

    expect(await sealExpecting(4)).toBe(4);
    const events = await ownerDb().auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => e.chainSeq)).toEqual([1n, 2n, 3n, 4n]);
    expect(events[0]!.prevHash).toBeNull();
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ""))).toBe(true);
    expect(await ownerDb().$transaction((tx) => verifyAuditChain(tx))).toMatchObject({ ok: true, events: 4, breaks: [], complete: true });
    expect(await sealAuditEvents()).toBe(0);
  });

  it("lets only the coordinator read the trail through the app role", async () => {
    expect(await withViewer(coordinator, (tx) => tx.auditEvent.count())).toBe(4);
    expect(await withViewer(divisionHead, (tx) => tx.auditEvent.count())).toBe(0);
  });

  it("is browsed by the coordinator newest first, filtered by event and user, with the chain's state", async () => {
    const all = await listAuditEvents(coordinator, auditFilterSchema.parse({}));
    expect(all.rows.map((r) => r.action)).toEqual(["export.pdf", "trainingNeed.update", "trainingNeed.create", "user.create"]);
    expect(all.chain).toMatchObject({ ok: true, events: 4, breaks: [] });
    expect(all.chain.verifiedAt).toBeInstanceOf(Date);
    const needs = await listAuditEvents(coordinator, auditFilterSchema.parse({ action: "trainingneed" }));
    expect(needs.total).toBe(2);
    const byActor = await listAuditEvents(coordinator, auditFilterSchema.parse({ actor: divisionHead.email }));
    expect(byActor.rows.every((r) => r.actor?.includes(divisionHead.email))).toBe(true);
    const future = await listAuditEvents(coordinator, auditFilterSchema.parse({ from: "2999-01-01" }));
    expect(future.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(coordinator, auditFilterSchema.parse({ from: today, to: today }))).total).toBe(4);
  });

  it("is closed to every role but the coordinator", async () => {
    await expect(listAuditEvents(divisionHead, auditFilterSchema.parse({}))).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("refuses UPDATE, DELETE and TRUNCATE as the app role", async () => {
    for (const sql of [`UPDATE "AuditEvent" SET action = 'x'`, `DELETE FROM "AuditEvent"`, `TRUNCATE "AuditEvent"`]) {
      await expect(
        withViewer(coordinator, (tx) => tx.$executeRawUnsafe(sql)),
        sql,
      ).rejects.toThrow(/permission denied/);
    }
  });

  it("refuses UPDATE and DELETE even for the table owner", async () => {
    await expect(owner.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/Granskningsloggen kan inte ändras/);
    await expect(owner.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/Granskningsloggen kan inte ändras/);
    expect(await ownerDb().auditEvent.count()).toBe(4);
  });

  it("leaves the seal to the sealer: no insert brings its own, no update sets or changes one", async () => {
    await expect(
      owner.query(`INSERT INTO "AuditEvent" (action, "entityType", "chainSeq", "prevHash", hash) VALUES ('forged', 'Test', 99, 'a', 'b')`),
    ).rejects.toThrow(/förseglas av databasen/);
    await expect(owner.query(`INSERT INTO "AuditEvent" (action, "entityType", hash) VALUES ('forged', 'Test', 'b')`)).rejects.toThrow(/förseglas av databasen/);
    // An unsealed event cannot be sealed by hand, not even with the sealer's setting…
    await withViewer(coordinator, (tx) => recordAudit(tx, coordinator, { action: "unsealed", entityType: "Test" }));
    await expect(owner.query(`UPDATE "AuditEvent" SET "chainSeq" = 99, hash = 'x' WHERE "chainSeq" IS NULL`)).rejects.toThrow(/kan inte ändras/);
    await owner.query("BEGIN");
    try {
      await owner.query(`SELECT set_config('varna.audit_sealing', 'on', true)`);
      // …when it changes anything but the seal,
      await expect(owner.query(`UPDATE "AuditEvent" SET "chainSeq" = 99, hash = 'x', action = 'other' WHERE "chainSeq" IS NULL`)).rejects.toThrow(/kan inte ändras/);
    } finally {
      await owner.query("ROLLBACK");
    }
    await owner.query("BEGIN");
    try {
      await owner.query(`SELECT set_config('varna.audit_sealing', 'on', true)`);
      // …or re-seals a sealed one.
      await expect(owner.query(`UPDATE "AuditEvent" SET hash = 'x' WHERE "chainSeq" = 1`)).rejects.toThrow(/kan inte ändras/);
    } finally {
      await owner.query("ROLLBACK");
    }
    // The app role may not UPDATE events at all, but it can run the sealer (SECURITY DEFINER).
    await expect(withViewer(coordinator, (tx) => tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET hash = 'x' WHERE "chainSeq" IS NULL`))).rejects.toThrow(/permission denied/);
    expect(await sealExpecting(1)).toBe(1);
    expect(await ownerDb().$transaction((tx) => verifyAuditChain(tx))).toMatchObject({ ok: true, events: 5, breaks: [] });
  });

  it("is verified by npm run audit:verify, which detects a tampered row", async () => {
    const clean = await auditVerifyCli(anchorFile);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain("obruten: 5 händelser");

    // A superuser can switch triggers off; the chain still gives the edit away.
    await owner.query("SET session_replication_role = replica");
    const [, second] = (await owner.query(`SELECT id FROM "AuditEvent" ORDER BY id`)).rows;
    await owner.query(`UPDATE "AuditEvent" SET details = '{"note":"ändrad"}' WHERE id = $1`, [second.id]);
    await owner.query("SET session_replication_role = DEFAULT");

    const tampered = await auditVerifyCli(anchorFile);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain(`händelse ${second.id} (plats 2 i kedjan) – innehållet stämmer inte`);
  }, 120_000);
});
