// The dashboard's follow-up status and open/overdue action items per division, on a fixed data
// set computed by hand: the coordinator's figures, and an observer's — the same counts from the
// database function varna_dashboard_figures (observers have no rows of these tables), small
// ones "<5" and, where one could be computed back, the totals hidden too.
import { ownerDb } from "@/tests/setup/owner-db";
import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard, type Dashboard } from "@/lib/server/dashboard/get-dashboard";
import type { Viewer } from "@/lib/access/viewer";
import { createActionItem, createDivision, createFollowUp, createFollowUpCycle, createUser } from "@/prisma/factories";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = day("2031-06-15");
const viewer = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "Test", email: "t@test.example" });

describe("getDashboard: follow-ups and action items per division, for every role that sees them", () => {
  let a: string;
  let b: string;
  let c: string;
  let userId: string;

  beforeAll(async () => {
    a = (await createDivision(ownerDb(), { name: "Avdelning A", sortOrder: 101 })).id;
    b = (await createDivision(ownerDb(), { name: "Avdelning B", sortOrder: 102 })).id;
    c = (await createDivision(ownerDb(), { name: "Avdelning C", sortOrder: 103 })).id;
    userId = (await createUser(ownerDb(), { role: "COORDINATOR" })).id;

    // Cycles 1–6 were due 31 May (open), 7–8 are due in September, 9 was due 31 May but is closed.
    const cycle = (dueDate: string, status: "OPEN" | "CLOSED" = "OPEN") =>
      createFollowUpCycle(ownerDb(), { year: 2031, dueDate: day(dueDate), periodStart: day("2031-01-01"), periodEnd: day("2031-04-30"), status });
    const past = await Promise.all(Array.from({ length: 6 }, () => cycle("2031-05-31")));
    const [c7, c8] = await Promise.all([cycle("2031-09-30"), cycle("2031-09-30")]);
    const closed = await cycle("2031-05-31", "CLOSED");
    type Status = "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "RETURNED" | "REVIEWED";
    const followUp = (cycleId: string, divisionId: string, status: Status) => createFollowUp(ownerDb(), { cycleId, divisionId, status });
    // A: six not started and overdue, two drafts not yet due.
    for (const p of past) await followUp(p.id, a, "NOT_STARTED");
    await followUp(c7!.id, a, "DRAFT");
    await followUp(c8!.id, a, "DRAFT");
    // B: six reviewed, one submitted, one not started but not yet due.
    for (const p of past) await followUp(p.id, b, "REVIEWED");
    await followUp(c7!.id, b, "SUBMITTED");
    await followUp(c8!.id, b, "NOT_STARTED");
    // C: five reviewed, one returned (overdue), one not started in the closed cycle (not overdue).
    for (const p of past.slice(0, 5)) await followUp(p.id, c, "REVIEWED");
    await followUp(past[5]!.id, c, "RETURNED");
    await followUp(closed.id, c, "NOT_STARTED");

    const item = (divisionId: string | null, dueDate: string, status: "OPEN" | "IN_PROGRESS" | "DONE" = "OPEN") =>
      createActionItem(ownerDb(), { ownerId: userId, divisionId, dueDate: day(dueDate), status });
    // A: 7 open, 5 of them overdue. B: 4 open, 1 overdue. C: 3 open (none overdue) and 2 done.
    // Network-wide: 6 open, none overdue. Due today is not overdue yet.
    for (let i = 0; i < 5; i++) await item(a, "2031-06-01");
    await item(a, "2031-06-15", "IN_PROGRESS");
    await item(a, "2031-07-01");
    await item(b, "2031-06-14");
    for (let i = 0; i < 3; i++) await item(b, "2031-08-01", "IN_PROGRESS");
    for (let i = 0; i < 3; i++) await item(c, "2031-08-01");
    for (let i = 0; i < 2; i++) await item(c, "2031-01-01", "DONE");
    for (let i = 0; i < 6; i++) await item(null, "2031-09-01");
  });

  const statuses = (r: NonNullable<Dashboard["followUps"]>["rows"][number] | NonNullable<Dashboard["followUps"]>["totals"]) =>
    [r.byStatus.NOT_STARTED, r.byStatus.DRAFT, r.byStatus.SUBMITTED, r.byStatus.RETURNED, r.byStatus.REVIEWED, r.total, r.overdue];

  it("gives the coordinator every count, overdue first, with the totals", async () => {
    const d = await getDashboard(viewer("COORDINATOR", [], userId), TODAY);
    const mine = d.followUps!.rows.filter((r) => [a, b, c].includes(r.id));
    // Columns: not started, draft, submitted, returned, reviewed, total, overdue.
    expect(mine.map((r) => [r.name, ...statuses(r)])).toEqual([
      ["Avdelning A", 6, 2, 0, 0, 0, 8, 6],
      ["Avdelning C", 1, 0, 0, 1, 5, 7, 1],
      ["Avdelning B", 1, 0, 1, 0, 6, 8, 0],
    ]);
    expect(statuses(d.followUps!.totals)).toEqual([8, 2, 1, 1, 11, 23, 7]);
    expect(d.actionItems!.rows.filter((r) => r.id === null || [a, b, c].includes(r.id)).map((r) => [r.name, r.open, r.overdue])).toEqual([
      ["Avdelning A", 7, 5],
      ["Avdelning B", 4, 1],
      [null, 6, 0],
      ["Avdelning C", 3, 0],
    ]);
    expect(d.actionItems).toMatchObject({ open: 20, overdue: 6 });
  });

  it("gives a division head their own division's counts only", async () => {
    const d = await getDashboard(viewer("DIVISION_HEAD", [c], userId), TODAY);
    expect(d.followUps!.rows.map((r) => [r.name, ...statuses(r)])).toEqual([["Avdelning C", 1, 0, 0, 1, 5, 7, 1]]);
    expect(statuses(d.followUps!.totals)).toEqual([1, 0, 0, 1, 5, 7, 1]);
    expect(d.actionItems).toMatchObject({ open: 3, overdue: 0, rows: [{ id: c, open: 3, overdue: 0 }] });
  });

  it("gives an observer the same counts as aggregates: small ones <5, and every total that would give one back hidden", async () => {
    const d = await getDashboard(viewer("OBSERVER", [], userId), TODAY);
    expect(d.view).toBe("aggregates");
    expect(d.threshold).toBe(5);
    const mine = d.followUps!.rows.filter((r) => [a, b, c].includes(r.id));
    // Shown: A's 6 not started, B's 6 and C's 5 reviewed; the rest is below 5 ("small").
    // Each division's total would give its hidden ones back (A: 8 − 6 = 2, B: 8 − 6 = 2,
    // C: 7 − 5 = 2), so would "not started" (8 − 6 = 2) and "reviewed" (11 − 6 − 5 = 0):
    // all hidden ("derived"). 23 stays: every part of its lines is hidden, together 23.
    // Overdue: 6 shown, 0 and 1 small; the total 7 − 6 = 1 would give them back: hidden.
    // Overdue first: the shown 6, then the hidden ones in the divisions' order.
    expect(mine.map((r) => [r.name, ...statuses(r)])).toEqual([
      ["Avdelning A", 6, "small", "small", "small", "small", "derived", 6],
      ["Avdelning B", "small", "small", "small", "small", 6, "derived", "small"],
      ["Avdelning C", "small", "small", "small", "small", 5, "derived", "small"],
    ]);
    expect(statuses(d.followUps!.totals)).toEqual(["derived", "small", "small", "small", "derived", 23, "derived"]);
    // Any other division has none: zeros, which are small counts too.
    expect(d.followUps!.rows.filter((r) => ![a, b, c].includes(r.id)).every((r) => r.total === "small" && r.overdue === "small")).toBe(true);

    // Action items, open: 7 and 6 shown, 4 and 3 small, the total 20 stays (the hidden ones
    // together 7: not a small count). Overdue: 5 shown, 1 and the zeros small; 6 − 5 = 1: hidden.
    const items = d.actionItems!.rows.filter((r) => r.id === null || [a, b, c].includes(r.id));
    expect(items.map((r) => [r.name, r.open, r.overdue])).toEqual([
      ["Avdelning A", 7, 5],
      ["Avdelning B", "small", "small"],
      ["Avdelning C", "small", "small"],
      [null, 6, "small"],
    ]);
    expect([d.actionItems!.open, d.actionItems!.overdue]).toEqual([20, "derived"]);
    // Counts only: no follow-up's or item's title, comment or id beyond the divisions'.
    expect(JSON.stringify(d)).not.toMatch(/Åtgärd |Uppföljning /);
  });

  it("follows a raised threshold", async () => {
    await ownerDb().setting.upsert({ where: { key: "aggregates.suppressionThreshold" }, create: { key: "aggregates.suppressionThreshold", value: 7 }, update: { value: 7 } });
    try {
      const d = await getDashboard(viewer("OBSERVER", [], userId), TODAY);
      // 7 open in A stays; 6 network-wide is small now, and 20 − 7 = 13 hidden: the total stays.
      const items = d.actionItems!.rows.filter((r) => r.id === null || [a, b, c].includes(r.id));
      expect(items.map((r) => r.open)).toEqual([7, "small", "small", "small"]);
      expect(d.actionItems!.open).toBe(20);
      expect(d.followUps!.rows.filter((r) => [a, b, c].includes(r.id)).map((r) => r.byStatus.REVIEWED)).toEqual(["small", "small", "small"]);
    } finally {
      await ownerDb().setting.delete({ where: { key: "aggregates.suppressionThreshold" } });
    }
  });
});
