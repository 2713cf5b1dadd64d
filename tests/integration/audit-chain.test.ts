// The audit chain as an attacker and as a busy server would test it (decision 024): events are
// inserted without a lock and sealed into the chain by one sealer, which takes only events of
// transactions that have ended — an event committed late with a lower id is no break; every
// kind of tampering (an altered, deleted, inserted or reordered event) is reported by the
// verifier and by npm run audit:verify, every break and not only the first; a chain re-hashed
// from the start is caught by the anchors kept outside the database; the log page verifies in
// bounded batches from its checkpoint.
import { ownerDb } from "@/tests/setup/owner-db";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { auditVerifyCli } from "@/tests/setup/audit-cli";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { sealAllAuditEvents, sealAuditEvents } from "@/lib/server/audit/seal";
import { verifyAuditChainSinceCheckpoint } from "@/lib/server/audit/checkpoint";
import type { Viewer } from "@/lib/server/auth/viewer";
import { createUser } from "@/prisma/factories";
import { sealExpecting, sealUntilRefused } from "@/tests/setup/audit-seal";

const server = inject("database").kind === "server";
let owner: pg.Client;
let coordinator: Viewer;
const anchorDir = mkdtempSync(path.join(tmpdir(), "varna-anchors-"));
let anchorFile = path.join(anchorDir, "anchors.jsonl");

const write = (action: string) => withViewer(coordinator, (tx) => recordAudit(tx, coordinator, { action, entityType: "Test" }));
const seal = () => sealAuditEvents(ownerDb());
const verify = (now?: Date) => ownerDb().$transaction((tx) => verifyAuditChain(tx, { now }), { isolationLevel: "RepeatableRead" });
type Row = { id: string; seq: string; action: string };
/** The sealed events in chain order. */
const chain = async () =>
  (await owner.query(`SELECT id::text, "chainSeq"::text AS seq, action FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq"`)).rows as Row[];

/** As a superuser with the triggers off: what someone with the database's keys could do. */
async function tamper(sql: string, params: unknown[] = []) {
  await owner.query("SET session_replication_role = replica");
  try {
    await owner.query(sql, params);
  } finally {
    await owner.query("SET session_replication_role = DEFAULT");
  }
}

/** Puts the whole trail back as it was (each tampering test starts from an intact chain). */
async function snapshot() {
  const rows = (await owner.query(`SELECT to_jsonb(e) AS row FROM "AuditEvent" e`)).rows.map((r: { row: unknown }) => r.row);
  const head = (await owner.query(`SELECT to_jsonb(h) AS row FROM "AuditChainHead" h WHERE id = 1`)).rows[0].row;
  return async () => {
    await tamper(`DELETE FROM "AuditEvent"`);
    await tamper(`INSERT INTO "AuditEvent" SELECT * FROM jsonb_populate_recordset(NULL::"AuditEvent", $1::jsonb)`, [JSON.stringify(rows)]);
    await tamper(`DELETE FROM "AuditChainHead"`);
    await tamper(`INSERT INTO "AuditChainHead" SELECT * FROM jsonb_populate_record(NULL::"AuditChainHead", $1::jsonb)`, [JSON.stringify(head)]);
    expect(await verify()).toMatchObject({ ok: true, breaks: [] });
  };
}

async function expectCliBreak(...messages: string[]) {
  const cli = await auditVerifyCli(anchorFile);
  expect(cli.status, cli.stdout).toBe(1);
  for (const message of messages) expect(cli.stderr).toContain(message);
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
  const c = await createUser(ownerDb(), { role: "COORDINATOR" });
  coordinator = { id: c.id, role: "COORDINATOR", divisionIds: [], name: c.name, email: c.email };
});

afterAll(async () => {
  await owner?.end();
});

describe("events are inserted freely and sealed into the chain afterwards", () => {
  it("inserts without a seal; the sealer appends in id order; waiting events are counted, not a break", async () => {
    await write("first");
    await write("second");
    const before = await verify();
    expect(before).toMatchObject({ ok: true, breaks: [], pending: { count: 2, stale: 0 } });
    expect(await sealExpecting(2)).toBe(2);
    expect(await verify()).toMatchObject({ ok: true, breaks: [], events: 2, pending: { count: 0 }, head: { chainSeq: "2" } });
    expect((await chain()).map((r) => r.action)).toEqual(["first", "second"]);
  });

  it("reports an event left unsealed for longer than ten minutes (the sealer is not running)", async () => {
    await write("waiting");
    expect(await verify()).toMatchObject({ ok: true, pending: { count: 1, stale: 0 } });
    const later = await verify(new Date(Date.now() + 11 * 60_000));
    expect(later).toMatchObject({ ok: false, breaks: [], pending: { count: 1, stale: 1 } });
    expect(await sealExpecting(1)).toBe(1);
    expect((await verify(new Date(Date.now() + 11 * 60_000))).ok).toBe(true);
  });

  it("seals an event committed after one with a higher id after it, with no break", async () => {
    // Ids come from the column default: reserve one now, let another event take a higher id and
    // be sealed, then insert with the reserved id — as a transaction that drew its id early and
    // committed late would.
    const reserved = (await owner.query(`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text AS id`)).rows[0].id as string;
    await write("higher id, committed first");
    expect(await sealExpecting(1)).toBe(1);
    await owner.query(`INSERT INTO "AuditEvent" (id, action, "entityType") VALUES ($1, 'lower id, committed later', 'Test')`, [reserved]);
    expect(await sealExpecting(1)).toBe(1);
    expect(await verify()).toMatchObject({ ok: true, breaks: [] });
    const rows = await chain();
    expect(rows.at(-1)).toMatchObject({ id: reserved, action: "lower id, committed later" });
    expect(Number(rows.at(-1)!.id)).toBeLessThan(Number(rows.at(-2)!.id));
  });

  it.skipIf(!server)("waits for a transaction still open: two interleaved transactions, the later id committed first", async () => {
    const a = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    const b = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await a.connect();
    await b.connect();
    try {
      await a.query("BEGIN");
      await a.query(`INSERT INTO "AuditEvent" (action, "entityType") VALUES ('a: lower id, commits last', 'Test')`);
      await b.query("BEGIN");
      await b.query(`INSERT INTO "AuditEvent" (action, "entityType") VALUES ('b: higher id, commits first', 'Test')`);
      await b.query("COMMIT");
      // a is still open and began before b: b's event waits with it rather than take a place
      // a's lower id would have had.
      expect(await seal()).toBe(0);
      expect(await verify()).toMatchObject({ ok: true, breaks: [], pending: { count: 1 } });
      await a.query("COMMIT");
      expect(await sealExpecting(2)).toBe(2);
      expect(await verify()).toMatchObject({ ok: true, breaks: [], pending: { count: 0 } });
      expect((await chain()).slice(-2).map((r) => r.action)).toEqual(["a: lower id, commits last", "b: higher id, commits first"]);

      // The other way round: b's transaction began (took its id) before a's, so b's event is
      // sealed as soon as b commits — before a's event with its lower id, which follows it.
      await b.query("BEGIN");
      await b.query("SELECT pg_current_xact_id()");
      await a.query("BEGIN");
      await a.query(`INSERT INTO "AuditEvent" (action, "entityType") VALUES ('a2: lower id, commits last', 'Test')`);
      await b.query(`INSERT INTO "AuditEvent" (action, "entityType") VALUES ('b2: higher id, older transaction', 'Test')`);
      await b.query("COMMIT");
      expect(await sealExpecting(1)).toBe(1);
      await a.query("COMMIT");
      expect(await sealExpecting(1)).toBe(1);
      expect(await verify()).toMatchObject({ ok: true, breaks: [] });
      const rows = await chain();
      expect(rows.slice(-2).map((r) => r.action)).toEqual(["b2: higher id, older transaction", "a2: lower id, commits last"]);
      expect(Number(rows.at(-1)!.id)).toBeLessThan(Number(rows.at(-2)!.id));
    } finally {
      await a.end();
      await b.end();
    }
  });

  it.skipIf(!server)("seals everything before a full check: waits while an older transaction holds committed events back, not for one that never can be", async () => {
    const older = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await older.connect();
    try {
      await older.query("BEGIN");
      await older.query("SELECT pg_current_xact_id()");
      await write("committed, held back by the older transaction");
      expect(await seal()).toBe(0);
      const started = Date.now();
      const all = sealAllAuditEvents(ownerDb(), { waitMs: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await older.query("COMMIT");
      expect(await all).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await older.end();
    }
    // An event without a transaction (written around the trigger) is no reason to wait.
    const restore = await snapshot();
    try {
      await tamper(`INSERT INTO "AuditEvent" (action, "entityType", txid) VALUES ('no transaction', 'Test', NULL)`);
      const started = Date.now();
      expect(await sealAllAuditEvents(ownerDb(), { waitMs: 10_000 })).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await restore();
    }
  });

  it.skipIf(!server)("lets one sealer work at a time: a second one skips while the first holds the head", async () => {
    await write("to seal");
    const a = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await a.connect();
    try {
      await a.query("BEGIN");
      const n = (await a.query(`SELECT varna_audit_seal() AS n`)).rows[0].n as number;
      expect(n).not.toBeNull();
      await write("while a seals");
      expect(await seal()).toBeNull(); // skipped, not waiting
      await a.query("COMMIT");
      expect(await sealExpecting(2 - n)).toBe(2 - n);
      expect(await verify()).toMatchObject({ ok: true, breaks: [] });
    } finally {
      await a.end();
    }
  });

  it("is verified by npm run audit:verify, which seals first and anchors the head outside the database", async () => {
    await write("sealed by audit:verify");
    const clean = await auditVerifyCli(anchorFile);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain("Granskningsloggen är obruten");
    expect(clean.stdout).toContain("(1 förseglades nu)");
    const anchors = readFileSync(anchorFile, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(anchors.at(-1).chainSeq).toBe((await chain()).at(-1)!.seq);
  }, 120_000);
});

describe("the log page verifies in bounded batches from a checkpoint kept in PostgreSQL", () => {
  it("verifies a batch per view, moves the checkpoint per batch and says how much is left", async () => {
    for (let i = 0; i < 5; i++) await write(`batch ${i}`);
    expect(await sealExpecting(5)).toBe(5);
    const first = await verifyAuditChainSinceCheckpoint({ batch: 4, now: new Date("2026-01-01T10:00:00Z") });
    const total = (await chain()).length;
    expect(total).toBeGreaterThan(8);
    expect(first).toMatchObject({ ok: true, events: 4, sealed: total, remaining: total - 4, breaks: [], verifiedAt: new Date("2026-01-01T10:00:00Z") });
    expect((await ownerDb().auditCheckpoint.findUniqueOrThrow({ where: { id: 1 } })).chainSeq).toBe(4n);

    const second = await verifyAuditChainSinceCheckpoint({ batch: 4 });
    expect(second).toMatchObject({ ok: true, events: 8, remaining: total - 8 });
    let view = second;
    while (view.remaining > 0) view = await verifyAuditChainSinceCheckpoint({ batch: 4 });
    expect(view).toMatchObject({ ok: true, events: total, remaining: 0 });
    expect((await ownerDb().auditCheckpoint.findUniqueOrThrow({ where: { id: 1 } })).chainSeq.toString()).toBe((await chain()).at(-1)!.seq);

    // The view seals what came since first.
    // (Until the cluster-wide horizon has passed its transaction, a view reports it waiting.)
    await write("after the checkpoint");
    await vi.waitFor(async () => expect(await verifyAuditChainSinceCheckpoint({ batch: 4 })).toMatchObject({ ok: true, events: total + 1, remaining: 0 }), {
      timeout: 10_000,
      interval: 50,
    });
  });

  it("doesn't re-read what it verified before: an old event edited since is the full check's to find", async () => {
    const restore = await snapshot();
    const [oldest] = await chain();
    await tamper(`UPDATE "AuditEvent" SET action = 'edited long after' WHERE id = $1`, [oldest!.id]);
    expect((await verifyAuditChainSinceCheckpoint()).ok).toBe(true);
    expect((await verify()).breaks).toEqual([{ id: oldest!.id, chainSeq: oldest!.seq, reason: "hash" }]);
    await restore();
  });

  it("stops at a break in its batch, keeps the checkpoint and reports the break on every view", async () => {
    const restore = await snapshot();
    for (let i = 0; i < 3; i++) await write(`more ${i}`);
    expect(await sealExpecting(3)).toBe(3);
    const rows = await chain();
    const edited = rows.at(-2)!;
    const checkpointBefore = await ownerDb().auditCheckpoint.findUniqueOrThrow({ where: { id: 1 } });
    await tamper(`UPDATE "AuditEvent" SET details = '{"note":"ändrad"}' WHERE id = $1`, [edited.id]);
    for (let i = 0; i < 2; i++) {
      const view = await verifyAuditChainSinceCheckpoint();
      expect(view.ok).toBe(false);
      expect(view.breaks).toEqual([{ id: edited.id, chainSeq: edited.seq, reason: "hash" }]);
    }
    expect((await ownerDb().auditCheckpoint.findUniqueOrThrow({ where: { id: 1 } })).chainSeq).toBe(checkpointBefore.chainSeq);
    await restore();
    expect((await verifyAuditChainSinceCheckpoint()).ok).toBe(true);
  });
});

describe("tampering is found by the verifier and by npm run audit:verify", () => {
  let restore: () => Promise<void>;
  let rows: Row[];
  beforeEach(async () => {
    if ((await chain()).length < 6) for (let i = 0; i < 6; i++) await write(`event ${i}`);
    const unsealed = Number((await owner.query(`SELECT count(*) FROM "AuditEvent" WHERE "chainSeq" IS NULL`)).rows[0].count);
    expect(await sealExpecting(unsealed)).toBe(unsealed);
    restore = await snapshot();
    rows = await chain();
  });
  afterEach(async () => {
    await restore();
  });

  it("an altered event", async () => {
    const altered = rows[2]!;
    await tamper(`UPDATE "AuditEvent" SET details = '{"note":"ändrad"}' WHERE id = $1`, [altered.id]);
    expect((await verify()).breaks).toEqual([{ id: altered.id, chainSeq: altered.seq, reason: "hash" }]);
    await expectCliBreak(`händelse ${altered.id} (plats ${altered.seq} i kedjan) – innehållet stämmer inte`);
  }, 120_000);

  it("a deleted event, in the middle and at the end", async () => {
    const deleted = rows[2]!;
    const next = rows[3]!;
    await tamper(`DELETE FROM "AuditEvent" WHERE id = $1`, [deleted.id]);
    expect((await verify()).breaks).toEqual([{ id: next.id, chainSeq: next.seq, reason: "gap" }]);
    await expectCliBreak(`händelse ${next.id} (plats ${next.seq} i kedjan) – händelsen före den i kedjan saknas`);
    await restore();

    const last = rows.at(-1)!;
    await tamper(`DELETE FROM "AuditEvent" WHERE id = $1`, [last.id]);
    expect((await verify()).breaks).toEqual([{ id: "–", chainSeq: last.seq, reason: "head" }]);
    await expectCliBreak(`plats ${last.seq} i kedjan) – kedjan slutar inte där förseglingen lämnade den`);
  }, 120_000);

  it("an inserted event: sealed-looking, after the head or without a place", async () => {
    // Appended after the head, with a link and a hash as good as the sealer's.
    const last = rows.at(-1)!;
    const { rows: forged } = await owner.query(`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text AS id`);
    await tamper(
      `INSERT INTO "AuditEvent" (id, "occurredAt", action, "entityType", "chainSeq", "prevHash")
       SELECT $1::bigint, now(), 'forged', 'Test', "chainSeq" + 1, hash FROM "AuditEvent" WHERE id = $2`,
      [forged[0].id, last.id],
    );
    await tamper(`UPDATE "AuditEvent" e SET hash = varna_audit_seal_hash(e) WHERE id = $1`, [forged[0].id]);
    expect((await verify()).breaks).toEqual([{ id: forged[0].id, chainSeq: String(Number(last.seq) + 1), reason: "head" }]);
    await expectCliBreak(`händelse ${forged[0].id} (plats ${Number(last.seq) + 1} i kedjan) – kedjan slutar inte där`);
    // The sealer cannot append after the head now (the place is taken); the log page and the
    // full check still run and say why.
    await write("waiting behind the forged one");
    // Once the horizon has passed the new event, every sealing pass fails on the taken place.
    expect(await sealUntilRefused()).not.toBeNull();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const view = await verifyAuditChainSinceCheckpoint();
      expect(view.ok).toBe(false);
      expect(view.breaks).toContainEqual({ id: forged[0].id, chainSeq: String(Number(last.seq) + 1), reason: "head" });
      expect(warn).toHaveBeenCalledWith("Granskningsloggen: förseglingen misslyckades.", expect.anything());
    } finally {
      warn.mockRestore();
    }
    await expectCliBreak("Förseglingen misslyckades", `händelse ${forged[0].id} (plats ${Number(last.seq) + 1} i kedjan) – kedjan slutar inte där`);
    await restore();

    // A seal without a place in the chain.
    await tamper(`INSERT INTO "AuditEvent" (id, "occurredAt", action, "entityType", "prevHash", hash) VALUES ($1, now(), 'forged', 'Test', 'x', 'y')`, [forged[0].id]);
    expect((await verify()).breaks).toEqual([{ id: forged[0].id, chainSeq: null, reason: "unchained" }]);
    await expectCliBreak(`händelse ${forged[0].id} (plats – i kedjan) – händelsen bär en försegling men saknar plats i kedjan`);
  }, 120_000);

  it("a reordering: two events' contents swapped, or their places swapped", async () => {
    const [x, y] = [rows[1]!, rows[2]!];
    await tamper(
      `UPDATE "AuditEvent" e SET action = o.action, details = o.details
       FROM "AuditEvent" o WHERE (e.id, o.id) IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
      [x.id, y.id],
    );
    expect((await chain()).slice(1, 3).map((r) => r.action)).toEqual([y.action, x.action]);
    expect((await verify()).breaks).toEqual([
      { id: x.id, chainSeq: x.seq, reason: "hash" },
      { id: y.id, chainSeq: y.seq, reason: "hash" },
    ]);
    await expectCliBreak(`händelse ${x.id} (plats ${x.seq} i kedjan) – innehållet stämmer inte`, `händelse ${y.id} (plats ${y.seq} i kedjan)`);
    await restore();

    await tamper(`UPDATE "AuditEvent" SET "chainSeq" = -"chainSeq" WHERE id IN ($1, $2)`, [x.id, y.id]);
    await tamper(`UPDATE "AuditEvent" SET "chainSeq" = CASE WHEN id = $1 THEN $4::bigint ELSE $3::bigint END WHERE id IN ($1, $2)`, [x.id, y.id, x.seq, y.seq]);
    expect((await chain()).slice(1, 3).map((r) => r.id)).toEqual([y.id, x.id]);
    expect((await verify()).breaks).toEqual([
      { id: y.id, chainSeq: x.seq, reason: "hash" },
      { id: x.id, chainSeq: y.seq, reason: "hash" },
      // …and the event after them points at y, which is no longer before it.
      { id: rows[3]!.id, chainSeq: rows[3]!.seq, reason: "link" },
    ]);
    await expectCliBreak(`händelse ${y.id} (plats ${x.seq} i kedjan) – innehållet stämmer inte`);
  }, 120_000);

  it("an event left unsealed for longer than ten minutes, which no sealer can take", async () => {
    // Written around the trigger, with no transaction of its own and an hour old.
    await tamper(`INSERT INTO "AuditEvent" ("occurredAt", action, "entityType", txid) VALUES (now() AT TIME ZONE 'UTC' - interval '1 hour', 'stuck', 'Test', NULL)`);
    expect(await seal()).toBe(0);
    expect(await verify()).toMatchObject({ ok: false, breaks: [], pending: { count: 1, stale: 1 } });
    await expectCliBreak("GRANSKNINGSLOGGEN ÄR INTE FÖRSEGLAD: 1 händelser har väntat på försegling i mer än 10 minuter");
  }, 120_000);

  it("reports every break, not only the first", async () => {
    await tamper(`UPDATE "AuditEvent" SET action = 'ändrad' WHERE id = $1`, [rows[1]!.id]);
    await tamper(`DELETE FROM "AuditEvent" WHERE id = $1`, [rows[3]!.id]);
    expect((await verify()).breaks).toEqual([
      { id: rows[1]!.id, chainSeq: rows[1]!.seq, reason: "hash" },
      { id: rows[4]!.id, chainSeq: rows[4]!.seq, reason: "gap" },
    ]);
  });

  it("catches a wholesale rewrite (every hash recomputed) by the anchors outside the database", async () => {
    anchorFile = path.join(anchorDir, "rewrite.jsonl");
    expect((await auditVerifyCli(anchorFile)).status).toBe(0);

    // Someone with the database's keys edits an event and re-hashes the whole chain after it.
    await tamper(`UPDATE "AuditEvent" SET action = 'rewritten' WHERE "chainSeq" = 1`);
    await tamper(`
      DO $$
      DECLARE r "AuditEvent"; prev text := NULL; h text;
      BEGIN
        FOR r IN SELECT * FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" LOOP
          r."prevHash" := prev;
          h := varna_audit_seal_hash(r);
          UPDATE "AuditEvent" SET "prevHash" = prev, hash = h WHERE id = r.id;
          prev := h;
        END LOOP;
        UPDATE "AuditChainHead" SET hash = prev WHERE id = 1;
      END $$`);
    expect((await verify()).ok).toBe(true); // consistent in itself…
    await expectCliBreak("GRANSKNINGSLOGGEN ÄR OMSKRIVEN"); // …but not with what was anchored
  }, 120_000);
});
