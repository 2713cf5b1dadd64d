// Issue 10 through the Server Actions and use cases, on a real database: bad input is refused
// in Swedish and saves nothing; coverage against figures computed by hand; each role sees only
// what it may; the plan is approved as frozen versions; observers get suppressed sums.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import { ownerDb } from "@/tests/setup/owner-db";
import { MESSAGES } from "@/lib/i18n/messages";
import { getViewer } from "@/lib/server/auth/viewer";
import type { Viewer } from "@/lib/access/viewer";
import { logNeedAction, cancelNeedAction } from "@/app/(app)/utbildning/actions";
import { approvePlanAction, createEventAction, createPlanAction, recordAttendanceAction, updateEventAction } from "@/app/(app)/kompetensplan/actions";
import { getPlanOverview, PLAN_NEEDS_PAGE_SIZE } from "@/lib/server/training/get-plan";
import { getAggregatedCoverage, getApprovedPlan } from "@/lib/server/training/get-approved-plan";
import { listNeeds } from "@/lib/server/training/list-needs";
import { needFilterSchema, planQuerySchema } from "@/lib/schemas/training";
import { computeCoverage, type AttendanceFigure, type NeedFigure } from "@/lib/training/coverage";
import { coverageTable, needsWithCoverage } from "@/lib/server/training/coverage-query";
import { scopes } from "@/lib/server/access/scope";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { exportPlan, type TrainingText } from "@/lib/server/training/export-plan";
import {
  createCompetencePlan, createDivision, createStaffCategory, createTrainingAttendance, createTrainingEvent, createTrainingNeed, createUser,
} from "@/prisma/factories";

vi.mock("@/lib/server/auth/viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/auth/viewer")>()),
  getViewer: vi.fn(),
}));
// The Swedish catalog itself, so the messages asserted are the ones users read.
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: "sv", messages: MESSAGES.sv }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
const callAs = (viewer: Viewer) => vi.mocked(getViewer).mockResolvedValue(viewer);

const d = { a: "", b: "", c: "", inactive: "" };
const cat = { teachers: "", social: "", retired: "" };
let coordinator: Viewer;
let headA: Viewer;
let headB: Viewer;
let developerA: Viewer;
let memberA: Viewer;
let observer: Viewer;

const needCount = () => ownerDb().trainingNeed.count();
const auditCount = () => ownerDb().auditEvent.count();

beforeAll(async () => {
  const x = ownerDb();
  d.a = (await createDivision(x, { name: "Avdelning A", sortOrder: 1 })).id;
  d.b = (await createDivision(x, { name: "Avdelning B", sortOrder: 2 })).id;
  d.c = (await createDivision(x, { name: "Avdelning C", sortOrder: 3 })).id;
  cat.teachers = (await createStaffCategory(x, { name: "Lärare" })).id;
  cat.social = (await createStaffCategory(x, { name: "Socialsekreterare" })).id;
  cat.retired = (await createStaffCategory(x, { name: "Nedlagd kategori", active: false })).id;
  const u = async (role: Viewer["role"], divisionIds: string[] = []) => as(role, divisionIds, (await createUser(x, { role, divisionIds })).id);
  coordinator = await u("COORDINATOR");
  headA = await u("DIVISION_HEAD", [d.a]);
  headB = await u("DIVISION_HEAD", [d.b]);
  developerA = await u("NETWORK_MEMBER", [d.a]);
  memberA = await u("NETWORK_MEMBER", [d.a]);
  observer = await u("OBSERVER");
  await x.networkMembership.create({ data: { userId: developerA.id, divisionId: d.a, responsibilities: ["COMPETENCE_DEVELOPMENT"] } });
  await x.networkMembership.create({ data: { userId: memberA.id, divisionId: d.a, responsibilities: ["ENVIRONMENT_SCANNING"] } });
});

const valid = () => ({
  divisionId: d.a, staffCategoryId: cat.teachers, level: "BASIC" as const, headcount: 12, material: "Samtalskompassen",
  priority: "HIGH" as const, wantedBy: "2999-06-30", comment: "Alla mentorer på högstadiet",
});

describe("logging a training need (issue 10 point 1)", () => {
  it("saves a division head's need for their own division, audited", async () => {
    callAs(headA);
    const before = await auditCount();
    expect(await logNeedAction(undefined, valid())).toEqual({ ok: true, data: undefined });
    const saved = await ownerDb().trainingNeed.findFirstOrThrow({ where: { divisionId: d.a, comment: "Alla mentorer på högstadiet" } });
    expect(saved).toMatchObject({ headcount: 12, level: "BASIC", priority: "HIGH", material: "Samtalskompassen", createdById: headA.id });
    expect(await auditCount()).toBe(before + 1);
    expect(await ownerDb().auditEvent.findFirst({ where: { action: "trainingNeed.create", entityId: saved.id } })).not.toBeNull();
  });

  const refusals: [string, Record<string, unknown>, string, string][] = [
    ["a negative head-count", { headcount: -3 }, "headcount", "Antalet måste vara minst 1."],
    ["a zero head-count", { headcount: 0 }, "headcount", "Antalet måste vara minst 1."],
    ["a head-count that is no number", { headcount: "tolv" }, "headcount", "Ange ett giltigt tal."],
    ["a wanted-by date in the past", { wantedBy: "2001-01-01" }, "wantedBy", "Datumet har redan passerat. Ange ett datum från och med i dag."],
    ["an impossible date", { wantedBy: "2999-02-30" }, "wantedBy", "Ange ett giltigt datum."],
    ["an unknown staff category", { staffCategoryId: "9b3c1c9e-0000-4000-8000-000000000000" }, "staffCategoryId", "Personalkategorin finns inte eller används inte längre."],
    ["an inactive staff category", { staffCategoryId: "retired" }, "staffCategoryId", "Personalkategorin finns inte eller används inte längre."],
    ["an over-long comment", { comment: "x".repeat(2001) }, "comment", "Texten är för lång."],
    ["an over-long material", { material: "x".repeat(201) }, "material", "Texten är för lång."],
    ["another division's id", { divisionId: "b" }, "divisionId", "Du kan bara registrera för din egen division."],
    ["a division id that is no id", { divisionId: "1 OR 1=1" }, "divisionId", "Välj ett av alternativen."],
    ["an unknown level", { level: "EXPERT" }, "level", "Välj ett av alternativen."],
  ];
  for (const [what, change, field, message] of refusals) {
    it(`refuses ${what} with a Swedish message and saves nothing`, async () => {
      callAs(headA);
      const input: Record<string, unknown> = { ...valid(), ...change };
      if (input.staffCategoryId === "retired") input.staffCategoryId = cat.retired;
      if (input.divisionId === "b") input.divisionId = d.b;
      const [needs, audit] = [await needCount(), await auditCount()];
      const result = await logNeedAction(undefined, input as never);
      expect(result.ok).toBe(false);
      expect(result.ok ? null : result.fieldErrors?.[field]).toEqual([message]);
      expect(await needCount()).toBe(needs);
      expect(await auditCount()).toBe(audit);
    });
  }

  it("refuses a network member (reads needs, logs none) and an observer", async () => {
    for (const viewer of [memberA, observer]) {
      callAs(viewer);
      const needs = await needCount();
      expect(await logNeedAction(undefined, valid())).toEqual({ ok: false, formError: "Din roll får inte göra detta." });
      expect(await needCount()).toBe(needs);
    }
  });

  it("lets the coordinator log for any division", async () => {
    callAs(coordinator);
    expect(await logNeedAction(undefined, { ...valid(), divisionId: d.b, comment: "Från samordnaren" })).toMatchObject({ ok: true });
    expect(await ownerDb().trainingNeed.count({ where: { divisionId: d.b, comment: "Från samordnaren" } })).toBe(1);
  });

  it("withdraws a need only from the version shown, and only in the viewer's own division", async () => {
    const need = await ownerDb().trainingNeed.findFirstOrThrow({ where: { divisionId: d.b, comment: "Från samordnaren" } });
    callAs(headA);
    expect(await cancelNeedAction(undefined, { id: need.id, version: need.version, confirmed: true })).toMatchObject({ ok: false, formError: expect.stringContaining("finns inte") });
    callAs(headB);
    expect(await cancelNeedAction(undefined, { id: need.id, version: need.version + 1, confirmed: true })).toMatchObject({ ok: false });
    expect((await ownerDb().trainingNeed.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("REGISTERED");
    expect(await cancelNeedAction(undefined, { id: need.id, version: need.version, confirmed: true })).toMatchObject({ ok: true });
    expect((await ownerDb().trainingNeed.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("CANCELLED");
  });
});

describe("the grouped view of needs (issue 10 point 2)", () => {
  it("groups and sums for the coordinator, and shows a division head only their own division", async () => {
    const x = ownerDb();
    const extra = await createDivision(x, { name: "Avdelning Grupp" });
    for (const headcount of [3, 4]) await createTrainingNeed(x, { divisionId: extra.id, staffCategoryId: cat.social, createdById: coordinator.id, headcount, level: "ADVANCED" });
    await createTrainingNeed(x, { divisionId: extra.id, staffCategoryId: cat.social, createdById: coordinator.id, headcount: 50, status: "CANCELLED" });
    const all = await listNeeds(coordinator, needFilterSchema.parse({ division: extra.id }));
    expect(all.groups).toEqual([{ divisionId: extra.id, division: "Avdelning Grupp", staffCategory: "Socialsekreterare", level: "ADVANCED", needs: 2, headcount: 7 }]);
    expect(all.total).toBe(2);
    const own = await listNeeds(headB, needFilterSchema.parse({ division: extra.id }));
    expect(own.total).toBe(0);
    expect((await listNeeds(headB, needFilterSchema.parse({}))).groups.every((g) => g.divisionId === d.b)).toBe(true);
  });
});

describe("the plan, its events, attendance and coverage (issue 10 points 3–5)", () => {
  const YEAR = 2025;
  let planId = "";
  const ids = {} as Record<"n1" | "n2" | "n3" | "n4" | "n5" | "n6" | "e1" | "e2", string>;

  beforeAll(async () => {
    const x = ownerDb();
    // The fixed data set: three divisions, both levels.
    const need = async (divisionId: string, staffCategoryId: string, level: "BASIC" | "ADVANCED", headcount: number, wantedBy: string) =>
      (await createTrainingNeed(x, { divisionId, staffCategoryId, level, headcount, wantedBy: new Date(`${wantedBy}T00:00:00Z`), createdById: coordinator.id })).id;
    ids.n1 = await need(d.a, cat.teachers, "BASIC", 10, "2025-03-01");
    ids.n2 = await need(d.a, cat.teachers, "BASIC", 5, "2025-06-01");
    ids.n3 = await need(d.a, cat.social, "ADVANCED", 4, "2025-05-01");
    ids.n4 = await need(d.b, cat.teachers, "BASIC", 8, "2025-04-01");
    ids.n5 = await need(d.b, cat.social, "ADVANCED", 2, "2025-04-01");
    ids.n6 = await need(d.c, cat.social, "BASIC", 6, "2025-09-01");
  });

  it("the coordinator draws up the plan; a second plan for the year is refused", async () => {
    callAs(coordinator);
    expect(await createPlanAction(undefined, { year: YEAR, title: "Kompetensutvecklingsplan 2025", goals: "Alla i förstalinjen har grundutbildning." })).toMatchObject({ ok: true });
    planId = (await ownerDb().competencePlan.findUniqueOrThrow({ where: { year: YEAR } })).id;
    expect(await createPlanAction(undefined, { year: YEAR, title: "Igen", goals: "" })).toMatchObject({ ok: false, fieldErrors: { year: ["Det finns redan en plan för det året."] } });
    callAs(headA);
    expect(await createPlanAction(undefined, { year: 2031, title: "X", goals: "" })).toMatchObject({ ok: false });
  });

  it("plans events linked to needs; a network member without the responsibility may not", async () => {
    const event = (title: string, level: "BASIC" | "ADVANCED", needIds: string[], targetDivisionIds: string[]) => ({
      planId, title, level, startsAt: "2025-02-10T09:00", provider: "CVE", location: "Stadshuset", capacity: 40, material: "Samtalskompassen",
      description: "", targetStaffCategoryIds: [cat.teachers, cat.social], targetDivisionIds, needIds,
    });
    callAs(coordinator);
    expect(await createEventAction(undefined, event("Grundutbildning VBE", "BASIC", [ids.n1, ids.n2, ids.n4, ids.n6], []))).toMatchObject({ ok: true });
    callAs(memberA);
    const before = await ownerDb().trainingEvent.count();
    expect(await createEventAction(undefined, event("Obehörig", "ADVANCED", [], []))).toMatchObject({ ok: false, formError: "Din roll får inte göra detta." });
    expect(await ownerDb().trainingEvent.count()).toBe(before);
    callAs(developerA);
    // A network member links only needs they can see: another division's need is refused.
    expect(await createEventAction(undefined, event("Fördjupning anhörigstöd", "ADVANCED", [ids.n3, ids.n5], [d.a, d.b]))).toMatchObject({
      ok: false, fieldErrors: { needIds: ["Ett av behoven finns inte, är återkallat eller hör till en annan division."] },
    });
    expect(await createEventAction(undefined, event("Fördjupning anhörigstöd", "ADVANCED", [ids.n3], [d.a, d.b]))).toMatchObject({ ok: true });
    ids.e1 = (await ownerDb().trainingEvent.findFirstOrThrow({ where: { competencePlanId: planId, title: "Grundutbildning VBE" } })).id;
    ids.e2 = (await ownerDb().trainingEvent.findFirstOrThrow({ where: { competencePlanId: planId, title: "Fördjupning anhörigstöd" } })).id;
    // 09:00 in Stockholm in February is 08:00 UTC.
    expect((await ownerDb().trainingEvent.findUniqueOrThrow({ where: { id: ids.e1 } })).startsAt.toISOString()).toBe("2025-02-10T08:00:00.000Z");
  });

  it("records attendance per division (partial, exceeded, managers and elected officials), refusing what it must", async () => {
    const sheet = (eventId: string, divisionId: string, rows: { group: string; staffCategoryId?: string; registered: number; attended: number }[]) =>
      ({ eventId, divisionId, rows: rows.map((r) => ({ staffCategoryId: "", ...r })) }) as never;
    callAs(coordinator);
    expect(await recordAttendanceAction(undefined, sheet(ids.e1, d.a, [
      { group: "STAFF", staffCategoryId: cat.teachers, registered: 14, attended: 12 },
      { group: "MANAGERS", registered: 2, attended: 2 },
    ]))).toEqual({ ok: true, data: undefined });
    expect(await recordAttendanceAction(undefined, sheet(ids.e1, d.b, [
      { group: "STAFF", staffCategoryId: cat.teachers, registered: 8, attended: 8 },
      { group: "ELECTED_OFFICIALS", registered: 5, attended: 4 },
    ]))).toMatchObject({ ok: true });
    expect(await recordAttendanceAction(undefined, sheet(ids.e1, d.c, [{ group: "STAFF", staffCategoryId: cat.social, registered: 6, attended: 3 }]))).toMatchObject({ ok: true });
    expect(await recordAttendanceAction(undefined, sheet(ids.e2, d.b, [{ group: "STAFF", staffCategoryId: cat.social, registered: 2, attended: 1 }]))).toMatchObject({ ok: true });

    const rows = await ownerDb().trainingAttendance.count();
    // The network member with the responsibility: their own division only.
    callAs(developerA);
    expect(await recordAttendanceAction(undefined, sheet(ids.e2, d.b, [{ group: "STAFF", staffCategoryId: cat.social, registered: 9, attended: 9 }]))).toMatchObject({
      ok: false, fieldErrors: { divisionId: ["Du kan bara registrera för din egen division."] },
    });
    // Bad rows: a negative count, attended above registered, a staff row without category.
    expect(await recordAttendanceAction(undefined, sheet(ids.e2, d.a, [{ group: "STAFF", staffCategoryId: cat.social, registered: 5, attended: -1 }]))).toMatchObject({
      ok: false, fieldErrors: { "rows.0.attended": ["Antalet kan inte vara negativt."] },
    });
    expect(await recordAttendanceAction(undefined, sheet(ids.e2, d.a, [{ group: "STAFF", staffCategoryId: cat.social, registered: 5, attended: 7 }]))).toMatchObject({
      ok: false, fieldErrors: { "rows.0.attended": ["Fler deltog än som var anmälda."] },
    });
    expect(await recordAttendanceAction(undefined, sheet(ids.e2, d.a, [{ group: "STAFF", registered: 5, attended: 5 }]))).toMatchObject({
      ok: false, fieldErrors: { "rows.0.staffCategoryId": ["Välj personalkategori för personalrader."] },
    });
    // A network member without the responsibility, and a division head: refused.
    for (const viewer of [memberA, headA]) {
      callAs(viewer);
      expect(await recordAttendanceAction(undefined, sheet(ids.e2, d.a, [{ group: "STAFF", staffCategoryId: cat.social, registered: 5, attended: 5 }]))).toMatchObject({ ok: false });
    }
    expect(await ownerDb().trainingAttendance.count()).toBe(rows);
    callAs(developerA);
    // First a wrong figure, then the right one: the sheet replaces the division's rows.
    expect(await recordAttendanceAction(undefined, sheet(ids.e2, d.a, [{ group: "STAFF", staffCategoryId: cat.social, registered: 6, attended: 2 }]))).toMatchObject({ ok: true });
    expect(await recordAttendanceAction(undefined, sheet(ids.e2, d.a, [{ group: "STAFF", staffCategoryId: cat.social, registered: 6, attended: 5 }]))).toMatchObject({ ok: true });
    expect(await ownerDb().trainingAttendance.findMany({ where: { eventId: ids.e2, divisionId: d.a }, select: { attended: true } })).toEqual([{ attended: 5 }]);
  });

  it("computes coverage as figured by hand, for the coordinator", async () => {
    const plan = await getPlanOverview(coordinator, YEAR);
    const mine = (r: { divisionId: string }) => [d.a, d.b, d.c].includes(r.divisionId);
    // By hand: A basic teachers 12 of 10+5 = 80 %; A in-depth social 5 of 4 = 125 % (exceeded);
    // B basic teachers 8 of 8 = 100 %; B in-depth social 1 of 2 = 50 %; C basic social 3 of 6 = 50 %.
    expect(plan.coverage.rows.filter(mine).map((r) => [r.division, r.level, r.staffCategory, r.identified, r.trained, r.ratio])).toEqual([
      ["Avdelning A", "BASIC", "Lärare", 15, 12, 0.8],
      ["Avdelning A", "ADVANCED", "Socialsekreterare", 4, 5, 1.25],
      ["Avdelning B", "BASIC", "Lärare", 8, 8, 1],
      ["Avdelning B", "ADVANCED", "Socialsekreterare", 2, 1, 0.5],
      ["Avdelning C", "BASIC", "Socialsekreterare", 6, 3, 0.5],
    ]);
    // Needs: the earliest wanted-by date is filled first.
    expect(plan.needs.total).toBe(6);
    const need = (id: string) => plan.needs.rows.find((n) => n.id === id);
    expect([ids.n1, ids.n2, ids.n3, ids.n4, ids.n5, ids.n6].map((id) => [need(id)?.trained, need(id)?.covered])).toEqual([
      [10, true], [2, false], [5, true], [8, true], [1, false], [3, false],
    ]);
    expect(plan.coverage.others.filter(mine).map((o) => [o.division, o.managers, o.electedOfficials])).toEqual([
      ["Avdelning A", 2, 0], ["Avdelning B", 0, 4],
    ]);
  });

  it("shows a division head their own division only: needs, events concerning it, coverage", async () => {
    const plan = await getPlanOverview(headB, YEAR);
    expect(plan.coverage.rows.map((r) => r.division)).toEqual(["Avdelning B", "Avdelning B"]);
    expect(plan.needs.rows.map((n) => n.divisionId)).toEqual([d.b, d.b]);
    expect(plan.coverage.others.map((o) => o.division)).toEqual(["Avdelning B"]);
    // Both events concern B (one for all divisions, one aimed at A and B), but show B's figures only.
    expect(plan.events.map((e) => e.title)).toEqual(["Fördjupning anhörigstöd", "Grundutbildning VBE"].sort());
    for (const event of plan.events) {
      expect(event.attendance.every((a) => a.divisionId === d.b)).toBe(true);
      expect(event.needs.every((n) => n.division === "Avdelning B")).toBe(true);
    }
    // Division C is not a target of the in-depth event and has no need linked to it.
    const headC = as("DIVISION_HEAD", [d.c], (await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [d.c] })).id);
    expect((await getPlanOverview(headC, YEAR)).events.map((e) => e.title)).toEqual(["Grundutbildning VBE"]);
  });

  it("approves the plan as a frozen version; a later change is the next version and the first stays", async () => {
    callAs(coordinator);
    const plan = await ownerDb().competencePlan.findUniqueOrThrow({ where: { id: planId } });
    expect(await approvePlanAction(undefined, { planId, version: plan.version, confirmed: true })).toMatchObject({ ok: true });
    // The same version again is stale: nothing approved twice.
    expect(await approvePlanAction(undefined, { planId, version: plan.version, confirmed: true })).toMatchObject({ ok: false });
    callAs(headA);
    expect(await approvePlanAction(undefined, { planId, version: plan.version + 1, confirmed: true })).toMatchObject({ ok: false, formError: "Din roll får inte göra detta." });

    const v1 = await getApprovedPlan(observer, YEAR);
    expect(v1).toMatchObject({ number: 1, snapshot: { title: "Kompetensutvecklingsplan 2025" } });
    expect(v1!.snapshot.events.map((e) => [e.title, e.capacity, e.linkedNeeds, e.linkedHeadcount])).toEqual([
      ["Fördjupning anhörigstöd", 40, 1, 4], ["Grundutbildning VBE", 40, 4, 29],
    ]);

    callAs(coordinator);
    const e1 = await ownerDb().trainingEvent.findUniqueOrThrow({ where: { id: ids.e1 } });
    const change = {
      planId, id: ids.e1, version: e1.version, title: "Grundutbildning VBE", level: "BASIC", startsAt: "2025-02-10T09:00", provider: "CVE",
      location: "Stadshuset", capacity: 60, material: "Samtalskompassen", description: "", targetStaffCategoryIds: [], targetDivisionIds: [],
      needIds: [ids.n1, ids.n2, ids.n4, ids.n6],
    };
    expect(await updateEventAction(undefined, change as never)).toMatchObject({ ok: true });
    // A form based on the old version is told so, in Swedish, and changes nothing.
    const stale = await updateEventAction(undefined, { ...change, capacity: 10 } as never);
    expect(stale).toMatchObject({ ok: false, formError: expect.stringContaining("Någon annan har ändrat") });
    expect((await ownerDb().trainingEvent.findUniqueOrThrow({ where: { id: ids.e1 } })).capacity).toBe(60);

    expect((await getPlanOverview(coordinator, YEAR)).plan?.changedSinceApproval).toBe(true);
    expect((await getApprovedPlan(observer, YEAR))!.snapshot.events.find((e) => e.title === "Grundutbildning VBE")?.capacity).toBe(40);
    const current = await ownerDb().competencePlan.findUniqueOrThrow({ where: { id: planId } });
    expect(await approvePlanAction(undefined, { planId, version: current.version, confirmed: true })).toMatchObject({ ok: true });
    const v2 = await getApprovedPlan(observer, YEAR);
    expect(v2?.number).toBe(2);
    expect(v2!.snapshot.events.find((e) => e.title === "Grundutbildning VBE")?.capacity).toBe(60);
    expect((await getApprovedPlan(observer, YEAR, 1))!.snapshot.events.find((e) => e.title === "Grundutbildning VBE")?.capacity).toBe(40);
    expect(await ownerDb().auditEvent.count({ where: { action: "competencePlan.approve", entityId: planId } })).toBe(2);
  });

  it("gives observers coverage per division and level with small counts suppressed", async () => {
    await ownerDb().setting.upsert({ where: { key: "aggregates.suppressionThreshold" }, create: { key: "aggregates.suppressionThreshold", value: 5 }, update: { value: 5 } });
    const seen = await getAggregatedCoverage(observer, YEAR);
    expect(seen.threshold).toBe(5);
    // By hand, the coordinator's figures (identified / trained), levels BASIC, ADVANCED:
    //   A: 15/12, 4/5 (total 19/17)   B: 8/8, 2/1 (10/9)   C: 6/3, 0/0 (6/3)
    //   per level 29/23, 6/6; in all 35/29.
    const coordinatorView = await getAggregatedCoverage(coordinator, YEAR);
    expect(coordinatorView.threshold).toBeNull();
    expect(coordinatorView.rows.map((r) => [r.division, r.levels.map((l) => [l.identified, l.trained]), [r.total.identified, r.total.trained]])).toEqual([
      ["Avdelning A", [[15, 12], [4, 5]], [19, 17]],
      ["Avdelning B", [[8, 8], [2, 1]], [10, 9]],
      ["Avdelning C", [[6, 3], [0, 0]], [6, 3]],
    ]);
    expect(coordinatorView.levelTotals).toEqual([{ identified: 29, trained: 23 }, { identified: 6, trained: 6 }]);
    expect(coordinatorView.total).toEqual({ identified: 35, trained: 29 });
    // The observer. Identified: 4, 2 and 0 are small; each division's total would give its
    // small one back (19 − 15 = 4), so all three are hidden; the advanced level's 6 stays (three
    // hidden parts, together 6: not a small count) and so does 35.
    // Trained: 1, 3, 0 and C's total 3 are small; B's 9 − 8 = 1 and the basic level's
    // 23 − 12 − 8 = 3 give one back, the advanced level's 6 − 5 = 1 gives the two hidden ones'
    // sum as a small count: all hidden. 29 − 17 = 12 (B and C together) stays.
    expect(seen.rows.map((r) => [r.division, r.levels.map((l) => [l.identified, l.trained]), [r.total.identified, r.total.trained]])).toEqual([
      ["Avdelning A", [[15, 12], ["small", 5]], ["derived", 17]],
      ["Avdelning B", [[8, 8], ["small", "small"]], ["derived", "derived"]],
      ["Avdelning C", [[6, "small"], ["small", "small"]], ["derived", "small"]],
    ]);
    expect(seen.levelTotals).toEqual([{ identified: 29, trained: "derived" }, { identified: 6, trained: "derived" }]);
    expect(seen.total).toEqual({ identified: 35, trained: 29 });
    // The coordinator's raw 2 of B's advanced level never reaches the observer, not even as a total.
    expect(JSON.stringify(seen)).not.toMatch(/"identified":(2|4|19|10),/);
    await expect(getAggregatedCoverage(headA, YEAR)).rejects.toThrow();
    // Observers never read the working events or attendance rows.
    await expect(getPlanOverview(observer, YEAR)).rejects.toThrow(/Åtkomst nekad/);
  });

  it("exports the plan and the coverage table as XLSX and PDF holding the page's figures", async () => {
    const t = createTranslator({ locale: "sv", messages: MESSAGES.sv, namespace: "training" }) as unknown as TrainingText;
    const page = await getPlanOverview(coordinator, YEAR);
    const xlsx = await exportPlan(coordinator, { year: YEAR, format: "xlsx" }, t, new Date("2025-12-01T10:00:00Z"));
    expect(xlsx.filename).toBe("Kompetensutvecklingsplan 2025.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const coverage = workbook.getWorksheet("Täckning")!;
    const header = coverage.getRow(4).values as unknown[];
    expect(header.slice(1)).toEqual(["Division", "Nivå", "Personalkategori", "Identifierade", "Utbildade", "Täckning"]);
    expect(coverage.getRow(4).font?.bold).toBe(true);
    const sheetRows: unknown[][] = [];
    coverage.eachRow((row, n) => { if (n > 4) sheetRows.push((row.values as unknown[]).slice(1)); });
    // The same figures as the page, numbers as numbers (the ratio a number formatted as %).
    expect(sheetRows).toEqual(page.coverage.rows.map((r) => [r.division, r.level === "BASIC" ? "Grundläggande" : "Fördjupad", r.staffCategory, r.identified, r.trained, r.ratio]));
    expect(sheetRows.find((r) => r[0] === "Avdelning A" && r[1] === "Fördjupad")).toEqual(["Avdelning A", "Fördjupad", "Socialsekreterare", 4, 5, 1.25]);
    expect(coverage.getColumn(6).numFmt).toBe("0%");
    const plan = workbook.getWorksheet("Plan")!;
    const events: unknown[][] = [];
    plan.eachRow((row, n) => { if (n > 4) events.push((row.values as unknown[]).slice(1)); });
    expect(events.map((e) => [e[0], e[6]])).toEqual([["Fördjupning anhörigstöd", 40], ["Grundutbildning VBE", 60]]);

    const pdf = await exportPlan(coordinator, { year: YEAR, format: "pdf" }, t, new Date("2025-12-01T10:00:00Z"));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.body)), { mergePages: true });
    expect(text).toContain("Kompetensutvecklingsplan 2025");
    expect(text).toContain("Grundutbildning VBE");
    expect(text).toMatch(/Avdelning A\s+Grundläggande\s+Lärare\s+15\s+12\s+80 %/);
    expect(text).toMatch(/Avdelning A\s+Fördjupad\s+Socialsekreterare\s+4\s+5\s+125 %/);
    expect(text).toMatch(/Sida 2 av \d/);
    expect(await ownerDb().auditEvent.count({ where: { action: { in: ["export.xlsx", "export.pdf"] }, actorId: coordinator.id } })).toBe(2);

    // The approved version 1 exports its frozen events (capacity 40), not today's.
    const v1 = await exportPlan(coordinator, { year: YEAR, format: "xlsx", version: 1 }, t);
    const old = new ExcelJS.Workbook();
    await old.xlsx.load(v1.body as unknown as ArrayBuffer);
    const oldEvents: unknown[][] = [];
    old.getWorksheet("Plan")!.eachRow((row, n) => { if (n > 4) oldEvents.push((row.values as unknown[]).slice(1)); });
    expect(oldEvents.map((e) => e[6])).toEqual([40, 40]);

    await expect(exportPlan(headA, { year: YEAR, format: "xlsx" }, t)).rejects.toThrow(/Åtkomst nekad/);
    await expect(exportPlan(observer, { year: YEAR, format: "pdf" }, t)).rejects.toThrow(/Åtkomst nekad/);
  });
});

describe("coverage summed in the database, held to computeCoverage (issue 13)", () => {
  // A seeded, random plan year: needs over three divisions, three staff categories and both
  // levels (some withdrawn, some wanted by a date outside the year but linked to one of the
  // plan's events, some linked only to another plan's), attendance at events of every status,
  // managers and elected officials, a staff row without category. The pure computeCoverage over
  // the same rows, read behind the app's back, is the oracle for the database's figures.
  const YEAR = 2035;
  const SEED = 20261125;
  const div = { x: "", y: "", z: "" };
  let planId = "";
  let headY: Viewer;
  let needTotal = 0;

  function random(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  beforeAll(async () => {
    const x = ownerDb();
    const rnd = random(SEED);
    const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
    const pick = <T,>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
    div.x = (await createDivision(x, { name: "Division Xylofon", sortOrder: 101 })).id;
    div.y = (await createDivision(x, { name: "Division Ypsilon", sortOrder: 102 })).id;
    div.z = (await createDivision(x, { name: "Division Zeta", sortOrder: 103 })).id;
    const leisure = (await createStaffCategory(x, { name: "Fritidsledare" })).id;
    const categories = [cat.teachers, cat.social, leisure];
    headY = as("DIVISION_HEAD", [div.y], (await createUser(x, { role: "DIVISION_HEAD", divisionIds: [div.y] })).id);

    planId = (await createCompetencePlan(x, { year: YEAR })).id;
    const otherPlan = await createCompetencePlan(x);
    const event = async (level: "BASIC" | "ADVANCED", status: "PLANNED" | "HELD" | "CANCELLED", competencePlanId = planId) =>
      (await createTrainingEvent(x, { competencePlanId, level, status, startsAt: new Date(`${YEAR}-03-01T08:00:00Z`) })).id;
    const events = [await event("BASIC", "HELD"), await event("BASIC", "PLANNED"), await event("ADVANCED", "HELD"), await event("ADVANCED", "CANCELLED"), await event("BASIC", "CANCELLED")];
    const foreign = await event("BASIC", "HELD", otherPlan.id);

    // Needs: wanted-by dates around the year (a few outside it), creation times with ties, so the
    // order attendance is shared out in is tested on equal dates too.
    const base = Date.UTC(2034, 0, 1);
    const needs = Array.from({ length: 90 }, () => ({
      divisionId: pick([div.x, div.y, div.z]),
      staffCategoryId: pick(categories),
      level: pick(["BASIC", "ADVANCED"] as const),
      headcount: int(1, 12),
      wantedBy: new Date(Date.UTC(YEAR, 0, 1) + int(-40, 400) * 86_400_000),
      createdAt: new Date(base + int(0, 12) * 1000),
      status: rnd() < 0.15 ? ("CANCELLED" as const) : pick(["REGISTERED", "PLANNED", "MET"] as const),
      createdById: coordinator.id,
    }));
    for (const need of needs) {
      const { id } = await createTrainingNeed(x, need);
      const outside = need.wantedBy.getUTCFullYear() !== YEAR;
      // Most needs outside the year are linked to one of the plan's events (so they count), some
      // needs of the year too; a few only to another plan's event (which makes no difference).
      if ((outside && rnd() < 0.6) || rnd() < 0.2) await x.trainingEvent.update({ where: { id: pick(events) }, data: { needs: { connect: { id } } } });
      if (rnd() < 0.1) await x.trainingEvent.update({ where: { id: foreign }, data: { needs: { connect: { id } } } });
    }

    for (const eventId of [...events, foreign]) {
      for (const divisionId of [div.x, div.y, div.z]) {
        for (const staffCategoryId of categories) {
          if (rnd() < 0.6) {
            const attended = int(0, 15);
            await createTrainingAttendance(x, { eventId, divisionId, group: "STAFF", staffCategoryId, registered: attended + int(0, 3), attended });
          }
        }
        if (rnd() < 0.5) await createTrainingAttendance(x, { eventId, divisionId, group: "MANAGERS", registered: 4, attended: int(0, 4) });
        if (rnd() < 0.4) await createTrainingAttendance(x, { eventId, divisionId, group: "ELECTED_OFFICIALS", registered: 3, attended: int(0, 3) });
        // A staff row whose category was removed: it counts in no cell (computeCoverage skips it).
        if (rnd() < 0.2) await createTrainingAttendance(x, { eventId, divisionId, group: "STAFF", staffCategoryId: null, registered: 2, attended: 2 });
      }
    }
    // Staff of a category without any need trained: a cell with nothing identified.
    const counsellors = (await createStaffCategory(x, { name: "Kuratorer" })).id;
    await createTrainingAttendance(x, { eventId: events[2]!, divisionId: div.y, group: "STAFF", staffCategoryId: counsellors, registered: 3, attended: 3 });
  });

  /** computeCoverage over the year's rows as the viewer may see them (all divisions when `divisions` is null). */
  async function oracle(divisions: string[] | null) {
    const x = ownerDb();
    const visible = (divisionId: string) => divisions === null || divisions.includes(divisionId);
    const needs = await x.trainingNeed.findMany({
      select: {
        id: true, divisionId: true, staffCategoryId: true, level: true, headcount: true, wantedBy: true, createdAt: true, status: true,
        division: { select: { name: true, sortOrder: true } }, staffCategory: { select: { name: true, sortOrder: true } },
        events: { select: { competencePlanId: true } },
      },
    });
    const ofYear = needs
      .filter((n) => n.status !== "CANCELLED" && visible(n.divisionId))
      .filter((n) => n.wantedBy.getUTCFullYear() === YEAR || n.events.some((e) => e.competencePlanId === planId))
      // Equal dates and creation times are shared out by id, as the database orders them.
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const attendance = await x.trainingAttendance.findMany({
      where: { event: { competencePlanId: planId, status: { not: "CANCELLED" } } },
      select: {
        divisionId: true, group: true, staffCategoryId: true, attended: true,
        division: { select: { name: true } }, staffCategory: { select: { name: true } }, event: { select: { level: true } },
      },
    });
    const needFigures: NeedFigure[] = ofYear.map((n) => ({
      id: n.id, divisionId: n.divisionId, division: n.division.name, staffCategoryId: n.staffCategoryId, staffCategory: n.staffCategory.name,
      level: n.level, headcount: n.headcount, wantedBy: n.wantedBy, createdAt: n.createdAt,
    }));
    const attendanceFigures: AttendanceFigure[] = attendance.filter((a) => visible(a.divisionId)).map((a) => ({
      divisionId: a.divisionId, division: a.division.name, group: a.group, staffCategoryId: a.staffCategoryId,
      staffCategory: a.staffCategory?.name ?? null, level: a.event.level, attended: a.attended,
    }));
    const coverage = computeCoverage(needFigures, attendanceFigures);
    // The needs list's order: division and staff category in the municipality's order, level, then sharing order.
    const order = (n: (typeof ofYear)[number]) => [n.division.sortOrder, n.division.name, n.level === "BASIC" ? 0 : 1, n.staffCategory.sortOrder, n.staffCategory.name, n.wantedBy.getTime(), n.createdAt.getTime(), n.id] as const;
    const listed = [...ofYear].sort((a, b) => {
      const [p, q] = [order(a), order(b)];
      for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return p[i]! < q[i]! ? -1 : 1;
      return 0;
    });
    return {
      coverage,
      needs: listed.map((n) => {
        const figure = needFigures.find((f) => f.id === n.id)!;
        return { ...figure, ...coverage.needs.get(n.id)! };
      }),
    };
  }

  /** Every page of the plan's needs list, in order. */
  async function allPages(viewer: Viewer) {
    const first = await getPlanOverview(viewer, YEAR);
    const pages = [first.needs];
    for (let page = 2; page <= first.needs.pages; page++) pages.push((await getPlanOverview(viewer, YEAR, page)).needs);
    return { first, pages };
  }

  it(`matches computeCoverage for the coordinator: rows, totals, others and every page's shares (seed ${SEED})`, async () => {
    const expected = await oracle(null);
    const { first, pages } = await allPages(coordinator);
    // The data really exercises the rule: partly covered, exceeded and untouched cells.
    expect(expected.coverage.rows.length).toBeGreaterThan(12);
    expect(expected.coverage.rows.some((r) => r.identified > 0 && r.trained > r.identified)).toBe(true);
    expect(expected.coverage.rows.some((r) => r.trained > 0 && r.trained < r.identified)).toBe(true);
    expect(expected.coverage.rows.some((r) => r.identified === 0)).toBe(true);
    expect([...expected.coverage.needs.values()].some((n) => !n.covered && n.trained > 0)).toBe(true);

    expect(first.coverage.rows).toEqual(expected.coverage.rows);
    expect(first.coverage.totals).toEqual(expected.coverage.totals);
    expect(first.coverage.others).toEqual(expected.coverage.others);
    expect(first.coverage.others.length).toBeGreaterThan(0);
    needTotal = expected.needs.length;
    expect(first.needs.total).toBe(needTotal);
    expect(pages.flatMap((p) => p.rows)).toEqual(expected.needs);
  });

  it("matches computeCoverage for a division head, who sees their own division only", async () => {
    const expected = await oracle([div.y]);
    const { first, pages } = await allPages(headY);
    expect(expected.coverage.rows.length).toBeGreaterThan(2);
    expect(first.coverage.rows).toEqual(expected.coverage.rows);
    expect(first.coverage.totals).toEqual(expected.coverage.totals);
    expect(first.coverage.others).toEqual(expected.coverage.others);
    const listed = pages.flatMap((p) => p.rows);
    expect(listed).toEqual(expected.needs);
    expect(new Set([...first.coverage.rows, ...first.coverage.totals, ...first.coverage.others, ...listed].map((r) => r.divisionId))).toEqual(new Set([div.y]));
  });

  it("limits the queries by the viewer's scope themselves, not only by row-level security", async () => {
    // The owner's connection bypasses row-level security: what stays out is the scope's doing.
    const query = { needScope: scopes.trainingNeed(headY, "read"), attendanceScope: scopes.trainingAttendance(headY, "read"), year: YEAR, planId };
    const [table, page] = await ownerDb().$transaction(async (tx) => [
      await coverageTable(tx, query),
      await needsWithCoverage(tx, query, { skip: 0, take: 1000 }),
    ] as const);
    const expected = await oracle([div.y]);
    expect(table.rows).toEqual(expected.coverage.rows);
    expect(table.others).toEqual(expected.coverage.others);
    expect(table.needCount).toBe(expected.needs.length);
    expect(page).toEqual(expected.needs);
  });

  it("gives a year without a plan its needs' figures, with nothing trained", async () => {
    const next = await getPlanOverview(coordinator, YEAR + 1);
    expect(next.plan).toBeNull();
    const wanted = await ownerDb().trainingNeed.findMany({
      where: { status: { not: "CANCELLED" }, wantedBy: { gte: new Date(`${YEAR + 1}-01-01T00:00:00Z`), lt: new Date(`${YEAR + 2}-01-01T00:00:00Z`) } },
      select: { headcount: true },
    });
    expect(wanted.length).toBeGreaterThan(0);
    expect(next.needs.total).toBe(wanted.length);
    expect(next.coverage.totals.reduce((sum, r) => sum + r.identified, 0)).toBe(wanted.reduce((sum, n) => sum + n.headcount, 0));
    expect(next.coverage.rows.every((r) => r.trained === 0)).toBe(true);
    expect(next.needs.rows.every((n) => n.trained === 0 && !n.covered)).toBe(true);
    expect(next.coverage.others).toEqual([]);
  });

  it("pages the needs: the next rows on page 2, the last page for a page beyond the end, one page at most", async () => {
    const expected = await oracle(null);
    expect(needTotal).toBeGreaterThan(2 * PLAN_NEEDS_PAGE_SIZE);
    const one = (await getPlanOverview(coordinator, YEAR, 1)).needs;
    const two = (await getPlanOverview(coordinator, YEAR, 2)).needs;
    expect(one).toMatchObject({ page: 1, total: needTotal, pages: Math.ceil(needTotal / PLAN_NEEDS_PAGE_SIZE) });
    expect(one.rows).toEqual(expected.needs.slice(0, PLAN_NEEDS_PAGE_SIZE));
    expect(two.page).toBe(2);
    expect(two.rows).toEqual(expected.needs.slice(PLAN_NEEDS_PAGE_SIZE, 2 * PLAN_NEEDS_PAGE_SIZE));
    // Past the end: the last page, as every list does (lib/pagination.ts).
    const beyond = (await getPlanOverview(coordinator, YEAR, 9999)).needs;
    expect(beyond.page).toBe(one.pages);
    expect(beyond.rows).toEqual(expected.needs.slice((one.pages - 1) * PLAN_NEEDS_PAGE_SIZE));
    // The page's parameter: anything but a whole number is the first page.
    expect(planQuerySchema.parse({ ar: String(YEAR), page: "2" }).page).toBe(2);
    expect(planQuerySchema.parse({ ar: String(YEAR), page: "zwei" }).page).toBe(1);
    expect(planQuerySchema.parse({ ar: String(YEAR) }).page).toBe(1);
  });

  it("sends one page of needs and the table's cells, whatever the number of needs", async () => {
    const x = ownerDb();
    const before = await getPlanOverview(coordinator, YEAR);
    // Five hundred more needs in the year, in cells that already exist.
    await x.trainingNeed.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        divisionId: [div.x, div.y, div.z][i % 3]!, staffCategoryId: cat.teachers, level: i % 2 ? ("BASIC" as const) : ("ADVANCED" as const),
        headcount: 1, wantedBy: new Date(`${YEAR}-12-31T00:00:00Z`), createdById: coordinator.id,
      })),
    });
    const after = await getPlanOverview(coordinator, YEAR);
    expect(after.needs.total).toBe(before.needs.total + 500);
    expect(after.needs.rows).toHaveLength(PLAN_NEEDS_PAGE_SIZE);
    expect(after.coverage.rows.length).toBeLessThanOrEqual(before.coverage.rows.length + 6);
    // Still the oracle's figures.
    const expected = await oracle(null);
    expect(after.coverage.rows).toEqual(expected.coverage.rows);
    expect(after.coverage.totals).toEqual(expected.coverage.totals);
    expect((await getPlanOverview(coordinator, YEAR, 3)).needs.rows).toEqual(expected.needs.slice(2 * PLAN_NEEDS_PAGE_SIZE, 3 * PLAN_NEEDS_PAGE_SIZE));
  });

  it("exports the database's coverage: the spreadsheet holds the oracle's figures", async () => {
    const t = createTranslator({ locale: "sv", messages: MESSAGES.sv, namespace: "training" }) as unknown as TrainingText;
    const expected = await oracle(null);
    const xlsx = await exportPlan(coordinator, { year: YEAR, format: "xlsx" }, t, new Date(`${YEAR}-12-01T10:00:00Z`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheetRows: unknown[][] = [];
    workbook.getWorksheet("Täckning")!.eachRow((row, n) => { if (n > 4) sheetRows.push((row.values as unknown[]).slice(1)); });
    // A cell with nothing identified has no ratio: an empty cell, the row's last.
    expect(sheetRows).toEqual(expected.coverage.rows.map((r) => [
      r.division, r.level === "BASIC" ? "Grundläggande" : "Fördjupad", r.staffCategory, r.identified, r.trained, ...(r.ratio === null ? [] : [r.ratio]),
    ]));
  });
});
