// /uppfoljning for an observer (decision 021: follow-ups "without any row of FollowUp"): counts
// per cycle from varna_follow_up_figures, small ones "<5" (zeros too) and every total that would
// give one back "–"; no single follow-up, no division, no detail page, on a data set computed by
// hand. The coordinator's figures from the same function are the true ones.
import { ownerDb } from "@/tests/setup/owner-db";
import { beforeAll, describe, expect, it } from "vitest";
import { withViewer } from "@/lib/server/access/with-viewer";
import { AccessDeniedError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { getFollowUpFigures } from "@/lib/server/follow-up/follow-up-figures";
import { listFollowUps } from "@/lib/server/follow-up/list-follow-ups";
import { getFollowUp } from "@/lib/server/follow-up/get-follow-up";
import { createDivision, createFollowUp, createFollowUpCycle, createUser } from "@/prisma/factories";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = day("2031-06-15");
const viewer = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "Test", email: "t@test.example" });

type Assessment = "ON_TRACK" | "AT_RISK" | "OFF_TRACK";
let observer: Viewer;
let coordinator: Viewer;
let divisions: string[];
const cycles = { big: "", even: "", small: "" };
let oneFollowUp = "";

beforeAll(async () => {
  observer = viewer("OBSERVER", [], (await createUser(ownerDb(), { role: "OBSERVER" })).id);
  coordinator = viewer("COORDINATOR", [], (await createUser(ownerDb(), { role: "COORDINATOR" })).id);
  divisions = [];
  for (let i = 0; i < 16; i++) divisions.push((await createDivision(ownerDb(), { name: `Förvaltning ${i}`, sortOrder: 200 + i })).id);
  const cycle = async (title: string, dueDate: string, status: "OPEN" | "CLOSED" = "OPEN") =>
    (await createFollowUpCycle(ownerDb(), { title, year: 2031, dueDate: day(dueDate), periodStart: day("2031-01-01"), periodEnd: day("2031-04-30"), status })).id;
  cycles.big = await cycle("VT 2031", "2031-05-31", "CLOSED");
  cycles.even = await cycle("HT 2030", "2030-11-30");
  cycles.small = await cycle("Extra 2031", "2031-09-30");
  const reviewed = (cycleId: string, divisionId: string, assessment: Assessment) =>
    createFollowUp(ownerDb(), { cycleId, divisionId, status: "REVIEWED", assessment, reviewedAt: TODAY });
  // VT 2031: 16 divisions; 11 approved (6 on track, 5 at risk, none off track), 5 not yet.
  for (let i = 0; i < 6; i++) await reviewed(cycles.big, divisions[i]!, "ON_TRACK");
  for (let i = 6; i < 11; i++) await reviewed(cycles.big, divisions[i]!, "AT_RISK");
  for (let i = 11; i < 16; i++) await createFollowUp(ownerDb(), { cycleId: cycles.big, divisionId: divisions[i]!, status: i % 2 ? "SUBMITTED" : "DRAFT" });
  // HT 2030: 16 divisions; 15 approved (5 of each assessment), 1 returned.
  for (let i = 0; i < 15; i++) await reviewed(cycles.even, divisions[i]!, (["ON_TRACK", "AT_RISK", "OFF_TRACK"] as const)[Math.floor(i / 5)]!);
  await createFollowUp(ownerDb(), { cycleId: cycles.even, divisionId: divisions[15]!, status: "RETURNED" });
  // Extra 2031: 3 divisions; 2 approved on track, 1 submitted.
  oneFollowUp = (await reviewed(cycles.small, divisions[0]!, "ON_TRACK")).id;
  await reviewed(cycles.small, divisions[1]!, "ON_TRACK");
  await createFollowUp(ownerDb(), { cycleId: cycles.small, divisionId: divisions[2]!, status: "SUBMITTED" });
});

const mine = (figures: Awaited<ReturnType<typeof getFollowUpFigures>>) =>
  figures.cycles.filter((c) => Object.values(cycles).includes(c.id)).map((c) => [c.title, c.closed, c.figures]);

describe("follow-up figures per cycle", () => {
  it("gives an observer counts only: small ones hidden, and the totals that would give one back", async () => {
    const figures = await getFollowUpFigures(observer);
    expect([figures.view, figures.threshold]).toEqual(["aggregates", 5]);
    expect(mine(figures)).toEqual([
      // Newest due date first.
      ["Extra 2031", false, { followUps: "small", reviewed: "small", onTrack: "small", atRisk: "small", offTrack: "small", notReviewed: "small" }],
      // Approved 11 = 6 + 5 + 0: the hidden "off track" (0) would be 11 − 11, so approved is hidden,
      // and then the total too (one hidden part of 16 = approved + 5).
      ["VT 2031", true, { followUps: "derived", reviewed: "derived", onTrack: 6, atRisk: 5, offTrack: "small", notReviewed: 5 }],
      // Approved 15 = 5 + 5 + 5 is shown; the one returned is small, so the total is hidden.
      ["HT 2030", false, { followUps: "derived", reviewed: 15, onTrack: 5, atRisk: 5, offTrack: 5, notReviewed: "small" }],
    ]);
    // Nothing names a division or a single follow-up.
    expect(JSON.stringify(figures)).not.toMatch(/Förvaltning/);
    expect(JSON.stringify(figures)).not.toContain(oneFollowUp);
  });

  it("gives the coordinator the true figures", async () => {
    expect(mine(await getFollowUpFigures(coordinator))).toEqual([
      ["Extra 2031", false, { followUps: 3, reviewed: 2, onTrack: 2, atRisk: 0, offTrack: 0, notReviewed: 1 }],
      ["VT 2031", true, { followUps: 16, reviewed: 11, onTrack: 6, atRisk: 5, offTrack: 0, notReviewed: 5 }],
      ["HT 2030", false, { followUps: 16, reviewed: 15, onTrack: 5, atRisk: 5, offTrack: 5, notReviewed: 1 }],
    ]);
  });

  it("has the database hide small counts from an observer (NULL), zeros included", async () => {
    const raw = await withViewer(observer, (tx) =>
      tx.$queryRaw<{ figure: string; value: bigint | null }[]>`SELECT figure, value FROM varna_follow_up_figures() WHERE cycle_id = ${cycles.big}::uuid`);
    const value = (figure: string) => raw.find((r) => r.figure === figure)?.value;
    expect([value("followUps"), value("reviewed"), value("onTrack"), value("offTrack"), value("unassessed")]).toEqual([16n, 11n, 6n, null, null]);
  });

  it("refuses the figures to roles without every division's figures", async () => {
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER", "ADMIN"] as const) {
      const v = viewer(role, [divisions[0]!], coordinator.id);
      await expect(getFollowUpFigures(v), role).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(withViewer(v, (tx) => tx.$queryRaw`SELECT * FROM varna_follow_up_figures()`), role).rejects.toThrow(/Åtkomst nekad/);
    }
  });

  it("gives an observer no follow-up row: not the list, not one follow-up, not through the database", async () => {
    await expect(listFollowUps(observer, { page: 1 }, TODAY)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getFollowUp(observer, oneFollowUp, TODAY)).rejects.toBeInstanceOf(AccessDeniedError);
    const seen = await withViewer(observer, async (tx) => [await tx.followUp.count(), await tx.followUpItem.count()]);
    expect(seen).toEqual([0, 0]);
  });
});
