import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { authorize } from "@/lib/server/access/authorize";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import type { Viewer } from "@/lib/access/viewer";
import { currentFigures, REPORT_TX } from "./compile";
import { draftOrRefuse } from "./update-report";

/**
 * Makes a draft report final and freezes it: the figures as they stand and a copy of every
 * cited entry are stored with it, so later edits of those entries (or of the contact log) do
 * not change what the report says. From here on nobody may change it — the use case refuses,
 * and row-level security lets no UPDATE reach a FINAL row. One transaction, audited.
 */
export async function finalizeSituationReport(viewer: Viewer, input: { id: string; expectedVersion: number }): Promise<void> {
  authorize(viewer, "situationReport", "finalize");
  const scope = scopes.situationReport(viewer, "finalize");
  const entryScope = scopes.situationEntry(viewer, "read");
  await withViewer(viewer, async (tx) => {
    const report = await draftOrRefuse(tx, viewer, input.id, "finalize");
    const figures = await currentFigures(tx, viewer, report);
    const cited = await tx.situationEntry.findMany({
      where: within(entryScope, { reports: { some: { id: report.id } } }),
      select: {
        id: true, observedOn: true, environment: true, activityType: true, source: true, reliability: true,
        genderPerspective: true, description: true, division: { select: { name: true } }, district: { select: { name: true } },
      },
    });
    await tx.situationReportCitation.createMany({
      data: cited.map((e) => ({
        reportId: report.id,
        entryId: e.id,
        divisionName: e.division.name,
        districtName: e.district?.name ?? null,
        observedOn: e.observedOn,
        environment: e.environment,
        activityType: e.activityType,
        source: e.source,
        reliability: e.reliability,
        genderPerspective: e.genderPerspective,
        description: e.description,
      })),
    });
    // Last: row-level security accepts copies only into a draft, and a stale version rolls
    // the whole transaction back, copies included.
    await updateVersioned(tx, "situationReport", {
      id: report.id,
      expectedVersion: input.expectedVersion,
      scope: within(scope, { status: "DRAFT" }),
      data: {
        status: "FINAL",
        figures: figures as unknown as Prisma.InputJsonObject,
        finalizedAt: new Date(),
        finalizedById: viewer.id,
      },
    });
    await recordAudit(tx, viewer, {
      action: "situationReport.finalize",
      entityType: "SituationReport",
      entityId: report.id,
      details: { entryIds: cited.map((e) => e.id), total: figures.total, contacts: figures.contacts.total },
    });
  }, REPORT_TX);
}
