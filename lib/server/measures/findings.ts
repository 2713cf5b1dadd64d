import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";

/**
 * Traceability measure ↔ situation report: links a report (or one environment's section of it)
 * whose findings motivate the measure. Needs both the measure (update) and the report (read),
 * so in practice the coordinator, who compiles the reports.
 */
export async function linkFinding(viewer: Viewer, input: { measureId: string; reportId: string; sectionId: string; note: string }): Promise<void> {
  const measureScope = scopes.measure(viewer, "update");
  const reportScope = scopes.situationReport(viewer, "read");
  await withViewer(viewer, async (tx) => {
    const measure = await tx.measure.findFirst({ where: within(measureScope, { id: input.measureId }), select: { id: true, ownerDivisionId: true } });
    if (!measure) throw new NotFoundError("measure");
    const report = await tx.situationReport.findFirst({ where: within(reportScope, { id: input.reportId }), select: { id: true } });
    if (!report) throw new DomainRuleError("measures.errors.reportRequired", "reportId");
    if (input.sectionId) {
      const section = await tx.situationReportSection.findFirst({ where: { id: input.sectionId, reportId: report.id }, select: { id: true } });
      if (!section) throw new DomainRuleError("invalidChoice", "sectionId");
    }
    const duplicate = await tx.measureFinding.findFirst({ where: { measureId: measure.id, reportId: report.id, sectionId: input.sectionId || null }, select: { id: true } });
    if (duplicate) throw new DomainRuleError("measures.errors.findingExists", "reportId");
    const created = await tx.measureFinding.create({
      data: { measureId: measure.id, reportId: report.id, sectionId: input.sectionId || null, note: input.note },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: "measure.linkFinding",
      entityType: "Measure",
      entityId: measure.id,
      divisionId: measure.ownerDivisionId,
      details: { findingId: created.id, reportId: report.id, sectionId: input.sectionId || null },
    });
  });
}

export async function unlinkFinding(viewer: Viewer, input: { id: string }): Promise<void> {
  const measureScope = scopes.measure(viewer, "update");
  authorize(viewer, "situationReport", "read");
  await withViewer(viewer, async (tx) => {
    const finding = await tx.measureFinding.findFirst({
      where: { id: input.id, measure: within(measureScope, {}) },
      select: { id: true, measureId: true, reportId: true, measure: { select: { ownerDivisionId: true } } },
    });
    if (!finding) throw new NotFoundError("measureFinding");
    await tx.measureFinding.delete({ where: { id: finding.id } });
    await recordAudit(tx, viewer, {
      action: "measure.unlinkFinding",
      entityType: "Measure",
      entityId: finding.measureId,
      divisionId: finding.measure.ownerDivisionId,
      details: { findingId: finding.id, reportId: finding.reportId },
    });
  });
}

/** The reports (and their sections) a finding can point at, for the coordinator's picker. */
export async function listReportOptions(viewer: Viewer) {
  const scope = scopes.situationReport(viewer, "read");
  return withViewer(viewer, (tx) =>
    tx.situationReport.findMany({
      where: scope,
      orderBy: { periodEnd: "desc" },
      take: 50,
      select: { id: true, title: true, status: true, sections: { select: { id: true, environment: true } } },
    }));
}
