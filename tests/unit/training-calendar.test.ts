// The demo's training dates stay in the seed date's year, held events on or before it, coming
// ones on or after it — on any day of the year, the first and the last included.
import { describe, expect, it } from "vitest";
import { trainingCalendar } from "@/prisma/seed/training-calendar";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("trainingCalendar", () => {
  it("spreads the dates over the seed date's year", () => {
    const when = trainingCalendar(new Date("2026-11-25T08:51:00Z"));
    expect(when.year).toBe(2026);
    // 1 January to 25 November is 328 days: 35 % of them is day 114 (25 April).
    expect(iso(when.past(0))).toBe("2026-01-01");
    expect(iso(when.past(0.35))).toBe("2026-04-25");
    expect(iso(when.past(1))).toBe("2026-11-25");
    // 25 November to 31 December is 36 days: half of them is 13 December.
    expect(iso(when.later(0.5))).toBe("2026-12-13");
    expect(iso(when.later(1))).toBe("2026-12-31");
    expect(iso(when.inYear(0))).toBe("2026-01-01");
    expect(iso(when.inYear(1))).toBe("2026-12-31");
    expect(when.at(day("2026-04-25"), 8).toISOString()).toBe("2026-04-25T08:00:00.000Z");
  });

  it("keeps every date in the year on its first and last day", () => {
    for (const seedDate of ["2027-01-01", "2027-12-31", "2028-02-29"]) {
      const when = trainingCalendar(day(seedDate));
      for (const f of [0, 0.35, 0.5, 0.7, 0.9, 1]) {
        for (const d of [when.past(f), when.later(f), when.inYear(f)]) expect(d.getUTCFullYear(), `${seedDate} ${f}`).toBe(when.year);
        expect(when.past(f).getTime()).toBeLessThanOrEqual(day(seedDate).getTime());
        expect(when.later(f).getTime()).toBeGreaterThanOrEqual(day(seedDate).getTime());
      }
    }
  });

  it("gives the same dates for the same seed date", () => {
    const a = trainingCalendar(day("2026-06-15"));
    const b = trainingCalendar(new Date("2026-06-15T23:59:59Z"));
    expect([a.past(0.7), a.later(0.5), a.inYear(0.6)]).toEqual([b.past(0.7), b.later(0.5), b.inYear(0.6)]);
  });
});
