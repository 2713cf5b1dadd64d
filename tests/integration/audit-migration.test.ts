// The migration to the sealer (decision 024) on a trail chained the old way, by the per-insert
// trigger: the existing events become the chain's sealed beginning with their hashes kept (so
// anchors taken before still hold), new events are sealed after them, and the old events are
// still verified — with the hash they were given — and their tampering still found.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { sealAuditEvents } from "@/lib/server/audit/seal";
import { startMemoryDb } from "@/scripts/lib/embedded-db";

const SEALER = "20261125085539_audit_sealer";
const dir = path.resolve("prisma/migrations");
const migrations = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const sql = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");

let memory: Awaited<ReturnType<typeof startMemoryDb>>;
let client: Db;
let legacy: { id: string; chainSeq: string; hash: string }[];
const verify = () => client.$transaction((tx) => verifyAuditChain(tx));

beforeAll(async () => {
  memory = await startMemoryDb();
  for (const name of migrations.filter((n) => n < SEALER)) await memory.db.exec(sql(name));
  // Chained by the old trigger, one by one under its lock.
  await memory.db.exec(`INSERT INTO "AuditEvent" (action, "entityType", details) SELECT 'legacy ' || i, 'Test', jsonb_build_object('i', i) FROM generate_series(1, 40) i`);
  legacy = (await memory.db.query<{ id: string; chainSeq: string; hash: string }>(
    `SELECT id::text, "chainSeq"::text AS "chainSeq", hash FROM "AuditEvent" e ORDER BY e."chainSeq"`,
  )).rows;
  for (const name of migrations.filter((n) => n >= SEALER)) await memory.db.exec(sql(name));
  client = createPrismaClient(memory.url, { max: 1 });
}, 120_000);

afterAll(async () => {
  await client?.$disconnect();
  await memory?.stop();
});

describe("the migration to the sealer", () => {
  it("keeps the chained events as they were, as the chain's sealed beginning", async () => {
    expect(legacy).toHaveLength(40);
    const after = (await memory.db.query<{ id: string; chainSeq: string; hash: string; txid: string | null }>(
      `SELECT id::text, "chainSeq"::text AS "chainSeq", hash, txid::text AS txid FROM "AuditEvent" e ORDER BY e."chainSeq"`,
    )).rows;
    expect(after.map(({ id, chainSeq, hash }) => ({ id, chainSeq, hash }))).toEqual(legacy);
    expect(after.every((e) => e.txid === null)).toBe(true);
    const head = (await memory.db.query(`SELECT "chainSeq"::text AS seq, hash, "legacyEnd"::text AS "legacyEnd" FROM "AuditChainHead"`)).rows;
    expect(head).toEqual([{ seq: "40", hash: legacy.at(-1)!.hash, legacyEnd: "40" }]);
    expect(await verify()).toMatchObject({ ok: true, events: 40, breaks: [], complete: true });
  });

  it("seals new events after them, linked to the last one chained the old way", async () => {
    await memory.db.exec(`INSERT INTO "AuditEvent" (action, "entityType") SELECT 'new ' || i, 'Test' FROM generate_series(1, 3) i`);
    expect(await sealAuditEvents(client)).toBe(3);
    const [first] = (await memory.db.query<{ prevHash: string }>(`SELECT "prevHash" FROM "AuditEvent" WHERE "chainSeq" = 41`)).rows;
    expect(first!.prevHash).toBe(legacy.at(-1)!.hash);
    expect(await verify()).toMatchObject({ ok: true, events: 43, breaks: [], head: { chainSeq: "43" } });
  });

  it("still finds an edited or moved event among those chained the old way", async () => {
    await memory.db.exec(`SET session_replication_role = replica`);
    try {
      await memory.db.query(`UPDATE "AuditEvent" SET details = '{"i":"ändrad"}' WHERE id = $1`, [legacy[4]!.id]);
      expect((await verify()).breaks).toEqual([{ id: legacy[4]!.id, chainSeq: "5", reason: "hash" }]);
      await memory.db.query(`UPDATE "AuditEvent" SET details = '{"i":5}' WHERE id = $1`, [legacy[4]!.id]);
      expect((await verify()).ok).toBe(true);

      // Their hash leaves out the place: two swapped places are found by the links.
      await memory.db.exec(`UPDATE "AuditEvent" SET "chainSeq" = -"chainSeq" WHERE "chainSeq" IN (10, 11)`);
      await memory.db.exec(`UPDATE "AuditEvent" SET "chainSeq" = CASE "chainSeq" WHEN -10 THEN 11 ELSE 10 END WHERE "chainSeq" IN (-10, -11)`);
      expect((await verify()).breaks).toEqual([
        { id: legacy[10]!.id, chainSeq: "10", reason: "link" },
        { id: legacy[9]!.id, chainSeq: "11", reason: "link" },
        { id: legacy[11]!.id, chainSeq: "12", reason: "link" },
      ]);
    } finally {
      await memory.db.exec(`SET session_replication_role = DEFAULT`);
    }
  });
});
