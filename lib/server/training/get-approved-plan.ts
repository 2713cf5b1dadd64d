import "server-only";
import { readSetting } from "@/lib/server/organisation/settings";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { AccessDeniedError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { TrainingLevel } from "@/lib/server/generated/prisma/enums";
import type { PlanSnapshot } from "./snapshot";
import { TRAINING_LEVELS } from "@/lib/schemas/training";
import { suppressTable, unsuppressedTable, type CountTable, type Shown, type Suppressed } from "@/lib/aggregates/suppression";

export type ApprovedPlan = {
  year: number;
  number: number;
  approvedAt: Date;
  /** Every approved version of the year, newest first. */
  versions: { number: number; approvedAt: Date }[];
  snapshot: PlanSnapshot;
};

/**
 * One approved (frozen) version of a year's plan — the latest unless `number` names another —
 * or null when the year has none. Readable by everyone who reads competence plans; for an
 * observer this is the plan (`final` scope: approved versions only).
 */
export async function getApprovedPlan(viewer: Viewer, year: number, number?: number): Promise<ApprovedPlan | null> {
  authorize(viewer, "competencePlan", "read");
  return withViewer(viewer, async (tx) => {
    const versions = await tx.competencePlanVersion.findMany({
      where: { plan: { year } },
      orderBy: { number: "desc" },
      select: { number: true, approvedAt: true, snapshot: true },
    });
    const chosen = number === undefined ? versions[0] : versions.find((v) => v.number === number);
    if (!chosen) return null;
    return {
      year,
      number: chosen.number,
      approvedAt: chosen.approvedAt,
      versions: versions.map((v) => ({ number: v.number, approvedAt: v.approvedAt })),
      snapshot: chosen.snapshot as unknown as PlanSnapshot,
    };
  });
}

/** Identified and trained staff, as the reader may see them (a number, "small" or "derived"). */
export type CoverageFigure = { identified: Shown; trained: Shown };

export type AggregatedCoverage = {
  /** Counts below this are suppressed for an observer (null: the coordinator sees every count). */
  threshold: number | null;
  /** The columns: the training levels, in this order. */
  levels: readonly TrainingLevel[];
  /** Per division (with any figure in the plan year): a figure per level and the division's total. */
  rows: { divisionId: string; division: string; levels: CoverageFigure[]; total: CoverageFigure }[];
  /** Per level over the divisions, and the grand total. */
  levelTotals: CoverageFigure[];
  total: CoverageFigure;
};

type CoverageRow = { division_id: string | null; division: string | null; level: TrainingLevel | null; identified: bigint | null; trained: bigint | null };

/**
 * Coverage per division and level, with the totals, for those who see figures across
 * divisions (the coordinator, observers): summed in the database (varna_training_coverage),
 * where an observer's small counts are suppressed below the threshold setting before they
 * leave it; the secondary suppression of lib/aggregates/suppression.ts then hides every total
 * (and, where needed, the complementary cell) that would give a small count back.
 */
export async function getAggregatedCoverage(viewer: Viewer, year: number): Promise<AggregatedCoverage> {
  // Across divisions only: a division head's coverage is their own rows (getPlanOverview).
  if (authorize(viewer, "aggregates", "read") !== "all") throw new AccessDeniedError("aggregates", "read");
  authorize(viewer, "competencePlan", "read");
  const observer = viewer.role === "OBSERVER";
  const { threshold, figures } = await withViewer(viewer, async (tx) => {
    const plan = await tx.competencePlan.findUnique({ where: { year }, select: { id: true } });
    const threshold = await readSetting(tx, "suppressionThreshold");
    if (!plan) return { threshold, figures: [] as CoverageRow[] };
    const figures = await tx.$queryRaw<CoverageRow[]>`
      SELECT division_id::text AS division_id, division, level, identified, trained FROM varna_training_coverage(${plan.id}::uuid)`;
    return { threshold, figures };
  });
  const levels = TRAINING_LEVELS;
  // Divisions in the function's order (sort order, name); the grouped rows have no division.
  const divisions = [...new Map(figures.flatMap((f) => (f.division_id && f.division ? [[f.division_id, f.division] as const] : []))).entries()];
  const find = (divisionId: string | null, level: TrainingLevel | null) =>
    figures.find((f) => f.division_id === divisionId && f.level === level);
  // A combination without a row is a zero (a small count too, for an observer).
  const get = (key: "identified" | "trained", divisionId: string | null, level: TrainingLevel | null): Suppressed => {
    const row = find(divisionId, level);
    return row ? (row[key] === null ? null : Number(row[key])) : 0;
  };
  const tableOf = (key: "identified" | "trained"): CountTable<Shown> => {
    const table: CountTable = {
      cells: divisions.map(([id]) => levels.map((l) => get(key, id, l))),
      rowTotals: divisions.map(([id]) => get(key, id, null)),
      columnTotals: levels.map((l) => get(key, null, l)),
      total: get(key, null, null),
    };
    return observer ? suppressTable(table, threshold) : unsuppressedTable(table as CountTable<number>);
  };
  const identified = tableOf("identified");
  const trained = tableOf("trained");
  const pair = (a: Shown, b: Shown): CoverageFigure => ({ identified: a, trained: b });
  return {
    threshold: observer ? threshold : null,
    levels,
    rows: divisions.map(([divisionId, division], r) => ({
      divisionId, division,
      levels: levels.map((_, c) => pair(identified.cells[r]![c]!, trained.cells[r]![c]!)),
      total: pair(identified.rowTotals[r]!, trained.rowTotals[r]!),
    })),
    levelTotals: levels.map((_, c) => pair(identified.columnTotals[c]!, trained.columnTotals[c]!)),
    total: pair(identified.total, trained.total),
  };
}
