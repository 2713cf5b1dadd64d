import "server-only";
import { readSetting } from "@/lib/server/organisation/settings";
import type { DbTx } from "@/lib/server/db";
import { suppressList } from "@/lib/aggregates/suppression";

// The yearly evaluation's figures, per section of the plan, computed from the data in the
// coordinator's transaction. Plain JSON (dates as `YYYY-MM-DD`), so an issued evaluation can
// keep them as its snapshot and print the same document ever after.

export type MeasureLine = { title: string; division: string; level: string; status: string; isSpecial: boolean; investigationStatus: string | null };
export type SectionFigures = {
  number: number;
  title: string;
  measures: MeasureLine[];
  recommendations: { number: number; title: string; status: string; isParaphrase: boolean }[];
};
export type EvaluationFigures = {
  year: number;
  /** Counts below this are printed as "färre än N" (Setting `aggregates.suppressionThreshold`). */
  threshold: number;
  sections: SectionFigures[];
  /** Measures by level and status (the plan's three levels), all divisions. */
  measuresByLevel: { level: string; planned: number; ongoing: number; completed: number; paused: number; cancelled: number; total: number }[];
  /** Follow-ups approved in the year's cycles, by overall assessment, and their lines' assessments. */
  followUps: { cycles: number; followUps: number; reviewed: number; onTrack: number; atRisk: number; offTrack: number; lineOnTrack: number; lineAtRisk: number; lineOffTrack: number };
  /** Training per division: staff to train (needs wanted by in the year) and staff who attended events in the year. */
  training: { division: string; needed: number; attended: number }[];
  trainingEvents: number;
  /** Situation entries observed in the year (reviewed or archived), per environment; null = suppressed. */
  situation: { environment: string; count: number | null }[];
  network: { meetingsHeld: number; actionItems: number; actionItemsDone: number; actionItemsOpen: number; actionItemsOverdue: number };
};

const LEVELS = ["GENERAL", "SPECIFIC", "INDIVIDUAL"] as const;
const ENVIRONMENTS = ["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"] as const;

/** The suppression threshold (Setting `aggregates.suppressionThreshold`, default 5). */
export async function suppressionThreshold(tx: DbTx): Promise<number> {
  return readSetting(tx, "suppressionThreshold");
}

/** `today` decides which open action items count as overdue; injected, never read here. */
export async function collectEvaluationFigures(tx: DbTx, year: number, today: Date): Promise<EvaluationFigures> {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year, 11, 31));
  const next = new Date(Date.UTC(year + 1, 0, 1));
  const threshold = await suppressionThreshold(tx);

  // Measures under way at some point of the year: no period, or a period that overlaps it.
  const measures = await tx.measure.findMany({
    where: { AND: [{ OR: [{ startDate: null }, { startDate: { lte: end } }] }, { OR: [{ endDate: null }, { endDate: { gte: start } }] }] },
    orderBy: [{ title: "asc" }],
    select: { title: true, level: true, status: true, isSpecial: true, investigationStatus: true, planSection: { select: { number: true } }, ownerDivision: { select: { name: true } } },
  });
  const sections = await tx.planSection.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true } });
  const recommendations = await tx.recommendation.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true, status: true, isParaphrase: true, planSection: { select: { number: true } } } });
  const line = (m: (typeof measures)[number]): MeasureLine => ({
    title: m.title, division: m.ownerDivision.name, level: m.level, status: m.status, isSpecial: m.isSpecial, investigationStatus: m.investigationStatus,
  });

  const count = (status: string, level: string) => measures.filter((m) => m.level === level && m.status === status).length;
  const measuresByLevel = LEVELS.map((level) => ({
    level,
    planned: count("PLANNED", level), ongoing: count("ONGOING", level), completed: count("COMPLETED", level),
    paused: count("PAUSED", level), cancelled: count("CANCELLED", level), total: measures.filter((m) => m.level === level).length,
  }));

  const cycleWhere = { cycle: { year } };
  const [cycles, followUps, reviewed, onTrack, atRisk, offTrack, lineOnTrack, lineAtRisk, lineOffTrack] = await Promise.all([
    tx.followUpCycle.count({ where: { year } }),
    tx.followUp.count({ where: cycleWhere }),
    tx.followUp.count({ where: { ...cycleWhere, status: "REVIEWED" } }),
    tx.followUp.count({ where: { ...cycleWhere, status: "REVIEWED", assessment: "ON_TRACK" } }),
    tx.followUp.count({ where: { ...cycleWhere, status: "REVIEWED", assessment: "AT_RISK" } }),
    tx.followUp.count({ where: { ...cycleWhere, status: "REVIEWED", assessment: "OFF_TRACK" } }),
    tx.followUpItem.count({ where: { followUp: { ...cycleWhere, status: "REVIEWED" }, assessment: "ON_TRACK" } }),
    tx.followUpItem.count({ where: { followUp: { ...cycleWhere, status: "REVIEWED" }, assessment: "AT_RISK" } }),
    tx.followUpItem.count({ where: { followUp: { ...cycleWhere, status: "REVIEWED" }, assessment: "OFF_TRACK" } }),
  ]);

  const divisions = await tx.division.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
  const needs = await tx.trainingNeed.groupBy({ by: ["divisionId"], where: { wantedBy: { gte: start, lt: next }, status: { not: "CANCELLED" } }, _sum: { headcount: true } });
  const attended = await tx.trainingAttendance.groupBy({ by: ["divisionId"], where: { event: { startsAt: { gte: start, lt: next }, status: "HELD" } }, _sum: { attended: true } });
  const training = divisions.map((d) => ({
    division: d.name,
    needed: needs.find((n) => n.divisionId === d.id)?._sum.headcount ?? 0,
    attended: attended.find((a) => a.divisionId === d.id)?._sum.attended ?? 0,
  }));
  const trainingEvents = await tx.trainingEvent.count({ where: { startsAt: { gte: start, lt: next }, status: "HELD" } });

  const entries = await tx.situationEntry.groupBy({ by: ["environment"], where: { observedOn: { gte: start, lt: next }, status: { in: ["REVIEWED", "ARCHIVED"] } }, _count: { _all: true } });
  // A small count could point at a few persons (PRODUCT.md): suppressed, zero included, by the
  // rule every observer-visible count follows (lib/aggregates/suppression.ts). No total is
  // printed beside them, so nothing else needs hiding.
  const counts = ENVIRONMENTS.map((environment) => entries.find((e) => e.environment === environment)?._count._all ?? 0);
  const shown = suppressList(counts, null, threshold).counts;
  const situation = ENVIRONMENTS.map((environment, i) => {
    const value = shown[i];
    return { environment, count: typeof value === "number" ? value : null };
  });

  const itemWhere = { dueDate: { gte: start, lt: next } };
  const [meetingsHeld, actionItems, actionItemsDone, actionItemsOpen, actionItemsOverdue] = await Promise.all([
    tx.networkMeeting.count({ where: { scheduledAt: { gte: start, lt: next }, status: "HELD" } }),
    tx.actionItem.count({ where: itemWhere }),
    tx.actionItem.count({ where: { ...itemWhere, status: "DONE" } }),
    tx.actionItem.count({ where: { ...itemWhere, status: { in: ["OPEN", "IN_PROGRESS"] } } }),
    tx.actionItem.count({ where: { ...itemWhere, status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { gte: start, lt: next.getTime() < today.getTime() ? next : today } } }),
  ]);

  return {
    year,
    threshold,
    sections: sections.map((s) => ({
      number: s.number,
      title: s.title,
      measures: measures.filter((m) => m.planSection?.number === s.number).map(line),
      recommendations: recommendations.filter((r) => r.planSection?.number === s.number).map((r) => ({ number: r.number, title: r.title, status: r.status, isParaphrase: r.isParaphrase })),
    })),
    measuresByLevel,
    followUps: { cycles, followUps, reviewed, onTrack, atRisk, offTrack, lineOnTrack, lineAtRisk, lineOffTrack },
    training,
    trainingEvents,
    situation,
    network: { meetingsHeld, actionItems, actionItemsDone, actionItemsOpen, actionItemsOverdue },
  };
}
