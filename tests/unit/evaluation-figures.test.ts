// The yearly evaluation's figures as a reader sees them (lib/evaluation/shown-figures.ts): the
// coordinator's untouched, an observer's through the suppression rule, including the parts the
// document does not print (not reviewed, reviewed without an assessment, cancelled items).
import { describe, expect, it } from "vitest";
import { evaluationFiguresFor } from "@/lib/evaluation/shown-figures";
import type { EvaluationFigures } from "@/lib/server/evaluation/figures";

const zeros = { planned: 0, ongoing: 0, completed: 0, paused: 0, cancelled: 0, total: 0 };
const figures = (over: Partial<EvaluationFigures>): EvaluationFigures => ({
  year: 2030, threshold: 5,
  sections: [{ number: 1, title: "Avsnitt", measures: [{ title: "Namngiven insats", division: "BUK", level: "GENERAL", status: "ONGOING", isSpecial: false, investigationStatus: null }], recommendations: [] }],
  measuresByLevel: [{ level: "GENERAL", ...zeros }],
  followUps: { cycles: 6, followUps: 0, reviewed: 0, onTrack: 0, atRisk: 0, offTrack: 0, lineOnTrack: 0, lineAtRisk: 0, lineOffTrack: 0 },
  training: [], trainingEvents: 0, situation: [{ environment: "RIGHT_WING", count: null }],
  network: { meetingsHeld: 0, actionItems: 0, actionItemsDone: 0, actionItemsOpen: 0, actionItemsOverdue: 0 },
  ...over,
});

describe("evaluationFiguresFor", () => {
  it("leaves the coordinator's counts as they are, measures named", () => {
    const f = evaluationFiguresFor(figures({ measuresByLevel: [{ level: "GENERAL", ...zeros, ongoing: 1, total: 1 }] }), "full", 9);
    expect(f.threshold).toBe(5);
    expect(f.measuresByLevel[0]).toMatchObject({ ongoing: 1, total: 1, planned: 0 });
    expect(f.sections[0]!.measures).toHaveLength(1);
    expect(f.situation[0]!.count).toBe("small");
  });

  it("hides a total whose one unprinted part is small (not yet reviewed), and keeps it when that part is large or empty", () => {
    const base = { cycles: 6, lineOnTrack: 0, lineAtRisk: 0, lineOffTrack: 0 };
    const small = evaluationFiguresFor(figures({ followUps: { ...base, followUps: 23, reviewed: 20, onTrack: 10, atRisk: 5, offTrack: 5 } }), "aggregates", 5);
    expect(small.followUps).toMatchObject({ followUps: "derived", reviewed: 20, onTrack: 10, atRisk: 5, offTrack: 5 });
    const large = evaluationFiguresFor(figures({ followUps: { ...base, followUps: 30, reviewed: 20, onTrack: 10, atRisk: 5, offTrack: 5 } }), "aggregates", 5);
    expect(large.followUps).toMatchObject({ followUps: 30, reviewed: 20 });
    const none = evaluationFiguresFor(figures({ followUps: { ...base, followUps: 20, reviewed: 20, onTrack: 10, atRisk: 5, offTrack: 5 } }), "aggregates", 5);
    expect(none.followUps).toMatchObject({ followUps: 20, reviewed: 20 });
    // Reviewed without an assessment: 2 of 22, which reviewed − the three printed would give back.
    const unassessed = evaluationFiguresFor(figures({ followUps: { ...base, followUps: 22, reviewed: 22, onTrack: 10, atRisk: 5, offTrack: 5 } }), "aggregates", 5);
    expect(unassessed.followUps).toMatchObject({ followUps: "derived", reviewed: "derived", onTrack: 10 });
  });

  it("takes the higher threshold, names no measure, and hides cancelled action items behind their total", () => {
    const f = evaluationFiguresFor(figures({ network: { meetingsHeld: 7, actionItems: 20, actionItemsDone: 9, actionItemsOpen: 8, actionItemsOverdue: 0 } }), "aggregates", 7);
    expect(f.threshold).toBe(7);
    expect(f.sections[0]!.measures).toBeNull();
    // Open 8 = overdue 0 (small) + 8 not overdue → open hidden; items = 9 + open + 3 cancelled → hidden too.
    expect(f.network).toEqual({ meetingsHeld: 7, actionItems: "derived", actionItemsDone: 9, actionItemsOpen: "derived", actionItemsOverdue: "small" });
    expect(f.followUps.cycles).toBe("small");
  });
});
