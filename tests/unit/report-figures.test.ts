// The computed part of a situation report, as pure functions: periods, counts, trends,
// sources used and missing, and the suppression observers read.
import { describe, expect, it } from "vitest";
import { computeFigures, defaultPeriod, previousPeriod, suppressFigures, type ContactFacts, type EntryFacts } from "@/lib/situation-reports/figures";
import { prefillSections } from "@/lib/situation-reports/prefill";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const e = (over: Partial<EntryFacts> = {}): EntryFacts => ({ environment: "RIGHT_WING", activityType: "PROPAGANDA", source: "SCHOOL", district: "Centrum", ...over });
const c = (over: Partial<ContactFacts> = {}): ContactFacts => ({ channel: "PHONE", requester: "RELATIVE", referral: "NONE", gender: "UNKNOWN", ageBand: "UNKNOWN", environment: null, ...over });

describe("report periods", () => {
  it.each([
    ["2031-03-01", "2031-03-31", "2031-01-29", "2031-02-28"],
    ["2031-01-01", "2031-01-31", "2030-12-01", "2030-12-31"],
    ["2032-03-01", "2032-03-01", "2032-02-29", "2032-02-29"],
    ["2031-01-01", "2031-06-30", "2030-07-04", "2030-12-31"],
  ])("%s–%s is compared with %s–%s (same length, ending the day before)", (start, end, pStart, pEnd) => {
    const p = previousPeriod(day(start), day(end));
    expect([iso(p.start), iso(p.end)]).toEqual([pStart, pEnd]);
  });

  it.each([
    ["2031-03-15", "2031-02-01", "2031-02-28"],
    ["2031-01-01", "2030-12-01", "2030-12-31"],
    ["2032-03-31", "2032-02-01", "2032-02-29"],
  ])("on %s a new report suggests the previous month, %s–%s", (today, start, end) => {
    const p = defaultPeriod(day(today));
    expect([iso(p.start), iso(p.end)]).toEqual([start, end]);
  });
});

describe("computeFigures", () => {
  const figures = computeFigures({
    period: { start: day("2031-03-01"), end: day("2031-03-31") },
    entries: [e(), e({ activityType: "RECRUITMENT", source: "POLICE", district: null }), e({ district: "Brandholmen" }), e({ environment: "ISLAMIST", activityType: "ONLINE", source: "OPEN_SOURCES" })],
    previousEntries: [e(), e(), e(), e({ environment: "LEFT_WING" })],
    contacts: [c(), c({ requester: "PROFESSIONAL", environment: "ISLAMIST" })],
    previousContacts: [c(), c(), c()],
  });

  it("counts per environment, activity and district, with the trend against the previous period", () => {
    const right = figures.environments.find((x) => x.environment === "RIGHT_WING")!;
    expect([right.count, right.previousCount, right.trend]).toEqual([3, 3, "unchanged"]);
    expect(right.byActivity.filter((a) => a.count).map((a) => [a.key, a.count])).toEqual([["PROPAGANDA", 2], ["RECRUITMENT", 1]]);
    expect(right.byActivity).toHaveLength(8);
    expect(right.byDistrict).toEqual([{ district: "Brandholmen", count: 1 }, { district: "Centrum", count: 1 }, { district: null, count: 1 }]);
    expect(figures.environments.find((x) => x.environment === "LEFT_WING")).toMatchObject({ count: 0, previousCount: 1, trend: "down" });
    expect(figures.environments.find((x) => x.environment === "ISLAMIST")).toMatchObject({ count: 1, previousCount: 0, trend: "up" });
    expect([figures.total, figures.previousTotal, figures.trend]).toEqual([4, 4, "unchanged"]);
  });

  it("names the sources used and the sources missing", () => {
    expect(figures.sourcesUsed).toEqual([{ key: "POLICE", count: 1 }, { key: "SCHOOL", count: 2 }, { key: "OPEN_SOURCES", count: 1 }]);
    expect(figures.sourcesMissing).toEqual(["SOCIAL_SERVICES", "LEISURE", "CIVIL_SOCIETY"]);
  });

  it("counts the contacts of the period, with their trend", () => {
    expect([figures.contacts.total, figures.contacts.previousTotal, figures.contacts.trend]).toEqual([2, 3, "down"]);
    expect(figures.contacts.byEnvironment.find((x) => x.key === "UNKNOWN")!.count).toBe(1);
  });

  it("shows an observer every count below the threshold as <5 and hides trends that would reveal one", () => {
    const shown = suppressFigures(figures, 5);
    expect(shown.total).toBe("<5");
    expect(shown.trend).toBeNull();
    expect(shown.environments[0]!.byActivity.every((a) => a.count === "<5")).toBe(true);
    expect(shown.contacts.byRequester.every((r) => r.count === "<5")).toBe(true);
    expect(JSON.stringify(shown)).not.toMatch(/"count":[0-9]/);
    const many = computeFigures({
      period: { start: day("2031-03-01"), end: day("2031-03-31") },
      entries: Array.from({ length: 7 }, () => e()), previousEntries: Array.from({ length: 5 }, () => e()), contacts: [], previousContacts: [],
    });
    const visible = suppressFigures(many, 5);
    expect(visible.environments[1]!.count).toBe("<5");
    // Secondary suppression: the 7 propaganda entries beside seven hidden zero activities would
    // give those zeros back through the environment's count, so the count is hidden ("–"); its
    // one district would then be the count itself, so it is hidden too; and the total (the
    // sources: 7 from schools beside five hidden zeros) with it, and the trend.
    expect(visible.environments[0]!.byActivity[0]).toEqual({ key: "PROPAGANDA", count: 7 });
    expect(visible.environments[0]!.count).toBe("–");
    expect(visible.environments[0]!.byDistrict).toEqual([{ district: "Centrum", count: "–" }]);
    expect([visible.total, visible.previousTotal, visible.trend]).toEqual(["–", "–", null]);
    const spread = computeFigures({
      period: { start: day("2031-03-01"), end: day("2031-03-31") },
      entries: [...Array.from({ length: 7 }, () => e()), ...Array.from({ length: 6 }, () => e({ environment: "LEFT_WING" }))],
      previousEntries: [], contacts: [], previousContacts: [],
    });
    // Two environments hidden (ISLAMIST 0, OTHER_UNCLEAR 0): together 0 — still a small count.
    expect(suppressFigures(spread, 5).total).toBe("–");
  });

  it("prefills a section's presence and activities from its counts as an observer reads them, in Swedish", () => {
    // Every count here is below 5: no count in the text, no district or activity named (a name
    // would say "at least one"), and an environment with none reads like one with three.
    const [right, left] = prefillSections(figures, 5);
    expect(right).toEqual({
      environment: "RIGHT_WING",
      presence: "Färre än 5 noteringar under perioden (föregående period: färre än 5 noteringar). Områden: färre än 5 noteringar i vart och ett.",
      activities: "Färre än 5 noteringar av varje slag av aktivitet.",
    });
    expect({ ...left, environment: "RIGHT_WING" }).toEqual(right);
    const many = computeFigures({
      period: { start: day("2031-03-01"), end: day("2031-03-31") },
      entries: Array.from({ length: 7 }, () => e()), previousEntries: Array.from({ length: 5 }, () => e()), contacts: [], previousContacts: [],
    });
    // 7 propaganda entries shown; the environment's 7 would give the hidden zeros back (as in the
    // figures), so the text does not give it either.
    expect(prefillSections(many, 5)[0]).toEqual({
      environment: "RIGHT_WING",
      presence: "Ett antal noteringar som inte redovisas under perioden (föregående period: 5 noteringar). Områden: Centrum (antalet redovisas inte); övriga områden färre än 5 noteringar vardera.",
      activities: "Propaganda 7; övriga slag av aktivitet färre än 5 vardera.",
    });
    // The coordinator's lower threshold: the counts at or above it are written as they are.
    // (The environment's 3 hidden — its six zero activities sum to less than 1 — and so, in turn,
    // one of its districts: the same figures the observer's table shows.)
    expect(prefillSections(figures, 1)[0]!.presence).toBe("Ett antal noteringar som inte redovisas under perioden (föregående period: 3 noteringar). Områden: Brandholmen (antalet redovisas inte), Centrum (1), Hela kommunen (1); övriga områden färre än 1 noteringar vardera.");
    expect(prefillSections(figures, 1)[0]!.activities).toBe("Propaganda 2, Rekrytering 1; övriga slag av aktivitet färre än 1 vardera.");
    // At 5, no figure but the threshold itself.
    expect(JSON.stringify(prefillSections(figures, 5))).not.toMatch(/[0-46-9]/);
  });
});
