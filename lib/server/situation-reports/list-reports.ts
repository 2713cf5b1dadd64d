import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { SituationReportStatus } from "@/lib/server/generated/prisma/enums";

export const REPORT_PAGE_SIZE = 20;

export type ReportRow = { id: string; title: string; periodStart: Date; periodEnd: Date; status: SituationReportStatus; finalizedAt: Date | null; shares: number };

/** The reports the viewer may read, latest period first: every report for the coordinator, final ones for observers. */
export async function listSituationReports(viewer: Viewer, input: { page: number }): Promise<Paged<ReportRow>> {
  const where = scopes.situationReport(viewer, "list");
  return withViewer(viewer, (tx) =>
    loadPage(input.page, REPORT_PAGE_SIZE, {
      count: () => tx.situationReport.count({ where }),
      rows: async (window) =>
        (await tx.situationReport.findMany({
          where,
          orderBy: [{ periodEnd: "desc" }, { createdAt: "desc" }],
          ...window,
          select: { id: true, title: true, periodStart: true, periodEnd: true, status: true, finalizedAt: true, _count: { select: { shares: true } } },
        })).map(({ _count, ...r }) => ({ ...r, shares: _count.shares })),
    }));
}
