// The yearly evaluation's figures as the reader may see them: the one step between the figures
// (live, or the snapshot frozen when it was issued) and the page, the PDF and the XLSX. The
// coordinator sees every count; an observer (aggregates only, no rows: decision 011) sees every
// count through lib/aggregates/suppression.ts — primary and secondary suppression — and no
// measure by name. Applied at read time: the issued snapshot keeps the true figures.
import { suppress, type Line, type Shown, type Suppressed } from "@/lib/aggregates/suppression";
import type { EvaluationFigures, MeasureLine, SectionFigures } from "@/lib/server/evaluation/figures";

export type { Shown };

export const LEVEL_STATUSES = ["planned", "ongoing", "completed", "paused", "cancelled"] as const;
export const FOLLOW_UP_FIGURES = ["cycles", "followUps", "reviewed", "onTrack", "atRisk", "offTrack", "lineOnTrack", "lineAtRisk", "lineOffTrack"] as const;
export const NETWORK_FIGURES = ["meetingsHeld", "actionItems", "actionItemsDone", "actionItemsOpen", "actionItemsOverdue"] as const;

type LevelStatus = (typeof LEVEL_STATUSES)[number];

export type ShownEvaluationFigures = {
  year: number;
  /** A suppressed count is below this (printed "färre än N"). */
  threshold: number;
  /** "aggregates": an observer's figures — counts suppressed, no measure named. */
  view: "full" | "aggregates";
  /** `measures` is null where the reader gets counts only. */
  sections: (Omit<SectionFigures, "measures"> & { measures: MeasureLine[] | null })[];
  measuresByLevel: ({ level: string; total: Shown } & Record<LevelStatus, Shown>)[];
  followUps: Record<(typeof FOLLOW_UP_FIGURES)[number], Shown>;
  training: { division: string; needed: Shown; attended: Shown }[];
  trainingEvents: Shown;
  situation: { environment: string; count: Shown }[];
  network: Record<(typeof NETWORK_FIGURES)[number], Shown>;
};

/** Keys of the figures, so every count goes through one `suppress` call with all its lines. */
const k = {
  level: (i: number, status: LevelStatus | "total") => `level:${i}:${status}`,
  followUp: (key: string) => `followUp:${key}`,
  network: (key: string) => `network:${key}`,
  needed: (i: number) => `needed:${i}`,
  attended: (i: number) => `attended:${i}`,
  situation: (i: number) => `situation:${i}`,
  trainingEvents: "trainingEvents",
};

/**
 * The figures as `view` may see them. `currentThreshold` is the setting at read time: an
 * observer's counts are suppressed below the higher of it and the threshold the evaluation was
 * issued with (its situation counts were suppressed with that one already), so raising the
 * setting takes effect on evaluations issued before.
 */
export function evaluationFiguresFor(f: EvaluationFigures, view: "full" | "aggregates", currentThreshold: number): ShownEvaluationFigures {
  if (view === "full") {
    return {
      ...f,
      view,
      // Suppressed when collected, for every reader (the board's document): stays so.
      situation: f.situation.map((s) => ({ environment: s.environment, count: s.count ?? "small" })),
    };
  }
  const threshold = Math.max(f.threshold, currentThreshold);
  const figures: Record<string, Suppressed> = {};
  const lines: Line[] = [];

  // Measures by level: each level's statuses sum to its total.
  f.measuresByLevel.forEach((row, i) => {
    for (const status of LEVEL_STATUSES) figures[k.level(i, status)] = row[status];
    figures[k.level(i, "total")] = row.total;
    lines.push({ total: k.level(i, "total"), parts: LEVEL_STATUSES.map((s) => k.level(i, s)) });
  });

  // Follow-ups: reviewed ones are a part of all, and split by overall assessment. A category the
  // evaluation does not print (not yet reviewed, reviewed without an assessment; action items
  // cancelled, open and not overdue) is still a part of its line — total minus the printed
  // parts — and joins it when there is any: a small one of those hides the total like any part.
  for (const key of FOLLOW_UP_FIGURES) figures[k.followUp(key)] = f.followUps[key];
  const u = f.followUps;
  lines.push(withRest({ total: k.followUp("followUps"), parts: [k.followUp("reviewed")] }, "followUp:notReviewed", u.followUps - u.reviewed, figures));
  lines.push(withRest({ total: k.followUp("reviewed"), parts: ["onTrack", "atRisk", "offTrack"].map(k.followUp) }, "followUp:unassessed", u.reviewed - u.onTrack - u.atRisk - u.offTrack, figures));

  for (const key of NETWORK_FIGURES) figures[k.network(key)] = f.network[key];
  const n = f.network;
  lines.push(withRest({ total: k.network("actionItems"), parts: [k.network("actionItemsDone"), k.network("actionItemsOpen")] }, "network:cancelled", n.actionItems - n.actionItemsDone - n.actionItemsOpen, figures));
  lines.push(withRest({ total: k.network("actionItemsOpen"), parts: [k.network("actionItemsOverdue")] }, "network:notOverdue", n.actionItemsOpen - n.actionItemsOverdue, figures));

  // Training per division and the situation per environment: lists without a printed total.
  f.training.forEach((row, i) => {
    figures[k.needed(i)] = row.needed;
    figures[k.attended(i)] = row.attended;
  });
  figures[k.trainingEvents] = f.trainingEvents;
  f.situation.forEach((row, i) => (figures[k.situation(i)] = row.count));

  const out = suppress(figures, lines, threshold);
  const s = (key: string): Shown => out[key] ?? "small";
  return {
    year: f.year,
    threshold,
    view,
    sections: f.sections.map((section) => ({ ...section, measures: null })),
    measuresByLevel: f.measuresByLevel.map((row, i) => ({
      level: row.level,
      ...(Object.fromEntries(LEVEL_STATUSES.map((status) => [status, s(k.level(i, status))])) as Record<LevelStatus, Shown>),
      total: s(k.level(i, "total")),
    })),
    followUps: Object.fromEntries(FOLLOW_UP_FIGURES.map((key) => [key, s(k.followUp(key))])) as ShownEvaluationFigures["followUps"],
    training: f.training.map((row, i) => ({ division: row.division, needed: s(k.needed(i)), attended: s(k.attended(i)) })),
    trainingEvents: s(k.trainingEvents),
    situation: f.situation.map((row, i) => ({ environment: row.environment, count: s(k.situation(i)) })),
    network: Object.fromEntries(NETWORK_FIGURES.map((key) => [key, s(k.network(key))])) as ShownEvaluationFigures["network"],
  };
}

function withRest(line: Line, key: string, rest: number, figures: Record<string, Suppressed>): Line {
  if (rest <= 0) return line;
  figures[key] = rest;
  return { total: line.total, parts: [...line.parts, key] };
}

/** Staff trained as a share of staff to train, only where both counts are shown (else it would give a hidden one away). */
export function coverageOf(needed: Shown, attended: Shown): number | null {
  return typeof needed === "number" && typeof attended === "number" && needed > 0 ? attended / needed : null;
}
