import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { may, readsFiguresOnly } from "@/lib/access/permissions";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { MeasureStatus, RecommendationStatus } from "@/lib/server/generated/prisma/enums";
import type { Shown } from "@/lib/aggregates/suppression";
import { linkedMeasureCounts } from "./measure-counts";

export type RecommendationRow = {
  id: string;
  number: number;
  title: string;
  description: string;
  isParaphrase: boolean;
  status: RecommendationStatus;
  evidence: string;
  planSection: number | null;
  responsible: string | null;
  dueDate: Date | null;
  /** The measures that answer it, as far as the viewer may see measures (own division, or all). */
  measures: { id: string; title: string; status: MeasureStatus; division: string }[];
  /** For a viewer who may read no measure (the observer): how many answer it, every division's,
   * small counts "small" (shown "<5"); null for a viewer who sees the measures themselves. */
  linkedMeasures: Shown | null;
};

export type RecommendationList = {
  rows: RecommendationRow[];
  /** Set when the measures are counts only: the suppression threshold they follow. */
  countsOnlyThreshold: number | null;
};

/**
 * The recommendations checklist (twelve items; short, so not paged): each with status,
 * evidence and the measures that answer it. Measures come through their own scope builder,
 * so a division head sees their own division's answers, the coordinator every division's; a
 * viewer who may read no measure but every division's figures (the observer) gets how many
 * answer each, suppressed (linkedMeasureCounts), never the measures.
 */
export async function listRecommendations(viewer: Viewer): Promise<RecommendationList> {
  authorize(viewer, "recommendation", "list");
  const measureScope = may(viewer.role, "measure", "list") ? scopes.measure(viewer, "list") : null;
  const countsOnly = !measureScope && readsFiguresOnly(viewer.role, "measure");
  return withViewer(viewer, async (tx) => {
    const rows = await tx.recommendation.findMany({
      orderBy: { number: "asc" },
      select: {
        id: true, number: true, title: true, description: true, isParaphrase: true, status: true, evidence: true, dueDate: true,
        planSection: { select: { number: true } }, responsible: { select: { name: true } },
      },
    });
    const links = measureScope
      ? await tx.recommendationMeasure.findMany({
          where: { measure: within(measureScope, {}) },
          select: { recommendationId: true, measure: { select: { id: true, title: true, status: true, ownerDivision: { select: { name: true } } } } },
          orderBy: { measure: { title: "asc" } },
        })
      : [];
    const counted = countsOnly ? await linkedMeasureCounts(tx) : null;
    return {
      countsOnlyThreshold: counted?.threshold ?? null,
      rows: rows.map((r) => ({
        id: r.id, number: r.number, title: r.title, description: r.description, isParaphrase: r.isParaphrase, status: r.status,
        evidence: r.evidence, planSection: r.planSection?.number ?? null, responsible: r.responsible?.name ?? null, dueDate: r.dueDate,
        measures: links.filter((l) => l.recommendationId === r.id).map((l) => ({ id: l.measure.id, title: l.measure.title, status: l.measure.status, division: l.measure.ownerDivision.name })),
        linkedMeasures: counted ? (counted.counts.get(r.id) ?? "small") : null,
      })),
    };
  });
}
