// The dashboards' figures against a fixed data set, computed by hand, per role: the
// coordinator, a division head and an observer (small counts and a secondary suppression).
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError } from "@/lib/server/errors";
import { EXPECTED } from "@/tests/fixtures/access-expectations";
import { ROLES } from "@/lib/access/permissions";
import {
  createActionItem, createDistrict, createDivision, createFollowUp, createFollowUpCycle, createLegalBasis, createMeasure,
  createSituationEntry, createSituationReport, createSituationReportShare, createStaffCategory, createTrainingAttendance,
  createTrainingEvent, createTrainingNeed, createUser,
} from "@/prisma/factories";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = day("2031-06-15"); // the window: 2030-07-01 – 2031-06-30
const viewer = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "Test", email: "t@test.example" });

describe("getDashboard: every role's figures on a fixed data set", () => {
  let a: string; // the division head's own division
  let b: string;
  let d1: string;
  let d2: string;
  let d3: string;
  let userId: string;
  let finalReport: string;
  const month = (key: string) => `2031-${key}`;

  beforeAll(async () => {
    a = (await createDivision(ownerDb(), { name: "Avdelning A", sortOrder: 1 })).id;
    b = (await createDivision(ownerDb(), { name: "Avdelning B", sortOrder: 2 })).id;
    d1 = (await createDistrict(ownerDb(), { name: "Område 1" })).id;
    d2 = (await createDistrict(ownerDb(), { name: "Område 2" })).id;
    d3 = (await createDistrict(ownerDb(), { name: "Område 3" })).id; // active, no entries
    await createDistrict(ownerDb(), { name: "Område 0 (nedlagt)", active: false }); // inactive, no entries
    userId = (await createUser(ownerDb(), { role: "COORDINATOR" })).id;
    const entry = (divisionId: string, n: number, data: Parameters<typeof createSituationEntry>[1] extends infer T ? Partial<T> : never) =>
      Promise.all(Array.from({ length: n }, () => createSituationEntry(ownerDb(), { divisionId, createdById: userId, ...data })));
    await entry(a, 6, { environment: "RIGHT_WING", observedOn: day("2031-06-01"), districtId: d1, status: "SUBMITTED" });
    await entry(a, 2, { environment: "RIGHT_WING", observedOn: day("2031-05-10"), districtId: d1, status: "REVIEWED" });
    await entry(b, 7, { environment: "ISLAMIST", observedOn: day("2031-05-20"), districtId: d2, status: "REVIEWED" });
    await entry(b, 1, { environment: "LEFT_WING", observedOn: day("2031-06-03"), districtId: null, status: "DRAFT" });
    await entry(a, 1, { environment: "RIGHT_WING", observedOn: day("2030-06-30"), districtId: d1, status: "SUBMITTED" }); // before the window

    const measure = (ownerDivisionId: string, n: number, level: "GENERAL" | "SPECIFIC" | "INDIVIDUAL", status: "PLANNED" | "ONGOING" | "COMPLETED") =>
      Promise.all(Array.from({ length: n }, () => createMeasure(ownerDb(), { ownerDivisionId, level, status })));
    await measure(a, 6, "GENERAL", "ONGOING");
    await measure(a, 1, "SPECIFIC", "PLANNED");
    await measure(b, 5, "GENERAL", "ONGOING");
    await measure(b, 2, "INDIVIDUAL", "COMPLETED");

    const category = (await createStaffCategory(ownerDb())).id;
    await createTrainingNeed(ownerDb(), { divisionId: a, staffCategoryId: category, createdById: userId, headcount: 12, wantedBy: day("2031-09-01") });
    await createTrainingNeed(ownerDb(), { divisionId: b, staffCategoryId: category, createdById: userId, headcount: 3, wantedBy: day("2031-03-01") });
    await createTrainingNeed(ownerDb(), { divisionId: a, staffCategoryId: category, createdById: userId, headcount: 50, wantedBy: day("2031-09-01"), status: "CANCELLED" });
    await createTrainingNeed(ownerDb(), { divisionId: a, staffCategoryId: category, createdById: userId, headcount: 40, wantedBy: day("2030-12-01") });
    const held = await createTrainingEvent(ownerDb(), { startsAt: day("2031-02-01"), status: "HELD" });
    const planned = await createTrainingEvent(ownerDb(), { startsAt: day("2031-08-01"), status: "PLANNED" });
    await createTrainingAttendance(ownerDb(), { eventId: held.id, divisionId: a, attended: 9 });
    await createTrainingAttendance(ownerDb(), { eventId: held.id, divisionId: b, attended: 4 });
    await createTrainingAttendance(ownerDb(), { eventId: planned.id, divisionId: a, attended: 20 });

    const cycle = await createFollowUpCycle(ownerDb(), { year: 2031, dueDate: day("2031-05-31"), periodStart: day("2031-01-01"), periodEnd: day("2031-04-30") });
    await createFollowUp(ownerDb(), { cycleId: cycle.id, divisionId: a, status: "NOT_STARTED" });
    await createFollowUp(ownerDb(), { cycleId: cycle.id, divisionId: b, status: "SUBMITTED" });

    await createActionItem(ownerDb(), { ownerId: userId, divisionId: a, dueDate: day("2031-06-01") });
    await createActionItem(ownerDb(), { ownerId: userId, divisionId: a, dueDate: day("2031-07-01") });
    await createActionItem(ownerDb(), { ownerId: userId, divisionId: b, dueDate: day("2031-06-10"), status: "IN_PROGRESS" });
    await createActionItem(ownerDb(), { ownerId: userId, divisionId: b, dueDate: day("2031-01-01"), status: "DONE" });
    await createActionItem(ownerDb(), { ownerId: userId, divisionId: null, dueDate: day("2031-06-20") });

    await createSituationReport(ownerDb(), { title: "Lägesbild Q1", periodStart: day("2031-01-01"), periodEnd: day("2031-03-31") });
    finalReport = (await createSituationReport(ownerDb(), { title: "Lägesbild april–maj", periodStart: day("2031-04-01"), periodEnd: day("2031-05-31"), status: "FINAL" })).id;
    const basis = (await createLegalBasis(ownerDb())).id;
    await createSituationReportShare(ownerDb(), { reportId: finalReport, legalBasisId: basis, sharedById: userId, recipient: "Länsstyrelsen", sharedOn: day("2031-06-02") });
    await createSituationReportShare(ownerDb(), { reportId: finalReport, legalBasisId: basis, sharedById: userId, recipient: "Polisen", sharedOn: day("2031-06-05") });
  });

  it("gives the coordinator every division's figures", async () => {
    const d = await getDashboard(viewer("COORDINATOR", [], userId), TODAY);
    expect(d.view).toBe("full");
    expect(d.window).toMatchObject({ from: "2030-07-01", to: "2031-06-30" });
    const may = d.window.months.findIndex((m) => m.key === month("05"));
    const june = d.window.months.findIndex((m) => m.key === month("06"));
    expect(june).toBe(11);
    // Rows: RIGHT_WING, LEFT_WING, ISLAMIST, OTHER_UNCLEAR.
    expect(d.entries!.cells[0]![may]).toBe(2);
    expect(d.entries!.cells[0]![june]).toBe(6);
    expect(d.entries!.cells[1]![june]).toBe(1);
    expect(d.entries!.cells[2]![may]).toBe(7);
    expect(d.entries!.rowTotals).toEqual([8, 1, 7, 0]);
    expect(d.entries!.columnTotals[may]).toBe(9);
    expect(d.entries!.columnTotals[june]).toBe(7);
    expect(d.entries!.total).toBe(16);
    expect(d.districts).toEqual({
      rows: [{ id: d1, name: "Område 1", count: 8 }, { id: d2, name: "Område 2", count: 7 }, { id: null, name: null, count: 1 }],
      total: 16,
    });
    expect(d.awaitingReview).toBe(7); // six in June and one before the window
    expect(d.latestReport).toMatchObject({ id: finalReport, status: "FINAL", shares: 2, lastRecipient: "Polisen" });
    expect(d.training!.rows.filter((r) => r.id === a || r.id === b)).toEqual([
      { id: a, name: "Avdelning A", needed: 12, attended: 9 },
      { id: b, name: "Avdelning B", needed: 3, attended: 4 },
    ]);
    expect(d.followUps!.rows.filter((r) => r.id === a || r.id === b).map((r) => [r.name, r.overdue, r.byStatus.NOT_STARTED, r.byStatus.SUBMITTED]))
      .toEqual([["Avdelning A", 1, 1, 0], ["Avdelning B", 0, 0, 1]]);
    expect(d.actionItems).toMatchObject({ open: 4, overdue: 2 });
    expect(d.actionItems!.rows.slice(0, 2).map((r) => r.overdue)).toEqual([1, 1]); // overdue first
    expect(d.actionItems!.rows.find((r) => r.id === null)).toMatchObject({ open: 1, overdue: 0 });
    // Levels GENERAL, SPECIFIC, INDIVIDUAL × PLANNED, ONGOING, PAUSED, COMPLETED, CANCELLED.
    expect(d.measures!.cells).toEqual([[0, 11, 0, 0, 0], [1, 0, 0, 0, 0], [0, 0, 0, 2, 0]]);
    expect(d.measures!.total).toBe(14);
  });

  it("gives a division head the same figures for their own division only", async () => {
    const d = await getDashboard(viewer("DIVISION_HEAD", [a], userId), TODAY);
    expect(d.entries!.rowTotals).toEqual([8, 0, 0, 0]);
    expect(d.entries!.total).toBe(8);
    expect(d.districts).toEqual({ rows: [{ id: d1, name: "Område 1", count: 8 }], total: 8 });
    expect(d.awaitingReview).toBe(7);
    expect(d.latestReport).toBeNull(); // reports are the coordinator's and observers'
    expect(d.training!.rows).toEqual([{ id: a, name: "Avdelning A", needed: 12, attended: 9 }]);
    expect(d.followUps!.rows.map((r) => [r.name, r.overdue])).toEqual([["Avdelning A", 1]]);
    expect(d.actionItems).toMatchObject({ open: 2, overdue: 1, rows: [{ id: a, open: 2, overdue: 1 }] });
    expect(d.measures!.cells).toEqual([[0, 6, 0, 0, 0], [1, 0, 0, 0, 0], [0, 0, 0, 0, 0]]);
    expect(d.measures!.total).toBe(7);
  });

  it("gives an observer grouped counts only, small ones <5 and the totals that would give one back hidden", async () => {
    const d = await getDashboard(viewer("OBSERVER", [], userId), TODAY);
    expect(d.view).toBe("aggregates");
    expect(d.threshold).toBe(5);
    const may = 10;
    const june = 11;
    // Shown: 6 right-wing entries in June, 7 Islamist in May. 2 and 1 are small.
    expect(d.entries!.cells[0]![june]).toBe(6);
    expect(d.entries!.cells[2]![may]).toBe(7);
    expect(d.entries!.cells[0]![may]).toBe("small");
    expect(d.entries!.cells[1]![june]).toBe("small");
    // Secondary: right-wing 8 − the 6 shown = the hidden 2; June 7 − 6 = the hidden 1; May 9 − 7 = 2.
    expect(d.entries!.rowTotals).toEqual(["derived", "small", "derived", "small"]);
    expect(d.entries!.columnTotals[may]).toBe("derived");
    expect(d.entries!.columnTotals[june]).toBe("derived");
    // The grand total: every row total hidden, together 16 — not a small count in this table,
    // but it is the districts' total too (the same entries): 16 − 8 − 7 would give back the
    // whole municipality's 1, so it is hidden in both, never shown in one and hidden in the other.
    expect(d.entries!.total).toBe("derived");
    expect(d.districts!.total).toBe("derived");
    expect(d.districts!.total).toBe(d.entries!.total);
    // Districts: 8 and 7 shown, the whole municipality's 1 small; every active district listed,
    // the one without entries too (left out, it would say "zero"), the inactive one without not.
    expect(d.districts!.rows.map((r) => [r.name, r.count])).toEqual([["Område 1", 8], ["Område 2", 7], ["Område 3", "small"], [null, "small"]]);
    expect(d.districts!.rows.find((r) => r.name === "Område 3")!.id).toBe(d3);
    expect(d.measures!.cells[0]![1]).toBe(11);
    expect(d.measures!.cells[1]![0]).toBe("small");
    expect(d.measures!.rowTotals[0]).toBe("derived"); // 11 − 11 = the hidden zeros
    expect(d.measures!.total).toBe(14);
    const training = d.training!.rows.filter((r) => r.id === a || r.id === b);
    expect(training.map((r) => [r.needed, r.attended])).toEqual([[12, 9], ["small", "small"]]);
    expect([d.training!.needed, d.training!.attended]).toEqual(["derived", "derived"]);
    // Follow-ups and action items as counts: here every one below 5, the totals too (2 follow-ups,
    // 4 open and 2 overdue items). tests/integration/dashboard-follow-up-figures.test.ts has
    // figures large enough to show.
    expect(d.followUps!.rows.filter((r) => r.id === a || r.id === b).map((r) => [r.name, r.total, r.overdue]))
      .toEqual([["Avdelning A", "small", "small"], ["Avdelning B", "small", "small"]]);
    expect(d.followUps!.totals).toMatchObject({ total: "small", overdue: "small" });
    expect(d.actionItems).toMatchObject({ open: "small", overdue: "small" });
    expect(d.actionItems!.rows.every((r) => r.open === "small" && r.overdue === "small")).toBe(true);
    // No single record and nothing an observer may not read: no review queue, no sharing.
    expect(d).toMatchObject({ awaitingReview: null });
    expect(d.latestReport).toMatchObject({ id: finalReport, shares: null, lastRecipient: null });
    expect(JSON.stringify(d)).not.toMatch(/Polisen|Länsstyrelsen/);
  });

  it("follows the threshold the coordinator raised", async () => {
    await ownerDb().setting.upsert({ where: { key: "aggregates.suppressionThreshold" }, create: { key: "aggregates.suppressionThreshold", value: 8 }, update: { value: 8 } });
    try {
      const d = await getDashboard(viewer("OBSERVER", [], userId), TODAY);
      expect(d.threshold).toBe(8);
      expect(d.entries!.cells[0]![11]).toBe("small"); // 6 < 8
      expect(d.districts!.rows.map((r) => r.count)).toEqual([8, "small", "small", "small"]);
      // 16 − 8 = 8 hidden in the districts; but May's 9 leaves 7 hidden in the months: both hidden.
      expect([d.entries!.total, d.districts!.total]).toEqual(["derived", "derived"]);
    } finally {
      await ownerDb().setting.delete({ where: { key: "aggregates.suppressionThreshold" } });
    }
  });

  it("access matrix: every role, as a member of A or of B, gets what the expectations table gives it", async () => {
    for (const role of ROLES) {
      for (const divisions of [[a], [b]]) {
        const run = getDashboard(viewer(role, divisions, userId), TODAY);
        if (!(EXPECTED[role].aggregates?.[0] ?? []).includes("read")) {
          await expect(run, role).rejects.toThrow(AccessDeniedError);
          continue;
        }
        const d = await run;
        const bound = role === "DIVISION_HEAD" || role === "NETWORK_MEMBER";
        // Right-wing entries are all A's: a member of B sees none of them, nothing of A at all.
        expect(d.entries!.rowTotals[0], `${role} ${divisions[0] === a ? "A" : "B"}`).toBe(bound && divisions[0] === b ? 0 : role === "OBSERVER" ? "derived" : 8);
        if (bound && divisions[0] === b) expect(JSON.stringify(d), role).not.toContain(a);
      }
    }
  });

  it("refuses the IT administrator", async () => {
    await expect(getDashboard(viewer("ADMIN", [], userId), TODAY)).rejects.toThrow(AccessDeniedError);
  });
});
