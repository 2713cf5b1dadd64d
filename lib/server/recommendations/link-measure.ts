import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";

/** Traceability recommendation ↔ measure: the coordinator records that a measure answers a recommendation. */
export async function linkMeasure(viewer: Viewer, input: { recommendationId: string; measureId: string }): Promise<void> {
  authorize(viewer, "recommendation", "update");
  const measureScope = scopes.measure(viewer, "read");
  await withViewer(viewer, async (tx) => {
    const recommendation = await tx.recommendation.findUnique({ where: { id: input.recommendationId }, select: { id: true } });
    if (!recommendation) throw new NotFoundError("recommendation");
    const measure = await tx.measure.findFirst({ where: within(measureScope, { id: input.measureId }), select: { id: true, ownerDivisionId: true } });
    if (!measure) throw new DomainRuleError("recommendations.errors.measureRequired", "measureId");
    const existing = await tx.recommendationMeasure.findUnique({ where: { recommendationId_measureId: input }, select: { measureId: true } });
    if (existing) throw new DomainRuleError("recommendations.errors.alreadyLinked", "measureId");
    await tx.recommendationMeasure.create({ data: input });
    await recordAudit(tx, viewer, {
      action: "recommendation.linkMeasure",
      entityType: "Recommendation",
      entityId: input.recommendationId,
      divisionId: measure.ownerDivisionId,
      details: { measureId: input.measureId },
    });
  });
}

export async function unlinkMeasure(viewer: Viewer, input: { recommendationId: string; measureId: string }): Promise<void> {
  authorize(viewer, "recommendation", "update");
  const measureScope = scopes.measure(viewer, "read");
  await withViewer(viewer, async (tx) => {
    const link = await tx.recommendationMeasure.findFirst({
      where: { recommendationId: input.recommendationId, measureId: input.measureId, measure: within(measureScope, {}) },
      select: { measure: { select: { ownerDivisionId: true } } },
    });
    if (!link) throw new NotFoundError("recommendationMeasure");
    await tx.recommendationMeasure.delete({ where: { recommendationId_measureId: input } });
    await recordAudit(tx, viewer, {
      action: "recommendation.unlinkMeasure",
      entityType: "Recommendation",
      entityId: input.recommendationId,
      divisionId: link.measure.ownerDivisionId,
      details: { measureId: input.measureId },
    });
  });
}

/** The measures the coordinator can link, for the picker (title and division). */
export async function listMeasureOptions(viewer: Viewer) {
  authorize(viewer, "recommendation", "update");
  const scope = scopes.measure(viewer, "list");
  return withViewer(viewer, async (tx) =>
    (await tx.measure.findMany({ where: scope, orderBy: { title: "asc" }, take: 500, select: { id: true, title: true, ownerDivision: { select: { name: true } } } }))
      .map((m) => ({ id: m.id, label: `${m.title} (${m.ownerDivision.name})` })));
}
