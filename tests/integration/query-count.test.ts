// No page's number of SQL statements grows with the data (no N+1): every dashboard and list
// page use case is run at 10 and at 1,000 rows of each kind, counting the statements that reach
// PostgreSQL through node-postgres (every query of the app goes through pg's Client#query).
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { listSituationEntries } from "@/lib/server/situation/list-entries";
import { listMeasures } from "@/lib/server/measures/list-measures";
import { listActionItems } from "@/lib/server/network/list-action-items";
import { listFollowUps } from "@/lib/server/follow-up/list-follow-ups";
import { listNeeds } from "@/lib/server/training/list-needs";
import { getPlanOverview } from "@/lib/server/training/get-plan";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import { measureFilterSchema } from "@/lib/schemas/measures";
import { actionItemListSchema } from "@/lib/schemas/network";
import { needFilterSchema } from "@/lib/schemas/training";
import { createCompetencePlan, createDistrict, createDivision, createStaffCategory, createUser } from "@/prisma/factories";

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function countStatements(run: () => Promise<unknown>): Promise<number> {
  const before = statements;
  await run();
  return statements - before;
}

const TODAY = new Date("2031-06-15T00:00:00Z");
const day = (offset: number) => new Date(TODAY.getTime() + offset * 86_400_000);
const viewer = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "Test", email: "t@test.example" });

describe("the number of SQL statements a page issues does not grow with the data", () => {
  let a: string;
  let b: string;
  let district: string;
  let category: string;
  let userId: string;
  let planId: string;
  let made = 0;

  /** Adds rows until there are `n` of each kind (entries, measures, items, needs, follow-ups, attendance). */
  async function grow(n: number) {
    const add = n - made;
    const range = Array.from({ length: add }, (_, i) => made + i);
    const division = (i: number) => (i % 2 === 0 ? a : b);
    await ownerDb().situationEntry.createMany({ data: range.map((i) => ({
      divisionId: division(i), districtId: i % 3 === 0 ? null : district, observedOn: day(-(i % 360)), createdById: userId,
      environment: (["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"] as const)[i % 4]!, activityType: "PROPAGANDA", source: "SCHOOL",
      reliability: "PROBABLE", genderPerspective: "Okänt.", description: `Notering ${i}`, status: i % 2 === 0 ? "SUBMITTED" : "REVIEWED",
    })) });
    await ownerDb().measure.createMany({ data: range.map((i) => ({
      ownerDivisionId: division(i), title: `Insats ${i}`, level: (["GENERAL", "SPECIFIC", "INDIVIDUAL"] as const)[i % 3]!, targetGroup: "Unga",
      status: (["PLANNED", "ONGOING", "COMPLETED"] as const)[i % 3]!, nextReviewDate: day((i % 20) - 10),
    })) });
    await ownerDb().actionItem.createMany({ data: range.map((i) => ({ divisionId: i % 5 === 0 ? null : division(i), title: `Åtgärd ${i}`, ownerId: userId, dueDate: day((i % 20) - 10) })) });
    await ownerDb().trainingNeed.createMany({ data: range.map((i) => ({ divisionId: division(i), staffCategoryId: category, level: "BASIC" as const, headcount: 1 + (i % 7), wantedBy: day(i % 100), createdById: userId })) });
    // One follow-up per cycle and division: a cycle per two rows.
    const cycles = await ownerDb().followUpCycle.createManyAndReturn({ data: range.filter((i) => i % 2 === 0).map((i) => ({
      title: `Cykel ${i}`, year: 2031, periodStart: day(-300), periodEnd: day(-200), dueDate: day((i % 40) - 20),
    })), select: { id: true } });
    await ownerDb().followUp.createMany({ data: cycles.flatMap((c) => [{ cycleId: c.id, divisionId: a }, { cycleId: c.id, divisionId: b }]) });
    const events = await ownerDb().trainingEvent.createManyAndReturn({ data: range.map((i) => ({
      title: `Utbildning ${i}`, level: "BASIC" as const, startsAt: day(-(i % 150)), provider: "CVE", capacity: 30, status: "HELD" as const, competencePlanId: planId,
    })), select: { id: true } });
    await ownerDb().trainingAttendance.createMany({ data: events.map((e, i) => ({ eventId: e.id, divisionId: division(i), attended: 3 })) });
    made = n;
  }

  beforeAll(async () => {
    a = (await createDivision(ownerDb())).id;
    b = (await createDivision(ownerDb())).id;
    district = (await createDistrict(ownerDb())).id;
    category = (await createStaffCategory(ownerDb())).id;
    userId = (await createUser(ownerDb(), { role: "COORDINATOR" })).id;
    planId = (await createCompetencePlan(ownerDb(), { year: TODAY.getUTCFullYear() })).id;
  });

  const pages = (): [string, () => Promise<unknown>][] => {
    const coordinator = viewer("COORDINATOR", [], userId);
    const head = viewer("DIVISION_HEAD", [a], userId);
    const member = viewer("NETWORK_MEMBER", [a], userId);
    const observer = viewer("OBSERVER", [], userId);
    return [
      ["dashboard: coordinator", () => getDashboard(coordinator, TODAY)],
      ["dashboard: division head", () => getDashboard(head, TODAY)],
      ["dashboard: network member", () => getDashboard(member, TODAY)],
      ["dashboard: observer", () => getDashboard(observer, TODAY)],
      ["situation list: coordinator", () => listSituationEntries(coordinator, situationFilterSchema.parse({}))],
      ["situation list: division head", () => listSituationEntries(head, situationFilterSchema.parse({ status: "SUBMITTED" }))],
      ["measures list", () => listMeasures(coordinator, measureFilterSchema.parse({ level: "GENERAL" }), TODAY)],
      ["action items list", () => listActionItems(coordinator, actionItemListSchema.parse({ overdue: "1" }), TODAY)],
      ["follow-up list", () => listFollowUps(coordinator, { page: 1 }, TODAY)],
      ["training needs list", () => listNeeds(coordinator, needFilterSchema.parse({}))],
      // The competence plan: coverage grouped in the database, the needs a page at a time.
      ["competence plan: coordinator", () => getPlanOverview(coordinator, TODAY.getUTCFullYear())],
      ["competence plan: division head", () => getPlanOverview(head, TODAY.getUTCFullYear(), 2)],
    ];
  };

  it("issues as many statements at 1,000 rows as at 10, for every dashboard and list page", async () => {
    await grow(10);
    const small = new Map<string, number>();
    for (const [name, run] of pages()) small.set(name, await countStatements(run));
    await grow(1000);
    const large = new Map<string, number>();
    for (const [name, run] of pages()) large.set(name, await countStatements(run));
    // The counter sees the statements at all (a page issues several: set_config, role, queries).
    for (const n of small.values()) expect(n).toBeGreaterThan(2);
    expect(Object.fromEntries(large)).toEqual(Object.fromEntries(small));
    // And the data really grew: the coordinator's dashboard counts the 1,000 rows.
    const d = await getDashboard(viewer("COORDINATOR", [], userId), TODAY);
    expect(d.measures!.total).toBe(1000);
    expect(d.followUps!.totals.total).toBe(1000);
    expect(d.actionItems!.open).toBe(1000);
    // The observer's follow-up and action-item figures come from the same single statement
    // (varna_dashboard_figures), which counted the 1,000 rows too.
    // (Every follow-up is "not started": the other statuses are zeros, so the grand total would
    // give them away and is hidden; the column's total is shown.)
    const o = await getDashboard(viewer("OBSERVER", [], userId), TODAY);
    expect(o.followUps!.totals.byStatus.NOT_STARTED).toBe(1000);
    expect(o.actionItems!.open).toBe(1000);
    // The plan's coverage counted every one of the year's 1,000 needs, and sent one page of them.
    const plan = await getPlanOverview(viewer("COORDINATOR", [], userId), TODAY.getUTCFullYear());
    expect(plan.needs.rows).toHaveLength(25);
    expect(plan.needs.total).toBe(1000);
    const headcounts = Array.from({ length: 1000 }, (_, i) => 1 + (i % 7)).reduce((n, h) => n + h, 0);
    expect(plan.coverage.totals.reduce((n, t) => n + t.identified, 0)).toBe(headcounts);
  }, 300_000);
});
