// Issue 16: merging two divisions moves every record that has a division. The tables are
// listed here from the database catalog — independently of the merge's own reading of it —
// so a table another module adds cannot be forgotten: the fixture must make a row of it in
// the division that ends (SOURCE_ROWS), and the merge must move it.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Catalog work and several transactions per test, on a shared two-core machine.
vi.setConfig({ testTimeout: 180_000 });
import { type Db } from "@/lib/server/db";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import type { Role } from "@/lib/access/permissions";
import { AccessDeniedError, DomainRuleError } from "@/lib/server/errors";
import { mergeDivisions, previewMerge, MERGE_DERIVED, MERGE_KEEPS } from "@/lib/server/organisation/merge-divisions";
import { inactiveDivisionsOf } from "@/lib/server/organisation/options";
import { listSituationEntries } from "@/lib/server/situation/list-entries";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import { seed } from "@/prisma/seed/index";
import {
  createActionItem, createContactLogEntry, createDivision, createFollowUp, createFollowUpCycle, createFollowUpItem, createGrantRequest, createMeasure,
  createNetworkMembership, createSituationEntry, createStaffCategory, createTrainingAttendance, createTrainingEvent, createTrainingNeed,
  createUser,
} from "@/prisma/factories";

const viewerOf = (user: { id: string; name: string; email: string; role: Role }, divisionIds: string[] = []): Viewer => ({
  id: user.id, name: user.name, email: user.email, role: user.role, divisionIds,
});

type Column = { table: string; column: string; isArray: boolean };

/** Every column that holds a division: named like one (uuid or uuid[]) or a foreign key to "Division". */
async function divisionColumns(): Promise<Column[]> {
  return ownerDb().$queryRaw<Column[]>`
    SELECT c.relname::text AS "table", a.attname::text AS "column", (a.atttypid = 'uuid[]'::regtype) AS "isArray"
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p')
      AND (a.attname ILIKE '%divisionid' OR a.attname ILIKE '%divisionids'
           OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f'
                        AND k.confrelid = to_regclass('"Division"') AND a.attnum = ANY (k.conkey)))
    ORDER BY 1, 2`;
}

async function countAt(col: Column, divisionId: string): Promise<number> {
  const where = col.isArray ? `$1::uuid = ANY ("${col.column}")` : `"${col.column}" = $1::uuid`;
  const rows = await ownerDb().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${col.table}" WHERE ${where}`, divisionId);
  return rows[0]!.n;
}

type Context = { author: string; staffCategoryId: string; cycleId: string; eventId: string; member: string; twoDivisionMember: string };

/**
 * One row in the division that ends for every table with a division column. A module that
 * adds such a table adds its line here (the test below fails until it does).
 */
const SOURCE_ROWS: Record<string, (x: Db, source: string, c: Context) => Promise<unknown>> = {
  SituationEntry: (x, d, c) => createSituationEntry(x, { divisionId: d, createdById: c.author, description: "Flyttas vid sammanslagning" }),
  ContactLogEntry: (x, d, c) => createContactLogEntry(x, { divisionId: d, createdById: c.author }),
  TrainingNeed: (x, d, c) => createTrainingNeed(x, { divisionId: d, staffCategoryId: c.staffCategoryId, createdById: c.author }),
  TrainingAttendance: (x, d, c) => createTrainingAttendance(x, { divisionId: d, eventId: c.eventId }),
  Measure: (x, d) => createMeasure(x, { ownerDivisionId: d }),
  FollowUp: (x, d, c) => createFollowUp(x, { divisionId: d, cycleId: c.cycleId }),
  ActionItem: (x, d, c) => createActionItem(x, { ownerId: c.author, divisionId: d }),
  DivisionMembership: (x, d, c) => x.divisionMembership.create({ data: { userId: c.member, divisionId: d } }),
  NetworkMembership: (x, d, c) => createNetworkMembership(x, { userId: c.member, divisionId: d }),
  GrantRequest: (x, d, c) => createGrantRequest(x, { userId: c.member, requestedById: c.author, divisionIds: [d] }),
  _TrainingEventDivisions: (x, d, c) => x.trainingEvent.update({ where: { id: c.eventId }, data: { targetDivisions: { connect: { id: d } } } }),
  AuditEvent: (x, d) => x.auditEvent.create({ data: { occurredAt: new Date(), action: "test.event", entityType: "Test", divisionId: d } }),
  // Kept by the database from the SituationEntry row above (MERGE_DERIVED): nothing to make.
  SituationEntryMonthCount: async () => undefined,
};

let coordinator: Viewer;
let context: Context;

beforeAll(async () => {
  const x = ownerDb();
  coordinator = viewerOf(await createUser(x, { role: "COORDINATOR" }));
  context = {
    author: coordinator.id,
    staffCategoryId: (await createStaffCategory(x)).id,
    cycleId: (await createFollowUpCycle(x)).id,
    eventId: (await createTrainingEvent(x)).id,
    member: (await createUser(x, { role: "NETWORK_MEMBER" })).id,
    twoDivisionMember: (await createUser(x, { role: "DIVISION_HEAD" })).id,
  };
});

describe("merging two divisions", () => {
  it("moves every record of every table with a division column (from the catalog), in one audited change", async () => {
    const x = ownerDb();
    const source = await createDivision(x, { name: "Kultur", code: "KUL", isCoordinating: true });
    const target = await createDivision(x, { name: "Kultur och fritid (ny)", code: "KOF2" });
    const columns = await divisionColumns();
    const tables = [...new Set(columns.map((c) => c.table))];
    const missing = tables.filter((t) => !SOURCE_ROWS[t]);
    expect(missing, "add a row of each new table with a division column to SOURCE_ROWS").toEqual([]);
    for (const table of tables) await SOURCE_ROWS[table]!(x, source.id, context);
    // Rows the surviving division has too: a member of both, and its own records.
    await x.divisionMembership.create({ data: { userId: context.twoDivisionMember, divisionId: source.id } });
    await x.divisionMembership.create({ data: { userId: context.twoDivisionMember, divisionId: target.id } });
    await createMeasure(x, { ownerDivisionId: target.id });
    const before = new Map<string, [number, number]>();
    for (const col of columns) before.set(`${col.table}.${col.column}`, [await countAt(col, source.id), await countAt(col, target.id)]);
    for (const col of columns) expect(before.get(`${col.table}.${col.column}`)![0], `${col.table}.${col.column} has a source row`).toBeGreaterThan(0);

    const preview = await previewMerge(coordinator, { sourceId: source.id, targetId: target.id });
    expect(preview.conflicts).toEqual([]);
    const previewed = Object.fromEntries(preview.lines.map((l) => [`${l.table}.${l.column}`, l]));
    // The preview covers every column the catalog has, but the audit trail's (history stays).
    // Derived columns (kept by a trigger from another table) are not planned: they follow their source.
    expect(Object.keys(previewed).sort()).toEqual(columns.map((c) => `${c.table}.${c.column}`).filter((k) => !MERGE_KEEPS[k] && !MERGE_DERIVED[k]).sort());
    expect(previewed["DivisionMembership.divisionId"]).toMatchObject({ rows: 2, duplicates: 1, onDuplicate: "keepSurviving" });
    const auditBefore = await x.auditEvent.count();

    const { moved } = await mergeDivisions(coordinator, { sourceId: source.id, targetId: target.id });

    for (const col of columns) {
      const key = `${col.table}.${col.column}`;
      const [src, tgt] = before.get(key)!;
      if (MERGE_KEEPS[key]) {
        expect(await countAt(col, source.id), `${key} keeps its history`).toBe(src);
        continue;
      }
      const duplicates = MERGE_DERIVED[key] ? 0 : previewed[key]!.duplicates;
      expect(await countAt(col, source.id), `${key}: nothing left at the merged division`).toBe(0);
      expect(await countAt(col, target.id), `${key}: all at the surviving division`).toBe(src + tgt - duplicates);
    }
    expect(moved).toBe(preview.total - preview.lines.reduce((a, l) => a + (l.onDuplicate === "refuse" ? 0 : l.duplicates), 0));
    const merged = await x.division.findUniqueOrThrow({ where: { id: source.id } });
    expect(merged).toMatchObject({ active: false, isCoordinating: false });
    expect((await x.division.findUniqueOrThrow({ where: { id: target.id } })).isCoordinating).toBe(true);
    const events = await x.auditEvent.findMany({ where: { id: { gt: BigInt(0) }, action: "division.merge" }, select: { actorId: true, entityId: true, details: true } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: coordinator.id, entityId: target.id, details: { merged: { id: source.id, name: "Kultur" }, into: { id: target.id }, duplicatesRemoved: { "DivisionMembership.divisionId": 1 } } });
    expect(await x.auditEvent.count()).toBe(auditBefore + 1);
  });

  it("shows the moved records to the surviving division's head; the merged division's members are warned no more (they moved)", async () => {
    const x = ownerDb();
    const source = await createDivision(x);
    const target = await createDivision(x);
    const entry = await createSituationEntry(x, { divisionId: source.id, createdById: coordinator.id });
    const head = await createUser(x, { role: "DIVISION_HEAD", divisionIds: [target.id] });
    const headViewer = viewerOf(head, [target.id]);
    const seen = async () => (await listSituationEntries(headViewer, situationFilterSchema.parse({}))).rows.map((r) => r.id);
    expect(await seen()).not.toContain(entry.id);
    await mergeDivisions(coordinator, { sourceId: source.id, targetId: target.id });
    expect(await seen()).toContain(entry.id);
    expect(await inactiveDivisionsOf(headViewer)).toEqual([]);
  });

  it("is refused whole, with nothing changed and shown in the preview, when a record may not exist twice and cannot be folded", async () => {
    const x = ownerDb();
    const source = await createDivision(x);
    const target = await createDivision(x);
    const cycle = await createFollowUpCycle(x, { status: "OPEN" });
    const sourceFollowUp = await createFollowUp(x, { cycleId: cycle.id, divisionId: source.id });
    await createFollowUp(x, { cycleId: cycle.id, divisionId: target.id });
    const measure = await createMeasure(x, { ownerDivisionId: source.id });
    // A table another module might add: one row per division and key, not in DUPLICATES_KEEP_SURVIVING
    // nor DUPLICATES_FOLD. Made here and dropped again, so the catalog test above stays exact.
    await x.$executeRawUnsafe(`CREATE TABLE "ZzMergeProbe" (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), "divisionId" uuid NOT NULL REFERENCES "Division"(id), key text NOT NULL, UNIQUE ("divisionId", key))`);
    try {
      await x.$executeRawUnsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON "ZzMergeProbe" TO varna_system`);
      await x.$executeRawUnsafe(`INSERT INTO "ZzMergeProbe" ("divisionId", key) VALUES ($1::uuid, 'a'), ($2::uuid, 'a')`, source.id, target.id);
      const preview = await previewMerge(coordinator, { sourceId: source.id, targetId: target.id });
      expect(preview.conflicts.map((c) => c.table)).toEqual(["ZzMergeProbe"]);
      // The follow-ups of the same cycle are no conflict: they are folded.
      expect(preview.lines.find((l) => l.table === "FollowUp")).toMatchObject({ rows: 1, duplicates: 1, onDuplicate: "fold" });
      const auditBefore = await x.auditEvent.count();
      const error = await mergeDivisions(coordinator, { sourceId: source.id, targetId: target.id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainRuleError);
      expect((error as DomainRuleError).messageKey).toBe("organisation.errors.mergeConflict");
      expect((await x.measure.findUniqueOrThrow({ where: { id: measure.id } })).ownerDivisionId).toBe(source.id);
      expect((await x.followUp.findUniqueOrThrow({ where: { id: sourceFollowUp.id } })).divisionId).toBe(source.id);
      expect((await x.division.findUniqueOrThrow({ where: { id: source.id } })).active).toBe(true);
      expect(await x.auditEvent.count()).toBe(auditBefore);
    } finally {
      await x.$executeRawUnsafe(`DROP TABLE "ZzMergeProbe"`);
    }
  });

  it("folds two follow-ups of the same cycle and the head-counts of the same event into the surviving division's, losing nothing", async () => {
    const x = ownerDb();
    const source = await createDivision(x, { name: "Fritid och idrott" });
    const target = await createDivision(x, { name: "Kultur och bibliotek" });
    const head = await createUser(x, { role: "DIVISION_HEAD", divisionIds: [target.id] });
    const category = await createStaffCategory(x);
    const other = await createStaffCategory(x);

    // An open cycle: the merged division's draft with two lines; the surviving one's approved follow-up with one.
    const open = await createFollowUpCycle(x, { status: "OPEN", title: "VT öppen" });
    const openSource = await createFollowUp(x, { cycleId: open.id, divisionId: source.id, status: "DRAFT", comment: "Fritidsgårdarna deltar.", genderPerspective: "Fler pojkar." });
    const openTarget = await createFollowUp(x, {
      cycleId: open.id, divisionId: target.id, status: "REVIEWED", assessment: "ON_TRACK", comment: "Biblioteket deltar.",
      submittedAt: new Date(), submittedById: head.id, reviewedAt: new Date(), reviewedById: coordinator.id,
    });
    const sourceMeasure = await createMeasure(x, { ownerDivisionId: source.id });
    const sourceNeed = await createTrainingNeed(x, { divisionId: source.id, staffCategoryId: category.id, createdById: coordinator.id });
    const targetMeasure = await createMeasure(x, { ownerDivisionId: target.id });
    const sourceLines = [
      await createFollowUpItem(x, { followUpId: openSource.id, measureId: sourceMeasure.id, reportedStatus: "ONGOING", assessment: "AT_RISK", comment: "Färre besökare." }),
      await createFollowUpItem(x, { followUpId: openSource.id, trainingNeedId: sourceNeed.id, assessment: "ON_TRACK" }),
    ];
    const targetLine = await createFollowUpItem(x, { followUpId: openTarget.id, measureId: targetMeasure.id, assessment: "ON_TRACK" });

    // A closed cycle: both approved; statuses stay, the merged one's comment is appended.
    const closed = await createFollowUpCycle(x, { status: "CLOSED", title: "HT stängd" });
    const closedSource = await createFollowUp(x, { cycleId: closed.id, divisionId: source.id, status: "REVIEWED", assessment: "AT_RISK", comment: "Svårt att nå unga." });
    const closedTarget = await createFollowUp(x, { cycleId: closed.id, divisionId: target.id, status: "REVIEWED", assessment: null, comment: "Bra läge." });
    const closedLine = await createFollowUpItem(x, { followUpId: closedSource.id, measureId: sourceMeasure.id, assessment: "AT_RISK", comment: "Pausad i höstas." });

    // Head-counts on the same event: staff of one category, managers (no category) — added up;
    // another category only the merged division had — moved.
    const event = await createTrainingEvent(x);
    await createTrainingAttendance(x, { eventId: event.id, divisionId: source.id, group: "STAFF", staffCategoryId: category.id, registered: 5, attended: 3 });
    await createTrainingAttendance(x, { eventId: event.id, divisionId: source.id, group: "MANAGERS", staffCategoryId: null, registered: 2, attended: 2 });
    await createTrainingAttendance(x, { eventId: event.id, divisionId: source.id, group: "STAFF", staffCategoryId: other.id, registered: 1, attended: 1 });
    await createTrainingAttendance(x, { eventId: event.id, divisionId: target.id, group: "STAFF", staffCategoryId: category.id, registered: 4, attended: 4 });
    await createTrainingAttendance(x, { eventId: event.id, divisionId: target.id, group: "MANAGERS", staffCategoryId: null, registered: 1, attended: 0 });
    const totals = async () => (await x.trainingAttendance.aggregate({ where: { eventId: event.id }, _sum: { registered: true, attended: true } }))._sum;
    const attendanceBefore = await totals();
    const linesBefore = await x.followUpItem.count();

    const preview = await previewMerge(coordinator, { sourceId: source.id, targetId: target.id });
    expect(preview.conflicts).toEqual([]);
    expect(preview.lines.find((l) => l.table === "FollowUp")).toMatchObject({ rows: 2, duplicates: 2, onDuplicate: "fold", folded: { lines: 3, reopened: 1 } });
    expect(preview.lines.find((l) => l.table === "TrainingAttendance")).toMatchObject({ rows: 3, duplicates: 2, onDuplicate: "fold" });

    const result = await mergeDivisions(coordinator, { sourceId: source.id, targetId: target.id });
    expect(result.folded).toBe(4);

    // Follow-ups: none left at the merged division; every line kept, with what the division reported.
    expect(await x.followUp.count({ where: { divisionId: source.id } })).toBe(0);
    expect(await x.followUpItem.count()).toBe(linesBefore);
    const openAfter = await x.followUp.findUniqueOrThrow({ where: { id: openTarget.id }, include: { items: true } });
    expect(openAfter.items.map((i) => i.id).sort()).toEqual([...sourceLines.map((l) => l.id), targetLine.id].sort());
    expect(openAfter.items.find((i) => i.id === sourceLines[0]!.id)).toMatchObject({ reportedStatus: "ONGOING", assessment: "AT_RISK", comment: "Färre besökare." });
    // Approved in an open cycle: back to the division, so its head reviews the moved lines.
    expect(openAfter).toMatchObject({ status: "RETURNED", assessment: "ON_TRACK", reviewedAt: null, reviewedById: null, version: openTarget.version + 1 });
    expect(openAfter.comment).toBe("Biblioteket deltar.\n\n[Fritid och idrott] Fritidsgårdarna deltar.");
    expect(openAfter.genderPerspective).toBe("[Fritid och idrott] Fler pojkar.");
    const closedAfter = await x.followUp.findUniqueOrThrow({ where: { id: closedTarget.id }, include: { items: true } });
    expect(closedAfter).toMatchObject({ status: "REVIEWED", assessment: "AT_RISK", comment: "Bra läge.\n\n[Fritid och idrott] Svårt att nå unga." });
    expect(closedAfter.items.map((i) => i.id)).toEqual([closedLine.id]);
    // The surviving division's head is told the follow-up came back.
    expect(await x.notification.count({ where: { userId: head.id, kind: "followUpReturned", link: `/uppfoljning/${openTarget.id}` } })).toBe(1);

    // Attendance: the same totals, one row per (event, group, category) at the surviving division.
    expect(await totals()).toEqual(attendanceBefore);
    const rows = await x.trainingAttendance.findMany({ where: { eventId: event.id }, orderBy: [{ group: "asc" }, { registered: "asc" }] });
    expect(rows.map((r) => [r.divisionId, r.group, r.staffCategoryId, r.registered, r.attended])).toEqual([
      [target.id, "STAFF", other.id, 1, 1],
      [target.id, "STAFF", category.id, 9, 7],
      [target.id, "MANAGERS", null, 3, 2],
    ]);

    const events = await x.auditEvent.findMany({ where: { id: { gt: BigInt(0) }, action: "division.merge", entityId: target.id }, select: { details: true } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ folded: { "FollowUp.divisionId": 2, "TrainingAttendance.divisionId": 2 } });
  });

  it("merges two demo divisions that were both active in the demo's follow-up cycle", async () => {
    const x = ownerDb();
    await seed(process.env.DATABASE_OWNER_URL!, { demo: true });
    const dso = await x.division.findUniqueOrThrow({ where: { code: "DSO" } });
    const buk = await x.division.findUniqueOrThrow({ where: { code: "BUK" } });
    const cycleIds = (await x.followUp.findMany({ where: { divisionId: dso.id }, select: { cycleId: true } })).map((f) => f.cycleId);
    expect(await x.followUp.count({ where: { divisionId: buk.id, cycleId: { in: cycleIds } } })).toBeGreaterThan(0);
    const dsoFollowUp = await x.followUp.findFirstOrThrow({ where: { divisionId: dso.id, status: "SUBMITTED" } });
    const measures = await x.measure.count({ where: { ownerDivisionId: { in: [dso.id, buk.id] } } });
    const attended = async () => (await x.trainingAttendance.aggregate({ _sum: { attended: true } }))._sum.attended;
    const attendedBefore = await attended();

    const preview = await previewMerge(coordinator, { sourceId: dso.id, targetId: buk.id });
    expect(preview.conflicts).toEqual([]);
    expect(preview.lines.find((l) => l.table === "FollowUp")).toMatchObject({ onDuplicate: "fold", duplicates: cycleIds.length });
    await mergeDivisions(coordinator, { sourceId: dso.id, targetId: buk.id });

    expect(await x.followUp.count({ where: { divisionId: dso.id } })).toBe(0);
    const bukFollowUp = await x.followUp.findFirstOrThrow({ where: { divisionId: buk.id, cycleId: dsoFollowUp.cycleId } });
    // The merged division had submitted, the surviving one not started: a draft for the head, with what was written.
    expect(bukFollowUp).toMatchObject({ status: "DRAFT", assessment: dsoFollowUp.assessment });
    expect(bukFollowUp.comment).toContain(dsoFollowUp.comment);
    expect(bukFollowUp.genderPerspective).toContain(dsoFollowUp.genderPerspective);
    expect(await x.measure.count({ where: { ownerDivisionId: buk.id } })).toBe(measures);
    expect(await attended()).toBe(attendedBefore);
    expect((await x.division.findUniqueOrThrow({ where: { id: dso.id } })).active).toBe(false);
  });

  it("is the coordinator's: the IT administrator and everyone else are refused", async () => {
    const x = ownerDb();
    const source = await createDivision(x);
    const target = await createDivision(x);
    for (const role of ["ADMIN", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"] as const) {
      const viewer = viewerOf(await createUser(x, { role }), role === "DIVISION_HEAD" ? [source.id, target.id] : []);
      await expect(previewMerge(viewer, { sourceId: source.id, targetId: target.id }), role).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(mergeDivisions(viewer, { sourceId: source.id, targetId: target.id }), role).rejects.toBeInstanceOf(AccessDeniedError);
    }
    await expect(mergeDivisions(coordinator, { sourceId: source.id, targetId: source.id })).rejects.toBeInstanceOf(DomainRuleError);
  });
});
