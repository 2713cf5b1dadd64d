import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import type { Viewer } from "@/lib/access/viewer";
import type { createReportSchema } from "@/lib/schemas/situation-report";
import { prefillSections } from "@/lib/situation-reports/prefill";
import { readSetting } from "@/lib/server/organisation/settings";
import { currentFigures, REPORTABLE, REPORT_TX } from "./compile";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Compiles a new draft report for a period: it cites every reviewed entry observed in the
 * period (the coordinator may leave some out afterwards), and each environment's section
 * starts with presence and activities written from the counts as an observer reads them
 * (small ones "färre än 5"), to be edited. One
 * transaction, audited.
 */
export async function createSituationReport(viewer: Viewer, input: z.output<typeof createReportSchema>): Promise<{ id: string }> {
  authorize(viewer, "situationReport", "create");
  const periodStart = day(input.periodStart);
  const periodEnd = day(input.periodEnd);
  return withViewer(viewer, async (tx) => {
    const entries = await tx.situationEntry.findMany({
      where: within(scopes.situationEntry(viewer, "read"), { status: { in: [...REPORTABLE] }, observedOn: { gte: periodStart, lte: periodEnd } }),
      select: { id: true },
    });
    const report = await tx.situationReport.create({
      data: {
        title: input.title,
        periodStart,
        periodEnd,
        createdById: viewer.id,
        entries: { connect: entries.map((e) => ({ id: e.id })) },
      },
      select: { id: true, periodStart: true, periodEnd: true },
    });
    const figures = await currentFigures(tx, viewer, report);
    // Written from the figures as an observer reads them: the text goes to observers once the
    // report is final, so the draft starts with no count below the threshold (decision 021).
    const threshold = await readSetting(tx, "suppressionThreshold");
    await tx.situationReportSection.createMany({
      data: prefillSections(figures, threshold).map((s) => ({ reportId: report.id, ...s })),
    });
    await recordAudit(tx, viewer, {
      action: "situationReport.create",
      entityType: "SituationReport",
      entityId: report.id,
      details: { periodStart: input.periodStart, periodEnd: input.periodEnd, entryIds: entries.map((e) => e.id) },
    });
    return { id: report.id };
  }, REPORT_TX);
}
