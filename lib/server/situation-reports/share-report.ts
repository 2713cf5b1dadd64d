import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { shareReportSchema } from "@/lib/schemas/situation-report";

/**
 * Records that a final report was handed outside the municipality (e.g. to the police): to
 * whom, on which day, by whom, on which legal basis from the coordinator's list (its label
 * kept as it read then). Only a final report is shared — a draft is not the municipality's
 * picture yet. A record: it is never changed or removed. Audited.
 */
export async function shareSituationReport(viewer: Viewer, input: z.output<typeof shareReportSchema>): Promise<{ id: string }> {
  authorize(viewer, "situationReport", "share");
  const scope = scopes.situationReport(viewer, "share");
  return withViewer(viewer, async (tx) => {
    const report = await tx.situationReport.findFirst({ where: within(scope, { id: input.reportId }), select: { id: true, status: true } });
    if (!report) throw new NotFoundError("SituationReport");
    if (report.status !== "FINAL") throw new DomainRuleError("reports.errors.shareDraft");
    const basis = await tx.legalBasis.findFirst({ where: { id: input.legalBasisId, active: true }, select: { id: true, label: true } });
    if (!basis) throw new DomainRuleError("reports.errors.legalBasisRequired", "legalBasisId");
    const share = await tx.situationReportShare.create({
      data: {
        reportId: report.id,
        recipient: input.recipient,
        sharedOn: new Date(`${input.sharedOn}T00:00:00.000Z`),
        sharedById: viewer.id,
        sharedByName: viewer.name,
        legalBasisId: basis.id,
        legalBasisLabel: basis.label,
        note: input.note,
      },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: "situationReport.share",
      entityType: "SituationReport",
      entityId: report.id,
      details: { shareId: share.id, recipient: input.recipient, sharedOn: input.sharedOn, legalBasis: basis.label },
    });
    return share;
  });
}
