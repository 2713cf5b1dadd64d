import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import type { Viewer } from "@/lib/access/viewer";
import type { SituationFilter } from "@/lib/schemas/situation-filter";
import type { ActivityType, ExtremistEnvironment, Reliability, SituationEntryStatus } from "@/lib/server/generated/prisma/enums";

export const SITUATION_PAGE_SIZE = 25;

export type SituationEntryRow = {
  id: string;
  observedOn: Date;
  environment: ExtremistEnvironment;
  activityType: ActivityType;
  status: SituationEntryStatus;
  reliability: Reliability;
  division: string;
  district: string | null;
};

/**
 * One page of the situation picture, newest observation first, limited to the viewer's
 * divisions (and again by row-level security). Reading entries is audited.
 */
export async function listSituationEntries(viewer: Viewer, filter: SituationFilter): Promise<Paged<SituationEntryRow>> {
  const where = within(scopes.situationEntry(viewer, "list"), {
    ...(filter.environment ? { environment: filter.environment } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  });
  return withViewer(viewer, async (tx) => {
    const found = await loadPage(filter.page, SITUATION_PAGE_SIZE, {
      count: () => tx.situationEntry.count({ where }),
      rows: (window) =>
        tx.situationEntry.findMany({
          where,
          orderBy: [{ observedOn: "desc" }, { createdAt: "desc" }],
          ...window,
          select: {
            id: true, observedOn: true, environment: true, activityType: true, status: true, reliability: true,
            division: { select: { name: true } }, district: { select: { name: true } },
          },
        }),
    });
    await recordAudit(tx, viewer, {
      action: "situationEntry.list",
      entityType: "SituationEntry",
      details: { shown: found.rows.length, page: found.page, ...(filter.environment ? { environment: filter.environment } : {}), ...(filter.status ? { status: filter.status } : {}) },
    });
    return { ...found, rows: found.rows.map((r) => ({ ...r, division: r.division.name, district: r.district?.name ?? null })) };
  });
}
