import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { may } from "@/lib/access/permissions";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { MeasureStatus, RecommendationStatus } from "@/lib/server/generated/prisma/enums";

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
  /** How many measures answer it: counted under row-level security, so only those the viewer may see. */
  measureCount: number;
};

/**
 * The recommendations checklist (twelve items; short, so not paged): each with status,
 * evidence and the measures that answer it. Measures come through their own scope builder,
 * so a division head sees their own division's answers, the coordinator every division's.
 */
export async function listRecommendations(viewer: Viewer): Promise<RecommendationRow[]> {
  authorize(viewer, "recommendation", "list");
  const measureScope = may(viewer.role, "measure", "list") ? scopes.measure(viewer, "list") : null;
  return withViewer(viewer, async (tx) => {
    const rows = await tx.recommendation.findMany({
      orderBy: { number: "asc" },
      select: {
        id: true, number: true, title: true, description: true, isParaphrase: true, status: true, evidence: true, dueDate: true,
        planSection: { select: { number: true } }, responsible: { select: { name: true } },
        _count: { select: { measures: true } },
      },
    });
    const links = measureScope
      ? await tx.recommendationMeasure.findMany({
          where: { measure: within(measureScope, {}) },
          select: { recommendationId: true, measure: { select: { id: true, title: true, status: true, ownerDivision: { select: { name: true } } } } },
          orderBy: { measure: { title: "asc" } },
        })
      : [];
    return rows.map((r) => ({
      id: r.id, number: r.number, title: r.title, description: r.description, isParaphrase: r.isParaphrase, status: r.status,
      evidence: r.evidence, planSection: r.planSection?.number ?? null, responsible: r.responsible?.name ?? null, dueDate: r.dueDate,
      measureCount: r._count.measures,
      measures: links.filter((l) => l.recommendationId === r.id).map((l) => ({ id: l.measure.id, title: l.measure.title, status: l.measure.status, division: l.measure.ownerDivision.name })),
    }));
  });
}
