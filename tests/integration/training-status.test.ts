// Training events and needs change status in the app (review of issue 10): attendance recorded
// on or after an event's day marks it held in the same transaction — and then the dashboard and
// the yearly evaluation, which count held events' attendance, count it; attendance before the
// event or for a cancelled one is refused in Swedish and saves nothing; cancelling a planned
// event is audited and refuses a stale version; /utbildning shows each need's status computed
// from the plan, the same rule /kompetensplan calls "Täckt", and its status filter returns
// exactly what it shows.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import { ownerDb } from "@/tests/setup/owner-db";
import { MESSAGES } from "@/lib/i18n/messages";
import { getViewer } from "@/lib/server/auth/viewer";
import type { Viewer } from "@/lib/access/viewer";
import { cancelEventAction, recordAttendanceAction, updateEventAction } from "@/app/(app)/kompetensplan/actions";
import { recordAttendance } from "@/lib/server/training/record-attendance";
import { cancelEvent } from "@/lib/server/training/cancel-event";
import { listNeeds } from "@/lib/server/training/list-needs";
import { getPlanOverview } from "@/lib/server/training/get-plan";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { collectEvaluationFigures } from "@/lib/server/evaluation/figures";
import { attendanceSchema, needFilterSchema, NEED_STATUSES } from "@/lib/schemas/training";
import { StaleEditError } from "@/lib/server/errors";
import {
  createCompetencePlan, createDivision, createStaffCategory, createTrainingAttendance, createTrainingEvent, createTrainingNeed, createUser,
} from "@/prisma/factories";

vi.mock("@/lib/server/auth/viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/auth/viewer")>()),
  getViewer: vi.fn(),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: "sv", messages: MESSAGES.sv }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
const callAs = (viewer: Viewer) => vi.mocked(getViewer).mockResolvedValue(viewer);

const YEAR = 2027;
/** Noon on a day of the plan year, Stockholm being an hour or two ahead: the same day there. */
const on = (date: string) => new Date(`${date}T10:00:00Z`);

let coordinator: Viewer;
let developer: Viewer;
let head: Viewer;
let division = "";
let other = "";
let category = "";
let planId = "";

const sheet = (eventId: string, divisionId: string, attended: number) =>
  attendanceSchema.parse({ eventId, divisionId, rows: [{ group: "STAFF", staffCategoryId: category, registered: attended, attended }] });
const eventRow = (id: string) => ownerDb().trainingEvent.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
/** What a refusal must leave as it was: the event, every attendance row, the audit trail. */
const everything = async (eventId: string) => ({
  event: await eventRow(eventId),
  attendance: await ownerDb().trainingAttendance.findMany({ where: { eventId }, select: { divisionId: true, attended: true }, orderBy: { divisionId: "asc" } }),
  audits: await ownerDb().auditEvent.count({ where: { entityId: eventId } }),
});

beforeAll(async () => {
  const x = ownerDb();
  division = (await createDivision(x, { name: "Statusdivisionen" })).id;
  other = (await createDivision(x, { name: "Andra divisionen" })).id;
  category = (await createStaffCategory(x, { name: "Fritidsledare" })).id;
  const u = async (role: Viewer["role"], divisionIds: string[] = []) => as(role, divisionIds, (await createUser(x, { role, divisionIds })).id);
  coordinator = await u("COORDINATOR");
  developer = await u("NETWORK_MEMBER", [division]);
  head = await u("DIVISION_HEAD", [division]);
  await x.networkMembership.create({ data: { userId: developer.id, divisionId: division, responsibilities: ["COMPETENCE_DEVELOPMENT"] } });
  planId = (await createCompetencePlan(x, { year: YEAR })).id;
});

describe("attendance marks an event held, and the figures count it", () => {
  it("on the event's day the first sheet marks it held (version bumped, in the same transaction); the dashboard and the evaluation count it", async () => {
    const event = await createTrainingEvent(ownerDb(), { competencePlanId: planId, startsAt: on(`${YEAR}-03-10`) });
    const today = new Date(`${YEAR}-06-15T00:00:00Z`);
    const dashboardBefore = await getDashboard(coordinator, today);
    const row = (d: Awaited<ReturnType<typeof getDashboard>>) => d.training?.rows.find((r) => r.id === division);
    expect(row(dashboardBefore)?.attended ?? 0).toBe(0);
    const evaluationBefore = await ownerDb().$transaction((tx) => collectEvaluationFigures(tx, YEAR, today));

    // The day itself counts ("passed or today"), in Stockholm time.
    await recordAttendance(developer, sheet(event.id, division, 9), on(`${YEAR}-03-10`));
    expect(await eventRow(event.id)).toEqual({ status: "HELD", version: 2 });
    const audit = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "trainingAttendance.record", entityId: event.id } });
    expect(audit.details).toMatchObject({ attended: 9, markedHeld: true });

    // A correction later: the event stays held, its version is not bumped again.
    await recordAttendance(coordinator, sheet(event.id, division, 11), on(`${YEAR}-03-20`));
    await recordAttendance(coordinator, sheet(event.id, other, 4), on(`${YEAR}-03-20`));
    expect(await eventRow(event.id)).toEqual({ status: "HELD", version: 2 });

    const dashboard = await getDashboard(coordinator, today);
    expect(row(dashboard)?.attended).toBe(11);
    expect(dashboard.training?.rows.find((r) => r.id === other)?.attended).toBe(4);
    expect(dashboard.training!.attended).toBe((dashboardBefore.training!.attended as number) + 15);

    const evaluation = await ownerDb().$transaction((tx) => collectEvaluationFigures(tx, YEAR, today));
    expect(evaluation.trainingEvents).toBe(evaluationBefore.trainingEvents + 1);
    expect(evaluation.training.find((r) => r.division === "Statusdivisionen")?.attended).toBe(11);
    expect(evaluation.training.find((r) => r.division === "Andra divisionen")?.attended).toBe(4);
  });

  it("refuses attendance before the event's day with a Swedish message, and saves nothing", async () => {
    const event = await createTrainingEvent(ownerDb(), { competencePlanId: planId, startsAt: new Date("2999-05-01T08:00:00Z") });
    const before = await everything(event.id);
    callAs(coordinator);
    expect(await recordAttendanceAction(undefined, sheet(event.id, division, 5) as never)).toEqual({
      ok: false, formError: "Tillfället har inte ägt rum ännu. Deltagandet registreras från och med tillfällets dag.",
    });
    // The evening before, Stockholm time (23:30 summer time on the 9th is 21:30 UTC): still before.
    const tomorrow = await createTrainingEvent(ownerDb(), { competencePlanId: planId, startsAt: on(`${YEAR}-04-10`) });
    const tomorrowBefore = await everything(tomorrow.id);
    await expect(recordAttendance(coordinator, sheet(tomorrow.id, division, 5), new Date(`${YEAR}-04-09T21:30:00Z`))).rejects.toThrow("training.errors.eventNotHeldYet");
    expect(await everything(event.id)).toEqual(before);
    expect(await everything(tomorrow.id)).toEqual(tomorrowBefore);
  });
});

describe("cancelling a planned event", () => {
  it("is audited, refuses a stale version, and a cancelled event takes no attendance and no edit", async () => {
    const event = await createTrainingEvent(ownerDb(), { competencePlanId: planId, startsAt: on(`${YEAR}-05-10`) });
    // A division head may not; a network member without the responsibility neither.
    callAs(head);
    expect(await cancelEventAction(undefined, { id: event.id, version: 1, confirmed: true })).toMatchObject({ ok: false, formError: "Din roll får inte göra detta." });
    // Not without the confirmation step.
    callAs(coordinator);
    expect(await cancelEventAction(undefined, { id: event.id, version: 1 } as never)).toMatchObject({ ok: false, fieldErrors: { confirmed: ["Bekräfta först."] } });
    // Someone changed the event since the page showed it: stale, nothing cancelled, nothing audited.
    await ownerDb().trainingEvent.update({ where: { id: event.id }, data: { capacity: 12, version: 2 } });
    await expect(cancelEvent(coordinator, { id: event.id, version: 1 })).rejects.toBeInstanceOf(StaleEditError);
    expect(await cancelEventAction(undefined, { id: event.id, version: 1, confirmed: true })).toMatchObject({ ok: false, formError: expect.stringContaining("Någon annan har ändrat") });
    expect(await eventRow(event.id)).toEqual({ status: "PLANNED", version: 2 });
    expect(await ownerDb().auditEvent.count({ where: { action: "trainingEvent.cancel", entityId: event.id } })).toBe(0);

    callAs(developer);
    expect(await cancelEventAction(undefined, { id: event.id, version: 2, confirmed: true })).toEqual({ ok: true, data: undefined });
    expect(await eventRow(event.id)).toEqual({ status: "CANCELLED", version: 3 });
    const audit = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "trainingEvent.cancel", entityId: event.id } });
    expect(audit).toMatchObject({ actorId: developer.id, entityType: "TrainingEvent", details: { planYear: YEAR, fromVersion: 2 } });

    // No attendance for a cancelled event, in Swedish, nothing saved; not cancelled twice; no edit.
    const before = await everything(event.id);
    callAs(coordinator);
    expect(await recordAttendanceAction(undefined, sheet(event.id, division, 5) as never)).toEqual({ ok: false, formError: "Tillfället är inställt och tar inte emot deltagande." });
    expect(await cancelEventAction(undefined, { id: event.id, version: 3, confirmed: true })).toMatchObject({ ok: false, formError: expect.stringContaining("Bara ett planerat tillfälle") });
    expect(await updateEventAction(undefined, {
      planId, id: event.id, version: 3, title: "Igen", level: "BASIC", startsAt: `${YEAR}-05-10T12:00`, provider: "CVE", location: "", capacity: 10,
      material: "", description: "", targetStaffCategoryIds: [], targetDivisionIds: [], needIds: [],
    })).toMatchObject({ ok: false, formError: "Tillfället är inställt och kan inte ändras." });
    expect(await everything(event.id)).toEqual(before);
  });

  it("refuses to cancel a held event, or to move it to a day still to come", async () => {
    const event = await createTrainingEvent(ownerDb(), { competencePlanId: planId, startsAt: on(`${YEAR}-02-01`) });
    await recordAttendance(coordinator, sheet(event.id, division, 3), on(`${YEAR}-02-02`));
    callAs(coordinator);
    expect(await cancelEventAction(undefined, { id: event.id, version: 2, confirmed: true })).toMatchObject({ ok: false, formError: expect.stringContaining("Bara ett planerat tillfälle") });
    expect(await eventRow(event.id)).toEqual({ status: "HELD", version: 2 });
    // Nor is a held event moved to a day still to come.
    expect(await updateEventAction(undefined, {
      planId, id: event.id, version: 2, title: "Flyttad", level: "BASIC", startsAt: "2999-01-01T09:00", provider: "CVE", location: "", capacity: 10,
      material: "", description: "", targetStaffCategoryIds: [], targetDivisionIds: [], needIds: [],
    })).toMatchObject({ ok: false, fieldErrors: { startsAt: [expect.stringContaining("kan inte flyttas")] } });
    expect(await eventRow(event.id)).toEqual({ status: "HELD", version: 2 });
  });
});

describe("a need's status on /utbildning is computed, and the filter returns what it shows", () => {
  it("registered, planned, met (the rule /kompetensplan calls Täckt) and withdrawn, each filter exactly its own", async () => {
    const x = ownerDb();
    const cat = (await createStaffCategory(x, { name: "Statuskategori" })).id;
    const plan = (await createCompetencePlan(x, { year: YEAR + 1 })).id;
    const need = async (headcount: number, wantedBy: string, data: { status?: "CANCELLED"; level?: "BASIC" | "ADVANCED" } = {}) =>
      (await createTrainingNeed(x, { divisionId: division, staffCategoryId: cat, headcount, wantedBy: new Date(`${wantedBy}T00:00:00Z`), createdById: coordinator.id, level: "BASIC", ...data })).id;
    const event = async (status: "PLANNED" | "HELD" | "CANCELLED", needIds: string[], level: "BASIC" | "ADVANCED" = "BASIC") =>
      (await createTrainingEvent(x, { competencePlanId: plan, status, level, startsAt: on(`${YEAR + 1}-02-01`), needs: { connect: needIds.map((id) => ({ id })) } })).id;
    const attended = async (eventId: string, n: number) => createTrainingAttendance(x, { eventId, divisionId: division, staffCategoryId: cat, attended: n, registered: n });

    // Basic level, one cell: the held event's 12 attended cover the earliest needs first —
    // 5 (met), then 6 (met, 11 of 12), then 4 (1 left: not met). The planned event makes the
    // third "planned"; the fourth is linked to a cancelled event only: registered.
    const met1 = await need(5, `${YEAR + 1}-01-15`);
    const met2 = await need(6, `${YEAR + 1}-02-15`);
    const plannedPartly = await need(4, `${YEAR + 1}-03-15`);
    const registeredCancelledEvent = await need(3, `${YEAR + 1}-04-15`);
    const withdrawn = await need(2, `${YEAR + 1}-05-15`, { status: "CANCELLED" });
    const held = await event("HELD", [met1, met2]);
    await attended(held, 12);
    await event("PLANNED", [plannedPartly]);
    const cancelled = await event("CANCELLED", [registeredCancelledEvent]);
    await attended(cancelled, 50); // a cancelled event's attendance covers nothing
    // In-depth level: a need with no event at all, and one planned.
    const registered = await need(7, `${YEAR + 1}-06-15`, { level: "ADVANCED" });
    const planned = await need(1, `${YEAR + 1}-07-15`, { level: "ADVANCED" });
    await event("PLANNED", [planned], "ADVANCED");

    const expected: Record<string, string> = {
      [met1]: "MET", [met2]: "MET", [plannedPartly]: "PLANNED", [registeredCancelledEvent]: "REGISTERED", [withdrawn]: "CANCELLED",
      [registered]: "REGISTERED", [planned]: "PLANNED",
    };
    for (const viewer of [coordinator, head]) {
      const shown = new Map<string, string>();
      const all = await listNeeds(viewer, needFilterSchema.parse({ kategori: cat }));
      for (const r of all.rows) shown.set(r.id, r.status);
      expect(all.rows.every((r) => r.status !== "CANCELLED")).toBe(true);
      for (const status of NEED_STATUSES) {
        const list = await listNeeds(viewer, needFilterSchema.parse({ kategori: cat, status }));
        const want = Object.keys(expected).filter((id) => expected[id] === status).sort();
        expect(list.rows.map((r) => r.id).sort(), status).toEqual(want);
        expect(list.rows.every((r) => r.status === status), status).toBe(true);
        // The grouped view and the count hold the same needs as the list.
        expect(list.total).toBe(want.length);
        expect(list.groups.reduce((n, g) => n + g.needs, 0)).toBe(want.length);
        if (status !== "CANCELLED") for (const r of list.rows) expect(shown.get(r.id)).toBe(status);
      }
      // The cancelled event is not listed as the need's event; the held and planned ones are.
      const rows = new Map(all.rows.map((r) => [r.id, r]));
      expect(rows.get(registeredCancelledEvent)?.events).toEqual([]);
      expect(rows.get(met1)?.events).toHaveLength(1);
    }

    // /kompetensplan agrees: "Täckt" exactly for the needs /utbildning calls "Tillgodosett".
    const overview = await getPlanOverview(coordinator, YEAR + 1);
    const covered = overview.needs.rows.filter((n) => Object.keys(expected).includes(n.id)).map((n) => [n.id, n.covered]);
    expect(Object.fromEntries(covered)).toEqual(Object.fromEntries(Object.keys(expected).filter((id) => expected[id] !== "CANCELLED").map((id) => [id, expected[id] === "MET"])));

    // Attendance moves a need on: the planned event held with 4 attended of the rest → all basic needs met...
    const basicPlanned = (await x.trainingEvent.findFirstOrThrow({ where: { competencePlanId: plan, status: "PLANNED", level: "BASIC" } })).id;
    await recordAttendance(coordinator, sheet(basicPlanned, division, 0), on(`${YEAR + 1}-02-01`)); // marks it held, nothing attended
    await x.trainingAttendance.create({ data: { eventId: basicPlanned, divisionId: division, staffCategoryId: cat, attended: 3, registered: 3 } });
    const after = await listNeeds(coordinator, needFilterSchema.parse({ kategori: cat, status: "MET" }));
    expect(after.rows.map((r) => r.id).sort()).toEqual([met1, met2, plannedPartly].sort());
    // ...and cancelling a planned event turns its need back to registered.
    const advancedPlanned = (await x.trainingEvent.findFirstOrThrow({ where: { competencePlanId: plan, status: "PLANNED", level: "ADVANCED" } }));
    await cancelEvent(coordinator, { id: advancedPlanned.id, version: advancedPlanned.version });
    const registeredNow = await listNeeds(coordinator, needFilterSchema.parse({ kategori: cat, status: "REGISTERED" }));
    expect(registeredNow.rows.map((r) => r.id).sort()).toEqual([registeredCancelledEvent, registered, planned].sort());
    // Another division's head sees none of these needs, under any status.
    const otherHead = as("DIVISION_HEAD", [other], (await createUser(x, { role: "DIVISION_HEAD", divisionIds: [other] })).id);
    for (const status of NEED_STATUSES) expect((await listNeeds(otherHead, needFilterSchema.parse({ kategori: cat, status }))).total).toBe(0);
  });
});
