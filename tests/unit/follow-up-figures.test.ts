// One follow-up cycle's figures as an observer sees them (lib/aggregates/follow-up-figures.ts):
// the suppression rule on the cycle's two lines, with the approved-without-assessment part that
// is never printed but may not be computed back either.
import { describe, expect, it } from "vitest";
import { shownCycleFigures } from "@/lib/aggregates/follow-up-figures";

const T = 5;

describe("shownCycleFigures", () => {
  it("shows every figure when all are large and add up", () => {
    const values = { followUps: 30, reviewed: 20, notReviewed: 10, onTrack: 8, atRisk: 6, offTrack: 6, unassessed: null };
    expect(shownCycleFigures(values, true, T)).toEqual({ followUps: 30, reviewed: 20, notReviewed: 10, onTrack: 8, atRisk: 6, offTrack: 6 });
  });

  it("hides the approved total when it and the shown assessments would give a small one back", () => {
    // 20 approved, 9 + 9 shown: off track (2) and unassessed (0) together are 2 — small.
    const values = { followUps: 30, reviewed: 20, notReviewed: 10, onTrack: 9, atRisk: 9, offTrack: null, unassessed: null };
    expect(shownCycleFigures(values, true, T)).toMatchObject({ reviewed: "derived", offTrack: "small", followUps: "derived", notReviewed: 10 });
  });

  it("keeps the approved total when the hidden parts together are not small", () => {
    // 20 approved, 12 on track shown; at risk 3, off track 3 (hidden): 8 ≥ 5 together.
    const values = { followUps: 30, reviewed: 20, notReviewed: 10, onTrack: 12, atRisk: null, offTrack: null, unassessed: null };
    expect(shownCycleFigures(values, true, T)).toEqual({ followUps: 30, reviewed: 20, notReviewed: 10, onTrack: 12, atRisk: "small", offTrack: "small" });
  });

  it("counts a large approved-without-assessment part in its line though it is not printed", () => {
    // 20 approved = 5 + 5 + 0 + 10 without an assessment: off track is the only hidden printed part,
    // but the reader cannot tell it from the unassessed ones, so nothing more is hidden than the rule says.
    const values = { followUps: 25, reviewed: 20, notReviewed: 5, onTrack: 5, atRisk: 5, offTrack: null, unassessed: 10 };
    expect(shownCycleFigures(values, true, T)).toMatchObject({ reviewed: "derived", offTrack: "small" });
  });

  it("gives the coordinator every figure as it is", () => {
    const values = { followUps: 3, reviewed: 2, notReviewed: 1, onTrack: 2, atRisk: 0, offTrack: 0, unassessed: 0 };
    expect(shownCycleFigures(values, false, T)).toEqual({ followUps: 3, reviewed: 2, notReviewed: 1, onTrack: 2, atRisk: 0, offTrack: 0 });
  });
});
