import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { may, readsFiguresOnly } from "@/lib/access/permissions";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { isoDate } from "@/lib/dates";
import { linkedMeasureCounts } from "./measure-counts";

/**
 * One recommendation with its whole trace: the measures that answer it (as far as the viewer
 * sees measures) and, for each, the situation-report findings that motivate it (for those who
 * read reports) — what the municipality does about the recommendation and why. A viewer who
 * may read no measure but every division's figures (the observer) gets how many measures answer
 * it instead, suppressed like every count an observer sees (`linkedMeasures`; null otherwise).
 */
export async function getRecommendation(viewer: Viewer, id: string) {
  authorize(viewer, "recommendation", "read");
  const measureScope = may(viewer.role, "measure", "read") ? scopes.measure(viewer, "read") : null;
  const readsReports = may(viewer.role, "situationReport", "read");
  const countsOnly = !measureScope && readsFiguresOnly(viewer.role, "measure");
  const found = await withViewer(viewer, async (tx) => {
    const r = await tx.recommendation.findUnique({
      where: { id },
      select: {
        id: true, version: true, number: true, title: true, description: true, isParaphrase: true, status: true, evidence: true,
        planSectionId: true, responsibleUserId: true, dueDate: true, planSection: { select: { number: true, title: true } },
        responsible: { select: { name: true } },
      },
    });
    if (!r) return null;
    const measures = measureScope
      ? await tx.measure.findMany({
          where: within(measureScope, { recommendations: { some: { recommendationId: r.id } } }),
          orderBy: { title: "asc" },
          select: { id: true, title: true, status: true, level: true, ownerDivision: { select: { name: true } } },
        })
      : [];
    const findings = readsReports && measures.length > 0
      ? await tx.measureFinding.findMany({
          where: { measureId: { in: measures.map((m) => m.id) } },
          orderBy: { createdAt: "asc" },
          select: { id: true, measureId: true, note: true, report: { select: { id: true, title: true } }, section: { select: { environment: true } } },
        })
      : [];
    const counted = countsOnly ? await linkedMeasureCounts(tx) : null;
    return { r, measures, findings, counted };
  });
  if (!found) throw new NotFoundError("recommendation");
  const { r, measures, findings, counted } = found;
  return {
    id: r.id,
    number: r.number,
    planSection: r.planSection,
    responsible: r.responsible?.name ?? null,
    status: r.status,
    isParaphrase: r.isParaphrase,
    title: r.title,
    description: r.description,
    evidence: r.evidence,
    dueDate: r.dueDate,
    linkedMeasures: counted ? { count: counted.counts.get(r.id) ?? "small", threshold: counted.threshold } : null,
    measures: measures.map((m) => ({
      id: m.id, title: m.title, status: m.status, level: m.level, division: m.ownerDivision.name,
      findings: findings.filter((f) => f.measureId === m.id).map((f) => ({
        id: f.id, note: f.note, report: f.report, environment: f.section?.environment ?? null,
      })),
    })),
    values: {
      id: r.id, version: r.version, title: r.title, description: r.description, isParaphrase: r.isParaphrase, status: r.status,
      evidence: r.evidence, planSectionId: r.planSectionId ?? "", responsibleUserId: r.responsibleUserId ?? "", dueDate: isoDate(r.dueDate),
    },
  };
}
