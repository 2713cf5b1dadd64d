// Coverage arithmetic on its own: figures worked out by hand, including an exceeded group,
// a group with attendance but no need, and managers' and elected officials' rows kept apart.
import { describe, expect, it } from "vitest";
import { computeCoverage, percent, type AttendanceFigure, type NeedFigure } from "@/lib/training/coverage";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const need = (id: string, divisionId: string, staffCategoryId: string, level: "BASIC" | "ADVANCED", headcount: number, wantedBy: string): NeedFigure => ({
  id, divisionId, division: `Division ${divisionId}`, staffCategoryId, staffCategory: staffCategoryId === "t" ? "Lärare" : "Övrig personal",
  level, headcount, wantedBy: day(wantedBy), createdAt: day("2030-01-01"),
});
const came = (divisionId: string, group: AttendanceFigure["group"], staffCategoryId: string | null, level: "BASIC" | "ADVANCED", attended: number): AttendanceFigure => ({
  divisionId, division: `Division ${divisionId}`, group, staffCategoryId, staffCategory: staffCategoryId === "t" ? "Lärare" : staffCategoryId ? "Övrig personal" : null, level, attended,
});

describe("computeCoverage", () => {
  const result = computeCoverage(
    [need("n1", "a", "t", "BASIC", 10, "2030-03-01"), need("n2", "a", "t", "BASIC", 5, "2030-02-01"), need("n3", "b", "o", "ADVANCED", 4, "2030-05-01")],
    [
      came("a", "STAFF", "t", "BASIC", 7), came("a", "STAFF", "t", "BASIC", 2), came("a", "STAFF", "t", "ADVANCED", 3),
      came("b", "STAFF", "o", "ADVANCED", 6), came("b", "MANAGERS", null, "BASIC", 2), came("b", "ELECTED_OFFICIALS", null, "ADVANCED", 3),
    ],
  );

  it("sums per division, level and staff category; trained ÷ identified", () => {
    expect(result.rows.map((r) => [r.divisionId, r.level, r.staffCategoryId, r.identified, r.trained, r.ratio])).toEqual([
      ["a", "BASIC", "t", 15, 9, 0.6],
      ["a", "ADVANCED", "t", 0, 3, null], // attendance without a need: no ratio
      ["b", "ADVANCED", "o", 4, 6, 1.5], // exceeded
    ]);
    expect(result.totals.map((r) => [r.divisionId, r.level, r.identified, r.trained])).toEqual([["a", "BASIC", 15, 9], ["a", "ADVANCED", 0, 3], ["b", "ADVANCED", 4, 6]]);
  });

  it("fills the earliest wanted-by need first and marks a need covered when its share reaches it", () => {
    expect(Object.fromEntries(result.needs)).toEqual({
      n2: { trained: 5, covered: true }, // wanted by 1 February: filled first
      n1: { trained: 4, covered: false },
      n3: { trained: 6, covered: true },
    });
  });

  it("keeps managers and elected officials apart from staff coverage", () => {
    expect(result.others).toEqual([{ divisionId: "b", division: "Division b", managers: 2, electedOfficials: 3 }]);
  });

  it("rounds ratios to whole percent", () => {
    expect([percent(0.6), percent(5 / 7), percent(1.25), percent(null)]).toEqual([60, 71, 125, null]);
  });
});
