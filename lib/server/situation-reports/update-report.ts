import "server-only";
import type { z } from "zod";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import type { reportEntrySchema, updateReportSchema } from "@/lib/schemas/situation-report";
import { REPORTABLE, REPORT_TX } from "./compile";

/** The report, if the viewer may `action` it and it is still a draft; a final one is frozen. */
async function draftOrRefuse(tx: DbTx, viewer: Viewer, id: string, action: "update" | "finalize" | "delete") {
  const report = await tx.situationReport.findFirst({
    where: within(scopes.situationReport(viewer, action), { id }),
    select: { id: true, status: true, periodStart: true, periodEnd: true, title: true },
  });
  if (!report) throw new NotFoundError("SituationReport");
  if (report.status !== "DRAFT") throw new DomainRuleError("reports.errors.frozen");
  return report;
}
export { draftOrRefuse };

/**
 * Saves a draft's texts: title, trends, assessment, recommended measures and each
 * environment's section. Refused when someone saved in between (StaleEditError) or when the
 * report is final. One transaction, audited (field names only, not the texts).
 */
export async function updateSituationReport(viewer: Viewer, input: z.output<typeof updateReportSchema>): Promise<{ version: number }> {
  const scope = scopes.situationReport(viewer, "update");
  return withViewer(viewer, async (tx) => {
    await draftOrRefuse(tx, viewer, input.id, "update");
    await updateVersioned(tx, "situationReport", {
      id: input.id,
      expectedVersion: input.expectedVersion,
      scope: within(scope, { status: "DRAFT" }),
      data: { title: input.title, trends: input.trends, assessment: input.assessment, recommendedMeasures: input.recommendedMeasures },
    });
    for (const section of input.sections) {
      await tx.situationReportSection.upsert({
        where: { reportId_environment: { reportId: input.id, environment: section.environment } },
        create: { reportId: input.id, ...section },
        update: { summary: section.summary, presence: section.presence, activities: section.activities },
      });
    }
    await recordAudit(tx, viewer, {
      action: "situationReport.update",
      entityType: "SituationReport",
      entityId: input.id,
      details: { version: input.expectedVersion + 1, sections: input.sections.map((s) => s.environment) },
    });
    return { version: input.expectedVersion + 1 };
  }, REPORT_TX);
}

/**
 * Cites a reviewed entry of the report's period in a draft, or leaves it out again. The entry
 * must be one the viewer reads, reviewed (or archived after review) and observed within the
 * period. Bumps the report's version: the figures the form was based on have changed.
 */
export async function setReportEntry(viewer: Viewer, input: z.output<typeof reportEntrySchema>): Promise<{ version: number }> {
  const scope = scopes.situationReport(viewer, "update");
  const entryScope = scopes.situationEntry(viewer, "read");
  return withViewer(viewer, async (tx) => {
    const report = await draftOrRefuse(tx, viewer, input.reportId, "update");
    const entry = await tx.situationEntry.findFirst({ where: within(entryScope, { id: input.entryId }), select: { id: true, status: true, observedOn: true, divisionId: true } });
    if (!entry) throw new NotFoundError("SituationEntry");
    if (input.include) {
      if (!(REPORTABLE as readonly string[]).includes(entry.status)) throw new DomainRuleError("reports.errors.entryNotReviewed");
      if (entry.observedOn < report.periodStart || entry.observedOn > report.periodEnd) throw new DomainRuleError("reports.errors.entryOutsidePeriod");
    }
    await updateVersioned(tx, "situationReport", {
      id: report.id,
      expectedVersion: input.expectedVersion,
      scope: within(scope, { status: "DRAFT" }),
      data: {},
    });
    await tx.situationReport.update({
      where: { id: report.id },
      data: { entries: input.include ? { connect: { id: entry.id } } : { disconnect: { id: entry.id } } },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: input.include ? "situationReport.citeEntry" : "situationReport.unciteEntry",
      entityType: "SituationReport",
      entityId: report.id,
      divisionId: entry.divisionId,
      details: { entryId: entry.id },
    });
    return { version: input.expectedVersion + 1 };
  }, REPORT_TX);
}

/** Deletes a draft report (a final one is a record and stays). */
export async function deleteSituationReport(viewer: Viewer, input: { id: string; expectedVersion: number }): Promise<void> {
  const scope = scopes.situationReport(viewer, "delete");
  await withViewer(viewer, async (tx) => {
    const report = await draftOrRefuse(tx, viewer, input.id, "delete");
    const { count } = await tx.situationReport.deleteMany({ where: within(scope, { id: report.id, version: input.expectedVersion, status: "DRAFT" }) });
    if (count === 0) throw new StaleEditError("situationReport");
    await recordAudit(tx, viewer, { action: "situationReport.delete", entityType: "SituationReport", entityId: report.id, details: { title: report.title } });
  }, REPORT_TX);
}
