import "server-only";
import { may } from "@/lib/access/permissions";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { isoDate } from "@/lib/dates";
import type { SpecialInvestigationStatus } from "@/lib/server/generated/prisma/enums";

/**
 * One measure for its page and form, if it is in the viewer's scope (another division's is
 * "not found", like a missing one). With its traceability: the recommendations it answers and,
 * for those who read situation reports, the report findings that motivate it.
 */
export async function getMeasure(viewer: Viewer, id: string) {
  const scope = scopes.measure(viewer, "read");
  const readsReports = may(viewer.role, "situationReport", "read");
  const found = await withViewer(viewer, async (tx) => {
    const m = await tx.measure.findFirst({
      where: within(scope, { id }),
      select: {
        id: true, version: true, title: true, ownerDivisionId: true, level: true, status: true, targetGroup: true, description: true,
        responsibleUserId: true, resources: true, genderPerspective: true, planSectionId: true, isSpecial: true,
        investigationStatus: true, startDate: true, endDate: true, nextReviewDate: true,
        ownerDivision: { select: { name: true } }, responsible: { select: { name: true } },
        planSection: { select: { number: true, title: true } },
        recommendations: { select: { recommendation: { select: { id: true, number: true, title: true, status: true } } }, orderBy: { recommendation: { number: "asc" } } },
      },
    });
    if (!m) return null;
    const findings = readsReports
      ? await tx.measureFinding.findMany({
          where: { measureId: m.id },
          orderBy: { createdAt: "asc" },
          select: { id: true, note: true, report: { select: { id: true, title: true, status: true } }, section: { select: { environment: true } } },
        })
      : [];
    return { m, findings };
  });
  if (!found) {
    await recordRefusal(viewer, "access.notFound", { entityType: "Measure", entityId: id });
    throw new NotFoundError("measure");
  }
  const { m, findings } = found;
  return {
    id: m.id,
    division: m.ownerDivision.name,
    responsible: m.responsible?.name ?? null,
    planSection: m.planSection,
    recommendations: m.recommendations.map((r) => r.recommendation),
    findings: findings.map((f) => ({ id: f.id, note: f.note, report: f.report, environment: f.section?.environment ?? null })),
    values: {
      id: m.id, version: m.version, title: m.title, ownerDivisionId: m.ownerDivisionId, level: m.level, status: m.status,
      targetGroup: m.targetGroup, description: m.description, responsibleUserId: m.responsibleUserId ?? "", resources: m.resources,
      genderPerspective: m.genderPerspective, planSectionId: m.planSectionId ?? "", isSpecial: m.isSpecial,
      investigationStatus: (m.investigationStatus ?? "") as SpecialInvestigationStatus | "", startDate: isoDate(m.startDate), endDate: isoDate(m.endDate),
      nextReviewDate: isoDate(m.nextReviewDate),
    },
  };
}
export type MeasureDetail = Awaited<ReturnType<typeof getMeasure>>;
