// The one suppression rule of every count an observer sees: primary (below the threshold,
// zero included) and secondary (a total from which a hidden part could be computed back).
import { describe, expect, it } from "vitest";
import { shownText, suppress, suppressList, suppressTable, suppressTableWithList } from "@/lib/aggregates/suppression";

describe("suppression", () => {
  it("hides every count below the threshold, zero included, and keeps the rest", () => {
    expect(suppressList([0, 4, 5, 12], null, 5).counts).toEqual(["small", "small", 5, 12]);
    expect(suppressList([5, 6], 11, 5)).toEqual({ counts: [5, 6], total: 11 });
  });

  it("hides a total from which a single hidden count could be computed back", () => {
    // 3 = 20 − 9 − 8: the total would give the 3 away.
    expect(suppressList([9, 8, 3], 20, 5)).toEqual({ counts: [9, 8, "small"], total: "derived" });
  });

  it("keeps a total when the hidden counts together are not small", () => {
    // 4 + 3 = 7 ≥ 5: the total tells only that the two hidden ones make 7.
    expect(suppressList([9, 4, 3], 16, 5)).toEqual({ counts: [9, "small", "small"], total: 16 });
    // 1 + 2 = 3 < 5: the hidden pair's sum would be a small count.
    expect(suppressList([9, 1, 2], 12, 5)).toEqual({ counts: [9, "small", "small"], total: "derived" });
  });

  it("follows the threshold setting", () => {
    expect(suppressList([9, 8, 3], 20, 3)).toEqual({ counts: [9, 8, 3], total: 20 });
    expect(suppressList([9, 8, 3], 20, 10)).toEqual({ counts: ["small", "small", "small"], total: 20 });
  });

  it("keeps what the database suppressed already (null) hidden", () => {
    expect(suppressList([null, 7], 9, 5)).toEqual({ counts: ["small", 7], total: "derived" });
  });

  it("hides, in a cross table, a row total and then the grand total that would expose it", () => {
    //            A   B  | row
    // level 1:  10   2  | 12   ← 2 hidden, so 12 hidden (12 − 10 = 2)
    // level 2:   7   8  | 15
    // column:   17  10  | 27   ← B's 10 hidden (10 − 8 = 2); 27 hidden, since 27 − 15 = 12 would
    //                              give the row total back, and 12 − 10 the hidden 2
    const out = suppressTable({ cells: [[10, 2], [7, 8]], rowTotals: [12, 15], columnTotals: [17, 10], total: 27 }, 5);
    expect(out.cells).toEqual([[10, "small"], [7, 8]]);
    expect(out.rowTotals).toEqual(["derived", 15]);
    expect(out.columnTotals).toEqual([17, "derived"]);
    expect(out.total).toBe("derived");
  });

  it("keeps the grand total when two rows each hide a part (their sum gives nothing away)", () => {
    //           A   B  | row
    //          10   2  | 12 → hidden
    //           9   3  | 12 → hidden
    //          19   5  | 24   B's column: 2 + 3 = 5 hidden in two cells, not small → 5 stays
    const out = suppressTable({ cells: [[10, 2], [9, 3]], rowTotals: [12, 12], columnTotals: [19, 5], total: 24 }, 5);
    expect(out.rowTotals).toEqual(["derived", "derived"]);
    expect(out.columnTotals).toEqual([19, 5]);
    expect(out.total).toBe(24);
  });

  it("carries a secondary suppression up a chain of lines until nothing changes", () => {
    // a = a1 + a2 with a2 small: a is hidden; then total = a + b has a as its only hidden part.
    const out = suppress({ a1: 6, a2: 2, a: 8, b: 9, total: 17 }, [
      { total: "a", parts: ["a1", "a2"] },
      { total: "total", parts: ["a", "b"] },
    ], 5);
    expect(out).toEqual({ a1: 6, a2: "small", a: "derived", b: 9, total: "derived" });
  });

  it("hides a part too when a hidden total is the sum of parts all shown in another line", () => {
    // env = 7 + 2 (activities) is hidden; by district it is 6 + 3, both shown: 3 goes too.
    const out = suppress({ p: 7, t: 2, env: 9, d1: 6, d2: 3 }, [
      { total: "env", parts: ["p", "t"] },
      { total: "env", parts: ["d1", "d2"] },
    ], 3);
    expect(out).toEqual({ p: 7, t: "small", env: "derived", d1: 6, d2: "derived" });
  });

  it("prints a small count as <threshold and a derived total as –", () => {
    expect([shownText("small", 5), shownText("derived", 5), shownText(12, 5)]).toEqual(["<5", "–", 12]);
  });

  it("hides a grand total for a table and a list of the same rows alike (entries by month and by district)", () => {
    // Alone, the table keeps its total 10 (its cells hidden, its totals 5 + 5); the list (6, 2, 2)
    // would hide it (10 − 6 = the small 4). One figure in both: hidden in both.
    const table = { cells: [[2, 3], [3, 2]], rowTotals: [5, 5], columnTotals: [5, 5], total: 10 };
    expect(suppressTable(table, 5).total).toBe(10);
    expect(suppressList([6, 2, 2], 10, 5).total).toBe("derived");
    const both = suppressTableWithList(table, [6, 2, 2], 5);
    expect(both.list).toEqual([6, "small", "small"]);
    expect(both.table.total).toBe("derived");
  });
});
