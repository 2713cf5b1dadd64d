// A follow-up cycle's figures as the reader may see them (/uppfoljning for an observer): pure,
// the rule of lib/aggregates/suppression.ts applied to the lines of one cycle. The figures come
// from varna_follow_up_figures (lib/server/follow-up/follow-up-figures.ts), small ones NULL.
import { suppress, type Line, type Shown, type Suppressed } from "./suppression";

/** What /uppfoljning prints per cycle for a reader of figures only. */
export const CYCLE_FIGURES = ["followUps", "reviewed", "onTrack", "atRisk", "offTrack", "notReviewed"] as const;
export type CycleFigure = (typeof CYCLE_FIGURES)[number];

/** One cycle's figures as the reader may see them: every one as it is, or (`countsOnly`) suppressed. */
export function shownCycleFigures(values: Record<string, Suppressed>, countsOnly: boolean, threshold: number): Record<CycleFigure, Shown> {
  const v = (key: string): Suppressed => (key in values ? values[key]! : 0);
  if (!countsOnly) return Object.fromEntries(CYCLE_FIGURES.map((k) => [k, v(k) ?? 0])) as Record<CycleFigure, number>;
  const figures: Record<string, Suppressed> = Object.fromEntries([...CYCLE_FIGURES, "unassessed"].map((k) => [k, v(k)]));
  const assessed = ["onTrack", "atRisk", "offTrack"];
  // Approved without an assessment is provably none only when every figure of its line is shown
  // and they add up; otherwise it is a (hidden) part of the line, like any other.
  const known = [figures.reviewed, ...assessed.map((k) => figures[k])];
  const noneUnassessed = known.every((x) => typeof x === "number") && (known as number[])[0] === assessed.reduce((s, k) => s + (figures[k] as number), 0);
  const lines: Line[] = [
    { total: "followUps", parts: ["reviewed", "notReviewed"] },
    { total: "reviewed", parts: noneUnassessed ? assessed : [...assessed, "unassessed"] },
  ];
  const out = suppress(figures, lines, threshold);
  return Object.fromEntries(CYCLE_FIGURES.map((k) => [k, out[k] ?? "small"])) as Record<CycleFigure, Shown>;
}
