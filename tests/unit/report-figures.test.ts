// The computed part of a situation report, as pure functions: periods, counts, trends,
// sources used and missing, and the suppression observers read.
import { describe, expect, it } from "vitest";
import { computeFigures, defaultPeriod, previousPeriod, suppressFigures, type ContactFacts, type EntryFacts } from "@/lib/situation-reports/figures";
import { prefillSection } from "@/lib/situation-reports/prefill";

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

  it("prefills a section's presence and activities from its counts, in Swedish", () => {
    const right = figures.environments[0]!;
    expect(prefillSection(right)).toEqual({
      presence: "3 noteringar under perioden (föregående period: 3 noteringar). Områden: Brandholmen (1), Centrum (1), Hela kommunen (1).",
      activities: "Propaganda 2, Rekrytering 1.",
    });
    expect(prefillSection(figures.environments[1]!).presence).toBe("Inga granskade noteringar under perioden (föregående period: 1 notering).");
  });
});
