// Coverage of training needs by attendance: pure arithmetic, the rule stated once. The plan page
// and its exports compute the same in the database (lib/server/training/coverage-query.ts); the
// tests hold those queries to this function and this function to hand-computed figures. No
// database, no clock.

export type Level = "BASIC" | "ADVANCED";
export type Group = "STAFF" | "MANAGERS" | "ELECTED_OFFICIALS";

export type NeedFigure = {
  id: string;
  divisionId: string;
  division: string;
  staffCategoryId: string;
  staffCategory: string;
  level: Level;
  headcount: number;
  /** Earlier wanted-by dates are filled first when attendance is shared out. */
  wantedBy: Date;
  createdAt: Date;
};

export type AttendanceFigure = {
  divisionId: string;
  division: string;
  group: Group;
  staffCategoryId: string | null;
  staffCategory: string | null;
  /** The level of the event the row belongs to. */
  level: Level;
  attended: number;
};

export type CoverageRow = {
  divisionId: string;
  division: string;
  level: Level;
  staffCategoryId: string;
  staffCategory: string;
  identified: number;
  trained: number;
  /** trained ÷ identified, or null when nothing was identified (no need to cover). */
  ratio: number | null;
};

export type CoverageTotal = Omit<CoverageRow, "staffCategoryId" | "staffCategory">;

export type NeedCoverage = { trained: number; covered: boolean };

export type OtherAttendance = { divisionId: string; division: string; managers: number; electedOfficials: number };

export type Coverage = {
  /** Per division, level and staff category, sorted by division, level, category (Swedish order). */
  rows: CoverageRow[];
  /** Per division and level (all staff categories together). */
  totals: CoverageTotal[];
  /** Per need: how many of its staff were trained, and whether that reaches its head-count. */
  needs: Map<string, NeedCoverage>;
  /** Managers and elected officials trained, per division (not part of staff coverage). */
  others: OtherAttendance[];
};

/** The coverage table without the per-need shares: what the page and the exports print. */
export type CoverageTable = Omit<Coverage, "needs">;

const collator = new Intl.Collator("sv");
/** trained ÷ identified, or null when nothing was identified. */
export const coverageRatio = (trained: number, identified: number) => (identified > 0 ? trained / identified : null);
const ratio = coverageRatio;
const levelOrder = (l: Level) => (l === "BASIC" ? 0 : 1);

/** The table's order: division, level, staff category (Swedish order); a total after its division's levels' order. */
export function compareCoverageRows(a: Pick<CoverageRow, "division" | "level"> & { staffCategory?: string }, b: Pick<CoverageRow, "division" | "level"> & { staffCategory?: string }): number {
  return collator.compare(a.division, b.division) || levelOrder(a.level) - levelOrder(b.level) || collator.compare(a.staffCategory ?? "", b.staffCategory ?? "");
}

/** Managers and elected officials in division order (Swedish). */
export function compareOthers(a: OtherAttendance, b: OtherAttendance): number {
  return collator.compare(a.division, b.division);
}

/**
 * Coverage = staff trained ÷ staff identified, per division, level and staff category: the
 * attendance of that division's staff of that category at events of that level, over the
 * head-counts of its needs (cancelled needs are left out by the caller). A group's trained
 * staff are shared out over its needs, earliest wanted-by date first; a need is covered when
 * its share reaches its head-count. Attendance beyond the needs still counts (coverage above
 * 100 %), so an exceeded need shows as such.
 */
export function computeCoverage(needs: NeedFigure[], attendance: AttendanceFigure[]): Coverage {
  type Cell = Omit<CoverageRow, "ratio"> & { needs: NeedFigure[] };
  const cells = new Map<string, Cell>();
  const keyOf = (divisionId: string, level: Level, staffCategoryId: string) => `${divisionId}|${level}|${staffCategoryId}`;

  for (const need of needs) {
    const key = keyOf(need.divisionId, need.level, need.staffCategoryId);
    const cell = cells.get(key) ?? {
      divisionId: need.divisionId, division: need.division, level: need.level,
      staffCategoryId: need.staffCategoryId, staffCategory: need.staffCategory, identified: 0, trained: 0, needs: [],
    };
    cell.identified += need.headcount;
    cell.needs.push(need);
    cells.set(key, cell);
  }

  const others = new Map<string, OtherAttendance>();
  for (const row of attendance) {
    if (row.group !== "STAFF") {
      const other = others.get(row.divisionId) ?? { divisionId: row.divisionId, division: row.division, managers: 0, electedOfficials: 0 };
      if (row.group === "MANAGERS") other.managers += row.attended;
      else other.electedOfficials += row.attended;
      others.set(row.divisionId, other);
      continue;
    }
    if (!row.staffCategoryId) continue;
    const key = keyOf(row.divisionId, row.level, row.staffCategoryId);
    const cell = cells.get(key) ?? {
      divisionId: row.divisionId, division: row.division, level: row.level,
      staffCategoryId: row.staffCategoryId, staffCategory: row.staffCategory ?? "", identified: 0, trained: 0, needs: [],
    };
    cell.trained += row.attended;
    cells.set(key, cell);
  }

  const needCoverage = new Map<string, NeedCoverage>();
  for (const cell of cells.values()) {
    let pool = cell.trained;
    const ordered = [...cell.needs].sort((a, b) => a.wantedBy.getTime() - b.wantedBy.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
    ordered.forEach((need, i) => {
      // The last need of the group takes whatever is left, so an exceeded group shows on it.
      const share = i === ordered.length - 1 ? pool : Math.min(pool, need.headcount);
      pool -= share;
      needCoverage.set(need.id, { trained: share, covered: share >= need.headcount });
    });
  }

  const rows = [...cells.values()]
    .map((cell) => ({
      divisionId: cell.divisionId, division: cell.division, level: cell.level, staffCategoryId: cell.staffCategoryId,
      staffCategory: cell.staffCategory, identified: cell.identified, trained: cell.trained, ratio: ratio(cell.trained, cell.identified),
    }))
    .sort(compareCoverageRows);

  const totalsMap = new Map<string, CoverageTotal>();
  for (const row of rows) {
    const key = `${row.divisionId}|${row.level}`;
    const total = totalsMap.get(key) ?? { divisionId: row.divisionId, division: row.division, level: row.level, identified: 0, trained: 0, ratio: null };
    total.identified += row.identified;
    total.trained += row.trained;
    total.ratio = ratio(total.trained, total.identified);
    totalsMap.set(key, total);
  }

  return {
    rows,
    totals: [...totalsMap.values()],
    needs: needCoverage,
    others: [...others.values()].sort(compareOthers),
  };
}

/** A ratio as a whole percentage for display and export ("67 %"); null stays null. */
export function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100);
}
