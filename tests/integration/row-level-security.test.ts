// The database's own wall: with the application's checks bypassed entirely — raw SQL as the
// app role, with only the transaction settings the access layer would set — every role may
// do to a table exactly what the permission table (lib/access/permissions.ts) grants it, per
// command (SELECT / INSERT / UPDATE / DELETE) and per division (its own / another one).
// The expected outcome of every case is computed from the permission table, so a policy and
// the table can't drift apart without this test failing.
import pg from "pg";
import { asApp as asAppOn } from "@/tests/setup/as-app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { ROLES, scopeFor, type Action, type Resource, type Role } from "@/lib/access/permissions";
import {
  createActionItem, createDivision, createLegalBasis, createMeasure, createSituationEntry, createSituationReport,
  createSituationReportCitation, createSituationReportShare, createStaffCategory, createTrainingNeed, createUser, daysFromNow,
} from "@/prisma/factories";

type Settings = { role: string; divisionIds: string[]; userId?: string } | null;

let client: pg.Client;

const asApp = <T>(settings: Settings, work: (q: pg.Client) => Promise<T>) => asAppOn(client, settings, work);

const ids = { a: "", b: "" };
/** One user per role; division heads and network members belong to division A. */
const users = {} as Record<Role, string>;
const viewerOf = (role: Role): Settings => ({
  role,
  divisionIds: role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [ids.a] : [],
  userId: users[role],
});

type Command = "SELECT" | "INSERT" | "UPDATE" | "DELETE";
const COMMANDS: Command[] = ["SELECT", "INSERT", "UPDATE", "DELETE"];
type Target = "own" | "other" | "network";

/**
 * A division-scoped table as the test sees it: which permission governs each command, and
 * one row per target (own = division A, other = division B, network = no division). `fresh`
 * turns a row into a new one that can be inserted (new id, unique columns moved aside).
 */
type TableCase = {
  table: string;
  permission: Record<Command, [Resource, Action]>;
  rows: Partial<Record<Target, string>>;
  fresh?: (row: Record<string, unknown>) => Record<string, unknown>;
};

const crud = (resource: Resource): Record<Command, [Resource, Action]> => ({
  SELECT: [resource, "read"], INSERT: [resource, "create"], UPDATE: [resource, "update"], DELETE: [resource, "delete"],
});

const cases: TableCase[] = [];
const extra = { cycle2: "", event2: "", spareUser: "" };

/** Whether `role` may run `command` on a row of `target` according to the permission table. */
function expected(role: Role, c: TableCase, command: Command, target: Target): boolean {
  // Observers get counts only: no row of a division's records, whatever `aggregates` grants.
  if (role === "OBSERVER" && c.permission[command][0] === "aggregates") return false;
  const scope = scopeFor(role, ...c.permission[command]);
  if (scope === "all") return true;
  if (scope === "own") {
    if (target === "own") return true;
    // Network-wide action items (no division) belong to the whole network (lib/server/access/scope.ts).
    return target === "network" && c.table === "ActionItem" && role === "NETWORK_MEMBER";
  }
  return false; // "final": the fixture rows are unfinished; finished rows are tested below
}

type Outcome = boolean | string;

async function attempt(role: Role, c: TableCase, command: Command, rowId: string): Promise<Outcome> {
  const template = command === "INSERT"
    ? (await client.query(`SELECT to_jsonb(t) AS row FROM "${c.table}" t WHERE id = $1`, [rowId])).rows[0].row as Record<string, unknown>
    : null;
  const viewer = viewerOf(role);
  try {
    return await asApp(viewer, async (q) => {
      switch (command) {
        case "SELECT":
          return (await q.query(`SELECT 1 FROM "${c.table}" WHERE id = $1`, [rowId])).rowCount === 1;
        case "UPDATE":
          return (await q.query(`UPDATE "${c.table}" SET id = id WHERE id = $1`, [rowId])).rowCount === 1;
        case "DELETE":
          return (await q.query(`DELETE FROM "${c.table}" WHERE id = $1`, [rowId])).rowCount === 1;
        case "INSERT": {
          const row = { ...template!, id: crypto.randomUUID(), ...(c.fresh?.(template!) ?? {}) };
          if ("createdById" in row) row.createdById = viewer!.userId;
          await q.query(`INSERT INTO "${c.table}" SELECT * FROM jsonb_populate_record(null::"${c.table}", $1::jsonb)`, [row]);
          return true;
        }
      }
    });
  } catch (error) {
    // A refusal by a policy is a "no"; any other error is a broken test and must show.
    const message = String((error as Error).message);
    return /row-level security/.test(message) ? false : `error: ${message}`;
  }
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
  const x = ownerDb();
  ids.a = (await createDivision(x)).id;
  ids.b = (await createDivision(x)).id;
  for (const role of ROLES) users[role] = (await createUser(x, { role })).id;
  extra.spareUser = (await createUser(x, { role: "NETWORK_MEMBER" })).id;
  const author = users.COORDINATOR;
  const category = (await createStaffCategory(x)).id;
  const both = async <T extends { id: string }>(make: (division: string) => Promise<T>) => ({
    own: (await make(ids.a)).id,
    other: (await make(ids.b)).id,
  });

  cases.push({
    table: "SituationEntry", permission: crud("situationEntry"),
    rows: await both((d) => createSituationEntry(x, { divisionId: d, createdById: author })),
  });
  cases.push({
    table: "ContactLogEntry", permission: crud("contactLog"),
    rows: await both((d) => x.contactLogEntry.create({ data: { divisionId: d, contactedOn: daysFromNow(-1), channel: "PHONE", requester: "RELATIVE", createdById: author } })),
  });
  cases.push({
    table: "TrainingNeed", permission: crud("trainingNeed"),
    rows: await both((d) => createTrainingNeed(x, { divisionId: d, staffCategoryId: category, createdById: author })),
  });
  cases.push({
    table: "Measure", permission: crud("measure"),
    rows: await both((d) => createMeasure(x, { ownerDivisionId: d })),
  });
  const cycle = await x.followUpCycle.create({ data: { title: "T", year: 2026, periodStart: daysFromNow(-100), periodEnd: daysFromNow(100), dueDate: daysFromNow(10) } });
  extra.cycle2 = (await x.followUpCycle.create({ data: { title: "T2", year: 2026, periodStart: daysFromNow(-100), periodEnd: daysFromNow(100), dueDate: daysFromNow(10) } })).id;
  const followUps = await both((d) => x.followUp.create({ data: { cycleId: cycle.id, divisionId: d, status: "SUBMITTED" } }));
  cases.push({ table: "FollowUp", permission: crud("followUp"), rows: followUps, fresh: () => ({ cycleId: extra.cycle2 }) });
  // A follow-up's lines are written by whoever may update the follow-up.
  const itemOf = (followUpId: string) => x.followUpItem.create({ data: { followUpId, comment: "Rad" } });
  cases.push({
    table: "FollowUpItem",
    permission: { SELECT: ["followUp", "read"], INSERT: ["followUp", "update"], UPDATE: ["followUp", "update"], DELETE: ["followUp", "update"] },
    rows: { own: (await itemOf(followUps.own)).id, other: (await itemOf(followUps.other)).id },
  });
  const event = await x.trainingEvent.create({ data: { title: "E", level: "BASIC", startsAt: daysFromNow(5), provider: "P", capacity: 10 } });
  extra.event2 = (await x.trainingEvent.create({ data: { title: "E2", level: "BASIC", startsAt: daysFromNow(6), provider: "P", capacity: 10 } })).id;
  cases.push({
    // A division's head-counts at a training event (network members write them only with the
    // competence-development responsibility, which the fixture's member holds; without it below).
    table: "TrainingAttendance", permission: crud("trainingAttendance"),
    rows: await both((d) => x.trainingAttendance.create({ data: { eventId: event.id, divisionId: d, registered: 3 } })),
    fresh: () => ({ eventId: extra.event2 }),
  });
  cases.push({
    table: "ActionItem", permission: crud("actionItem"),
    rows: {
      ...(await both((d) => createActionItem(x, { ownerId: author, divisionId: d }))),
      network: (await createActionItem(x, { ownerId: author, divisionId: null, title: "Nätverksgemensam" })).id,
    },
  });
  cases.push({
    table: "NetworkMembership", permission: crud("networkMeeting"),
    rows: await both((d) => x.networkMembership.create({ data: { userId: users.NETWORK_MEMBER, divisionId: d, responsibilities: ["COMPETENCE_DEVELOPMENT"] } })),
    fresh: () => ({ userId: extra.spareUser }),
  });
});

afterAll(async () => {
  await client?.end();
});

describe("row-level security mirrors the permission table per role, command and division", () => {
  const TABLES = ["SituationEntry", "ContactLogEntry", "TrainingNeed", "Measure", "FollowUp", "FollowUpItem", "TrainingAttendance", "ActionItem", "NetworkMembership"];
  for (const table of TABLES) {
    it(`${table}: every role × command × own/other division as the permission table says`, async () => {
      const c = cases.find((t) => t.table === table)!;
      const want: Record<string, Outcome> = {};
      const got: Record<string, Outcome> = {};
      for (const role of ROLES) {
        for (const command of COMMANDS) {
          for (const [target, rowId] of Object.entries(c.rows) as [Target, string][]) {
            const key = `${role} ${command} ${target}`;
            want[key] = expected(role, c, command, target);
            got[key] = await attempt(role, c, command, rowId);
          }
        }
      }
      expect(got).toEqual(want);
    });
  }

  it("can't be fooled into moving a row to a division the role may not write", async () => {
    const measure = cases.find((t) => t.table === "Measure")!;
    await expect(
      asApp(viewerOf("DIVISION_HEAD"), (q) => q.query(`UPDATE "Measure" SET "ownerDivisionId" = $1 WHERE id = $2`, [ids.b, measure.rows.own])),
    ).rejects.toThrow(/row-level security/);
  });

  it("lets only the coordinator mark a situation entry reviewed", async () => {
    const entry = cases.find((t) => t.table === "SituationEntry")!.rows.own!;
    const review = (role: Role) =>
      asApp(viewerOf(role), async (q) =>
        (await q.query(`UPDATE "SituationEntry" SET status = 'REVIEWED', "reviewedAt" = now() WHERE id = $1`, [entry])).rowCount);
    await expect(review("NETWORK_MEMBER")).rejects.toThrow(/row-level security/);
    expect(await review("DIVISION_HEAD")).toBe(0);
    expect(await review("COORDINATOR")).toBe(1);
    // A member still submits its own draft …
    const member = (sql: string) => asApp(viewerOf("NETWORK_MEMBER"), async (q) => (await q.query(sql, [entry])).rowCount);
    expect(await member(`UPDATE "SituationEntry" SET status = 'SUBMITTED' WHERE id = $1`)).toBe(1);
    // … but a submitted or reviewed one waits for the coordinator: the member can neither
    // change nor delete it (migration situation_entry_workflow_and_search).
    for (const status of ["SUBMITTED", "REVIEWED", "ARCHIVED"]) {
      await client.query(`UPDATE "SituationEntry" SET status = $2::"SituationEntryStatus" WHERE id = $1`, [entry, status]);
      expect(await member(`UPDATE "SituationEntry" SET description = 'x' WHERE id = $1`), status).toBe(0);
      expect(await member(`UPDATE "SituationEntry" SET status = 'DRAFT' WHERE id = $1`), status).toBe(0);
      expect(await member(`DELETE FROM "SituationEntry" WHERE id = $1`), status).toBe(0);
    }
    await client.query(`UPDATE "SituationEntry" SET status = 'DRAFT' WHERE id = $1`, [entry]);
  });

  it("keeps the full-text vector of a situation entry in step with its text (Swedish stemming)", async () => {
    const entry = cases.find((t) => t.table === "SituationEntry")!.rows.other!;
    await client.query(`UPDATE "SituationEntry" SET description = 'Flygblad delades ut vid skolorna' WHERE id = $1`, [entry]);
    const found = await client.query(`SELECT id FROM "SituationEntry" WHERE search @@ websearch_to_tsquery('swedish', 'skola flygblad') AND id = $1`, [entry]);
    expect(found.rowCount).toBe(1);
  });

  it("lets only the coordinator mark a follow-up reviewed; a division head submits its own", async () => {
    const followUp = cases.find((t) => t.table === "FollowUp")!.rows.own!;
    const set = (role: Role, status: string) =>
      asApp(viewerOf(role), async (q) => (await q.query(`UPDATE "FollowUp" SET status = $2::"FollowUpStatus" WHERE id = $1`, [followUp, status])).rowCount);
    await expect(set("DIVISION_HEAD", "REVIEWED")).rejects.toThrow(/row-level security/);
    expect(await set("DIVISION_HEAD", "DRAFT")).toBe(1);
    expect(await set("COORDINATOR", "REVIEWED")).toBe(1);
  });

  it("lets a network member create an entry only in its own name", async () => {
    const template = (await client.query(`SELECT to_jsonb(t) AS row FROM "SituationEntry" t WHERE id = $1`, [cases[0]!.rows.own])).rows[0].row;
    const insert = (createdById: string) =>
      asApp(viewerOf("NETWORK_MEMBER"), (q) =>
        q.query(`INSERT INTO "SituationEntry" SELECT * FROM jsonb_populate_record(null::"SituationEntry", $1::jsonb)`, [
          { ...template, id: crypto.randomUUID(), createdById },
        ]));
    await expect(insert(users.COORDINATOR)).rejects.toThrow(/row-level security/);
    await expect(insert(users.NETWORK_MEMBER)).resolves.toBeDefined();
  });
});

describe("situation reports: the coordinator's; observers read finished ones", () => {
  const reports = { draft: "", final: "" };
  beforeAll(async () => {
    reports.final = (await ownerDb().situationReport.create({ data: { title: "Klar", periodStart: daysFromNow(-60), periodEnd: daysFromNow(-30), status: "FINAL" } })).id;
    reports.draft = (await ownerDb().situationReport.create({ data: { title: "Utkast", periodStart: daysFromNow(-30), periodEnd: daysFromNow(-1) } })).id;
    for (const reportId of [reports.draft, reports.final]) {
      await ownerDb().situationReportSection.create({ data: { reportId, environment: "RIGHT_WING", summary: "S" } });
    }
  });

  it("SituationReport: every role × command on a draft and a final report", async () => {
    const want: Record<string, Outcome> = {};
    const got: Record<string, Outcome> = {};
    const c: TableCase = { table: "SituationReport", permission: crud("situationReport"), rows: {} };
    for (const role of ROLES) {
      for (const command of COMMANDS) {
        for (const [kind, id] of Object.entries(reports)) {
          const scope = scopeFor(role, ...c.permission[command]);
          // A FINAL report is frozen: nobody updates or deletes it, not even the coordinator.
          const frozen = (command === "UPDATE" || command === "DELETE") && kind === "final";
          want[`${role} ${command} ${kind}`] = !frozen && (scope === "all" || (scope === "final" && kind === "final"));
          got[`${role} ${command} ${kind}`] = await attempt(role, c, command, id);
        }
      }
    }
    expect(got).toEqual(want);
  });

  it("SituationReportSection: read with the report, written by the coordinator only", async () => {
    for (const role of ROLES) {
      const visible = await asApp(viewerOf(role), async (q) => (await q.query(`SELECT "reportId" FROM "SituationReportSection"`)).rows.map((r: { reportId: string }) => r.reportId).sort());
      const may = scopeFor(role, "situationReport", "read");
      expect(visible, role).toEqual(may === "all" ? [reports.draft, reports.final].sort() : may === "final" ? [reports.final] : []);
      const updated = await asApp(viewerOf(role), async (q) => (await q.query(`UPDATE "SituationReportSection" SET summary = 'x'`)).rowCount);
      expect(updated, role).toBe(scopeFor(role, "situationReport", "update") === "all" ? 2 : 0);
    }
  });

  it("_SituationReportEntries (which entries a report is built from): the coordinator's only", async () => {
    const entry = cases[0]!.rows.own!;
    await client.query(`INSERT INTO "_SituationReportEntries" ("A", "B") VALUES ($1, $2)`, [entry, reports.draft]);
    for (const role of ROLES) {
      const count = await asApp(viewerOf(role), async (q) => (await q.query(`SELECT 1 FROM "_SituationReportEntries"`)).rowCount);
      expect(count, role).toBe(role === "COORDINATOR" ? 1 : 0);
    }
  });
});

describe("a report's frozen entries, its sharing records and the legal-basis list: the coordinator's", () => {
  const rows = { draft: "", final: "", citation: "", basis: "", spare: "", share: "" };
  beforeAll(async () => {
    const x = ownerDb();
    rows.draft = (await createSituationReport(x)).id;
    rows.final = (await createSituationReport(x, { status: "FINAL" })).id;
    rows.citation = (await createSituationReportCitation(x, { reportId: rows.final })).id;
    rows.basis = (await createLegalBasis(x)).id;
    rows.spare = (await createLegalBasis(x)).id;
    rows.share = (await createSituationReportShare(x, { reportId: rows.final, legalBasisId: rows.basis, sharedById: users.COORDINATOR })).id;
  });

  const count = (role: Role, table: string) =>
    asApp(viewerOf(role), async (q) => Number((await q.query(`SELECT count(*) FROM "${table}"`)).rows[0].count));
  const rowCount = (role: Role, sql: string, params: unknown[]) =>
    asApp(viewerOf(role), async (q) => (await q.query(sql, params)).rowCount).catch((e: Error) => (/row-level security/.test(e.message) ? "refused" : `error: ${e.message}`));

  it("SituationReportCitation: read by the coordinator only, added only to a draft, never changed or removed", async () => {
    const template = { reportId: rows.draft, entryId: crypto.randomUUID(), divisionName: "D", observedOn: "2031-01-01", environment: "RIGHT_WING", activityType: "PROPAGANDA", source: "POLICE", reliability: "PROBABLE", genderPerspective: "G", description: "B" };
    const insert = (role: Role, reportId: string) =>
      rowCount(role, `INSERT INTO "SituationReportCitation" SELECT * FROM jsonb_populate_record(null::"SituationReportCitation", $1::jsonb)`, [{ ...template, id: crypto.randomUUID(), reportId }]);
    for (const role of ROLES) {
      const coordinator = role === "COORDINATOR";
      expect(await count(role, "SituationReportCitation"), role).toBe(coordinator ? 1 : 0);
      expect(await insert(role, rows.draft), role).toBe(coordinator ? 1 : "refused");
      expect(await insert(role, rows.final), role).toBe("refused");
      expect(await rowCount(role, `UPDATE "SituationReportCitation" SET description = 'x' WHERE id = $1`, [rows.citation]), role).toBe(0);
      expect(await rowCount(role, `DELETE FROM "SituationReportCitation" WHERE id = $1`, [rows.citation]), role).toBe(0);
    }
  });

  it("SituationReportShare: recorded by the coordinator in their own name on a final report only; never changed or removed", async () => {
    const share = (reportId: string, sharedById: string) => ({ id: crypto.randomUUID(), reportId, recipient: "Polisen", sharedOn: "2031-01-02", sharedById, sharedByName: "S", legalBasisId: rows.basis, legalBasisLabel: "L", note: "", createdAt: new Date().toISOString() });
    const insert = (role: Role, row: object) =>
      rowCount(role, `INSERT INTO "SituationReportShare" SELECT * FROM jsonb_populate_record(null::"SituationReportShare", $1::jsonb)`, [row]);
    for (const role of ROLES) {
      const coordinator = role === "COORDINATOR";
      expect(await count(role, "SituationReportShare"), role).toBe(coordinator ? 1 : 0);
      expect(await insert(role, share(rows.final, users[role])), role).toBe(coordinator ? 1 : "refused");
      expect(await rowCount(role, `UPDATE "SituationReportShare" SET recipient = 'x' WHERE id = $1`, [rows.share]), role).toBe(0);
      expect(await rowCount(role, `DELETE FROM "SituationReportShare" WHERE id = $1`, [rows.share]), role).toBe(0);
    }
    expect(await insert("COORDINATOR", share(rows.draft, users.COORDINATOR))).toBe("refused");
    expect(await insert("COORDINATOR", share(rows.final, users.OBSERVER))).toBe("refused");
  });

  it("LegalBasis: every command the coordinator's alone, as the permission table says", async () => {
    const commands: [Action, string, unknown[]][] = [
      ["read", `SELECT 1 FROM "LegalBasis" WHERE id = $1`, [rows.basis]],
      ["create", `INSERT INTO "LegalBasis" (id, label, "updatedAt") VALUES ($1, $2, now())`, [crypto.randomUUID(), `Grund ${crypto.randomUUID()}`]],
      ["update", `UPDATE "LegalBasis" SET note = 'x' WHERE id = $1`, [rows.basis]],
      ["delete", `DELETE FROM "LegalBasis" WHERE id = $1`, [rows.spare]],
    ];
    for (const role of ROLES) {
      for (const [action, sql, params] of commands) {
        const allowed = scopeFor(role, "legalBasis", action) === "all";
        const got = await rowCount(role, sql, params);
        const want = allowed ? 1 : action === "create" ? "refused" : 0;
        expect(got, `${role} ${action}`).toBe(want);
      }
    }
  });
});

describe("observers: counts only", () => {
  it("get no rows of any division table, and figures only through the aggregate function", async () => {
    for (const table of ["SituationEntry", "ContactLogEntry", "TrainingNeed", "Measure", "TrainingAttendance", "ActionItem", "FollowUp", "FollowUpItem", "RecommendationMeasure"]) {
      const count = await asApp(viewerOf("OBSERVER"), async (q) => Number((await q.query(`SELECT count(*) FROM "${table}"`)).rows[0].count));
      expect(count, table).toBe(0);
    }
    const figures = await asApp(viewerOf("OBSERVER"), async (q) =>
      (await q.query(`SELECT * FROM varna_aggregate_figures(current_date)`)).rows as { metric: string; value: string | null }[]);
    expect(Object.keys(figures[0]!).sort()).toEqual(["metric", "value"]);
    // Two open training needs and two active measures exist: below 5, so suppressed.
    expect(figures.find((f) => f.metric === "openTrainingNeeds")?.value).toBeNull();
    expect(figures.find((f) => f.metric === "suppressionThreshold")?.value).toBe("5");
  });

  it("read no follow-up, approved or not, nor its lines: follow-ups as counts per cycle only (decision 021)", async () => {
    const followUp = cases.find((t) => t.table === "FollowUp")!.rows.other!;
    const seen = () => asApp(viewerOf("OBSERVER"), async (q) => [
      (await q.query(`SELECT 1 FROM "FollowUp" WHERE id = $1`, [followUp])).rowCount,
      (await q.query(`SELECT 1 FROM "FollowUpItem" WHERE "followUpId" = $1`, [followUp])).rowCount,
    ]);
    expect(await seen()).toEqual([0, 0]);
    await client.query(`UPDATE "FollowUp" SET status = 'REVIEWED', assessment = 'ON_TRACK' WHERE id = $1`, [followUp]);
    try {
      expect(await seen()).toEqual([0, 0]);
      // The approved one is in the cycle's figures, below the threshold: NULL for the observer.
      const cycleOf = (await client.query(`SELECT "cycleId" FROM "FollowUp" WHERE id = $1`, [followUp])).rows[0].cycleId as string;
      const values = await asApp(viewerOf("OBSERVER"), async (q) =>
        (await q.query(`SELECT figure, value FROM varna_follow_up_figures() WHERE cycle_id = $1`, [cycleOf])).rows as { figure: string; value: string | null }[]);
      expect(Object.fromEntries(values.map((v) => [v.figure, v.value]))).toEqual({
        followUps: null, reviewed: null, notReviewed: null, onTrack: null, atRisk: null, offTrack: null, unassessed: null,
      });
    } finally {
      await client.query(`UPDATE "FollowUp" SET status = 'SUBMITTED', assessment = NULL WHERE id = $1`, [followUp]);
    }
  });

  it("count the measures answering a recommendation only through the count function, small counts NULL", async () => {
    const measure = cases.find((t) => t.table === "Measure")!.rows.other!;
    const recommendation = (await client.query(`INSERT INTO "Recommendation" (id, number, title, "updatedAt") VALUES (gen_random_uuid(), 9901, 'R', now()) RETURNING id`)).rows[0].id as string;
    await client.query(`INSERT INTO "RecommendationMeasure" ("recommendationId", "measureId") VALUES ($1, $2)`, [recommendation, measure]);
    try {
      const links = await asApp(viewerOf("OBSERVER"), async (q) => (await q.query(`SELECT 1 FROM "RecommendationMeasure" WHERE "recommendationId" = $1`, [recommendation])).rowCount);
      expect(links).toBe(0);
      const count = (role: Role) => asApp(viewerOf(role), async (q) =>
        (await q.query(`SELECT measures FROM varna_recommendation_measure_counts() WHERE recommendation_id = $1`, [recommendation])).rows[0]?.measures as string | null);
      expect(await count("OBSERVER")).toBeNull();
      expect(await count("COORDINATOR")).toBe("1");
      for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER", "ADMIN"] as Role[]) {
        await expect(count(role), role).rejects.toThrow(/Åtkomst nekad/);
      }
    } finally {
      await client.query(`DELETE FROM "Recommendation" WHERE id = $1`, [recommendation]);
    }
  });

  it("refuses the aggregate functions to roles without municipality-wide figures", async () => {
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER", "ADMIN"] as Role[]) {
      await expect(asApp(viewerOf(role), (q) => q.query(`SELECT * FROM varna_aggregate_figures(current_date)`)), role).rejects.toThrow(/Åtkomst nekad/);
      await expect(asApp(viewerOf(role), (q) => q.query(`SELECT * FROM varna_follow_up_figures()`)), role).rejects.toThrow(/Åtkomst nekad/);
    }
  });
});

describe("the audit trail names only the transaction's own user", () => {
  const insert = (actorId: string | null, actorRole: string | null) =>
    (q: pg.Client) => q.query(`INSERT INTO "AuditEvent" ("actorId", "actorRole", action, "entityType") VALUES ($1, $2::"Role", 'test', 'Test')`, [actorId, actorRole]);

  it("accepts an event in the viewer's own name, for every role", async () => {
    for (const role of ROLES) await expect(asApp(viewerOf(role), insert(users[role], role)), role).resolves.toBeDefined();
  });

  it("refuses an event naming another user, another role, or nobody", async () => {
    await expect(asApp(viewerOf("DIVISION_HEAD"), insert(users.COORDINATOR, "COORDINATOR"))).rejects.toThrow(/row-level security/);
    await expect(asApp(viewerOf("DIVISION_HEAD"), insert(users.DIVISION_HEAD, "COORDINATOR"))).rejects.toThrow(/row-level security/);
    await expect(asApp(viewerOf("DIVISION_HEAD"), insert(null, null))).rejects.toThrow(/row-level security/);
    await expect(asApp(null, insert(null, null))).rejects.toThrow(/row-level security/);
  });

  it("keeps the owner's sign-in events (written outside withViewer) working", async () => {
    await expect(client.query(`INSERT INTO "AuditEvent" ("actorId", "actorRole", action, "entityType") VALUES (NULL, NULL, 'auth.signIn.failed', 'User')`)).resolves.toBeDefined();
  });

  it("hides the rate limit, the verification checkpoint and the chain's head from the app role", async () => {
    for (const table of ["AuditThrottle", "AuditCheckpoint", "AuditChainHead"]) {
      await expect(asApp(viewerOf("COORDINATOR"), (q) => q.query(`SELECT 1 FROM "${table}"`)), table).rejects.toThrow(/permission denied/);
    }
  });
});

describe("failing closed", () => {
  const ALL_PROTECTED = ["SituationEntry", "SituationEntryMonthCount", "ContactLogEntry", "TrainingNeed", "Measure", "FollowUp", "FollowUpItem", "TrainingAttendance", "ActionItem", "NetworkMembership", "SituationReport", "SituationReportSection", "_SituationReportEntries", "SituationReportCitation", "SituationReportShare", "LegalBasis", "AuditEvent"];

  it("shows nothing at all when the transaction carries no settings", async () => {
    for (const table of ALL_PROTECTED) {
      const count = await asApp(null, async (q) => Number((await q.query(`SELECT count(*) FROM "${table}"`)).rows[0].count));
      expect(count, table).toBe(0);
    }
  });

  it("shows no division's rows to a division head whose division list is empty", async () => {
    for (const table of ["SituationEntry", "ContactLogEntry", "TrainingNeed", "Measure", "FollowUp", "ActionItem"]) {
      const count = await asApp({ role: "DIVISION_HEAD", divisionIds: [], userId: users.DIVISION_HEAD }, async (q) => Number((await q.query(`SELECT count(*) FROM "${table}"`)).rows[0].count));
      expect(count, table).toBe(0);
    }
  });
});
