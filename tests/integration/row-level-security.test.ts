// The database's own wall: with the application's checks bypassed entirely — raw SQL as the
// app role, with only the transaction settings the access layer would set — a division's
// rows stay invisible and unwritable to everyone outside it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  createActionItem, createDivision, createMeasure, createSituationEntry, createStaffCategory,
  createTrainingNeed, createUser, daysFromNow,
} from "@/prisma/factories";

type Settings = { role: string; divisionIds: string[] } | null;

let client: pg.Client;

/** Runs `sql` as varna_app inside a transaction with `settings`, then rolls back. */
async function asApp<T>(settings: Settings, work: (q: pg.Client) => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    if (settings) {
      await client.query("SELECT set_config('varna.role', $1, true), set_config('varna.division_ids', $2, true)", [
        settings.role,
        settings.divisionIds.join(","),
      ]);
    }
    await client.query("SET LOCAL ROLE varna_app");
    return await work(client);
  } finally {
    await client.query("ROLLBACK");
  }
}

const ids = { a: "", b: "" };
/** table → its division column and one row id per division. */
const rows: Record<string, { column: string; a: string; b: string }> = {};

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const x = db();
  ids.a = (await createDivision(x)).id;
  ids.b = (await createDivision(x)).id;
  const user = (await createUser(x, { role: "COORDINATOR" })).id;
  const category = (await createStaffCategory(x)).id;
  const byDivision = async <T extends { id: string }>(make: (division: string) => Promise<T>) => ({
    a: (await make(ids.a)).id,
    b: (await make(ids.b)).id,
  });
  rows.SituationEntry = { column: "divisionId", ...(await byDivision((d) => createSituationEntry(x, { divisionId: d, createdById: user }))) };
  rows.ContactLogEntry = {
    column: "divisionId",
    ...(await byDivision((d) => x.contactLogEntry.create({ data: { divisionId: d, contactedOn: daysFromNow(-1), channel: "PHONE", requester: "RELATIVE", createdById: user } }))),
  };
  rows.TrainingNeed = { column: "divisionId", ...(await byDivision((d) => createTrainingNeed(x, { divisionId: d, staffCategoryId: category, createdById: user }))) };
  rows.Measure = { column: "ownerDivisionId", ...(await byDivision((d) => createMeasure(x, { ownerDivisionId: d }))) };
  const cycle = await x.followUpCycle.create({ data: { title: "T", year: 2026, periodStart: daysFromNow(-100), periodEnd: daysFromNow(100), dueDate: daysFromNow(10) } });
  rows.FollowUp = { column: "divisionId", ...(await byDivision((d) => x.followUp.create({ data: { cycleId: cycle.id, divisionId: d, status: "REVIEWED" } }))) };
  const event = await x.trainingEvent.create({ data: { title: "E", level: "BASIC", startsAt: daysFromNow(5), provider: "P", capacity: 10 } });
  rows.TrainingAttendance = { column: "divisionId", ...(await byDivision((d) => x.trainingAttendance.create({ data: { eventId: event.id, divisionId: d, registered: 3 } }))) };
  rows.ActionItem = { column: "divisionId", ...(await byDivision((d) => createActionItem(x, { ownerId: user, divisionId: d }))) };
  await createActionItem(x, { ownerId: user, divisionId: null, title: "Nätverksgemensam" });
  await x.situationReport.create({ data: { title: "Klar", periodStart: daysFromNow(-60), periodEnd: daysFromNow(-30), status: "FINAL" } });
  await x.situationReport.create({ data: { title: "Utkast", periodStart: daysFromNow(-30), periodEnd: daysFromNow(-1) } });
});

afterAll(async () => {
  await client?.end();
});

const DIVISION_TABLES = ["SituationEntry", "ContactLogEntry", "TrainingNeed", "Measure", "FollowUp", "TrainingAttendance", "ActionItem"];
const SITUATION_TABLES = ["SituationEntry", "ContactLogEntry", "SituationReport", "SituationReportSection", "_SituationReportEntries"];
const ALL_PROTECTED = [...new Set([...DIVISION_TABLES, ...SITUATION_TABLES, "FollowUpItem", "AuditEvent"])];

async function visibleIds(q: pg.Client, table: string, column: string) {
  const r = await q.query(`SELECT "${column}" AS division FROM "${table}"`);
  return new Set(r.rows.map((row: { division: string | null }) => row.division));
}

describe("row-level security as the second wall", () => {
  for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER"]) {
    describe(`${role} of division A`, () => {
      const settings = () => ({ role, divisionIds: [ids.a] });

      for (const table of DIVISION_TABLES) {
        it(`sees only division A's rows of ${table}`, async () => {
          const seen = await asApp(settings(), (q) => visibleIds(q, table, rows[table]!.column));
          expect(seen.has(ids.a)).toBe(true);
          expect(seen.has(ids.b)).toBe(false);
        });

        it(`cannot update, delete or find division B's ${table} row by its id`, async () => {
          const { column, b } = rows[table]!;
          await asApp(settings(), async (q) => {
            expect((await q.query(`SELECT 1 FROM "${table}" WHERE id = $1`, [b])).rowCount).toBe(0);
            expect((await q.query(`UPDATE "${table}" SET "updatedAt" = now() WHERE id = $1`, [b])).rowCount).toBe(0);
            expect((await q.query(`DELETE FROM "${table}" WHERE id = $1`, [b])).rowCount).toBe(0);
          });
          // …and nothing changed underneath.
          expect((await client.query(`SELECT "${column}" AS d FROM "${table}" WHERE id = $1`, [b])).rows[0]?.d).toBe(ids.b);
        });

        it(`cannot move its own ${table} row into division B`, async () => {
          const { column, a } = rows[table]!;
          await expect(
            asApp(settings(), (q) => q.query(`UPDATE "${table}" SET "${column}" = $1 WHERE id = $2`, [ids.b, a])),
          ).rejects.toThrow(/row-level security/);
        });
      }

      it("cannot insert a situation entry for division B", async () => {
        await expect(
          asApp(settings(), (q) =>
            q.query(
              `INSERT INTO "SituationEntry" (id, "divisionId", "observedOn", environment, "activityType", source, reliability, "genderPerspective", description, "createdById", "updatedAt")
               SELECT gen_random_uuid(), $1, now(), 'RIGHT_WING', 'PROPAGANDA', 'SCHOOL', 'POSSIBLE', '-', '-', "createdById", now() FROM "SituationEntry" LIMIT 1`,
              [ids.b],
            ),
          ),
        ).rejects.toThrow(/row-level security|violates/);
      });
    });
  }

  it("shows nothing at all when the transaction carries no settings (fails closed)", async () => {
    for (const table of ALL_PROTECTED) {
      const count = await asApp(null, async (q) => Number((await q.query(`SELECT count(*) FROM "${table}"`)).rows[0].count));
      expect(count, table).toBe(0);
    }
  });

  it("shows nothing for a division head whose division list is empty", async () => {
    for (const table of DIVISION_TABLES) {
      const seen = await asApp({ role: "DIVISION_HEAD", divisionIds: [] }, (q) => visibleIds(q, table, rows[table]!.column));
      expect(seen.size, table).toBe(0);
    }
  });

  it("lets the coordinator see every division", async () => {
    for (const table of DIVISION_TABLES) {
      const seen = await asApp({ role: "COORDINATOR", divisionIds: [] }, (q) => visibleIds(q, table, rows[table]!.column));
      expect(seen.has(ids.a) && seen.has(ids.b), table).toBe(true);
    }
  });

  it("never shows the situation picture to an observer or an IT administrator", async () => {
    for (const role of ["OBSERVER", "ADMIN"]) {
      for (const table of ["SituationEntry", "ContactLogEntry", "_SituationReportEntries"]) {
        const count = await asApp({ role, divisionIds: [ids.a] }, async (q) => Number((await q.query(`SELECT count(*) FROM "${table}"`)).rows[0].count));
        expect(count, `${role} ${table}`).toBe(0);
      }
    }
    const titles = await asApp({ role: "OBSERVER", divisionIds: [] }, async (q) => (await q.query(`SELECT title FROM "SituationReport"`)).rows.map((r: { title: string }) => r.title));
    expect(titles).toEqual(["Klar"]);
    const adminReports = await asApp({ role: "ADMIN", divisionIds: [] }, async (q) => (await q.query(`SELECT 1 FROM "SituationReport"`)).rowCount);
    expect(adminReports).toBe(0);
  });

  it("lets an observer read division work for aggregates but never change it", async () => {
    const observer = { role: "OBSERVER", divisionIds: [] };
    expect((await asApp(observer, (q) => visibleIds(q, "TrainingNeed", "divisionId"))).size).toBe(2);
    expect(await asApp(observer, async (q) => (await q.query(`UPDATE "TrainingNeed" SET headcount = 1`)).rowCount)).toBe(0);
    expect(await asApp(observer, async (q) => (await q.query(`DELETE FROM "Measure"`)).rowCount)).toBe(0);
  });

  it("shows network-wide action items to network members but not to division heads", async () => {
    const count = (role: string) =>
      asApp({ role, divisionIds: [ids.a] }, async (q) => Number((await q.query(`SELECT count(*) FROM "ActionItem" WHERE "divisionId" IS NULL`)).rows[0].count));
    expect(await count("NETWORK_MEMBER")).toBe(1);
    expect(await count("DIVISION_HEAD")).toBe(0);
  });
});
