import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { AccessDeniedError } from "@/lib/server/errors";
import { may } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import type { Shown, Suppressed } from "@/lib/aggregates/suppression";
import { shownCycleFigures, type CycleFigure } from "@/lib/aggregates/follow-up-figures";

export type CycleFigures = {
  id: string;
  title: string;
  year: number;
  dueDate: Date;
  closed: boolean;
  figures: Record<CycleFigure, Shown>;
};

export type FollowUpFigures = {
  /** "aggregates": small counts hidden ("small", "<5") and totals that would give one back ("derived", "–"). */
  view: "full" | "aggregates";
  threshold: number;
  cycles: CycleFigures[];
};

type Row = { cycle_id: string | null; title: string; year: number; due_date: Date | null; closed: boolean; figure: string; value: bigint | null };

/**
 * The follow-ups as counts per cycle, for a viewer who reads every division's aggregated figures
 * (the observer; decision 021: follow-ups "without any row of FollowUp"): per cycle how many
 * divisions were asked, how many follow-ups are approved and not yet, and the approved ones by
 * overall assessment. From varna_follow_up_figures (small counts NULL in the database for an
 * observer), then secondary suppression per cycle: follow-ups = approved + not approved, approved
 * = on track + at risk + off track (+ approved without an assessment, which is not printed but
 * is a part of its line unless the shown figures prove it empty). No cycle total across cycles is
 * printed, so the lines are per cycle. Newest due date first.
 */
export async function getFollowUpFigures(viewer: Viewer): Promise<FollowUpFigures> {
  if (authorize(viewer, "aggregates", "read") !== "all") throw new AccessDeniedError("aggregates", "read");
  const rows = await withViewer(viewer, (tx) =>
    tx.$queryRaw<Row[]>`SELECT cycle_id, title, year, due_date, closed, figure, value FROM varna_follow_up_figures()`);
  const threshold = Number(rows.find((r) => r.figure === "threshold")?.value ?? 5);
  // The coordinator's figures are the true ones (the function suppresses nothing for them).
  const countsOnly = !may(viewer.role, "followUp", "list");
  const byCycle = new Map<string, { title: string; year: number; dueDate: Date; closed: boolean; values: Record<string, Suppressed> }>();
  for (const r of rows) {
    if (!r.cycle_id || !r.due_date) continue;
    const cycle = byCycle.get(r.cycle_id) ?? { title: r.title, year: r.year, dueDate: r.due_date, closed: r.closed, values: {} };
    cycle.values[r.figure] = r.value === null ? null : Number(r.value);
    byCycle.set(r.cycle_id, cycle);
  }
  const cycles = [...byCycle.entries()]
    .sort(([, a], [, b]) => b.dueDate.getTime() - a.dueDate.getTime() || a.title.localeCompare(b.title, "sv"))
    .map(([id, c]) => ({ id, title: c.title, year: c.year, dueDate: c.dueDate, closed: c.closed, figures: shownCycleFigures(c.values, countsOnly, threshold) }));
  return { view: countsOnly ? "aggregates" : "full", threshold, cycles };
}
