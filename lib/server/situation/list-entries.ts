import "server-only";
import { paginate } from "@/lib/pagination";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/scoped";
import { recordAudit } from "@/lib/server/audit/record";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { SituationFilter } from "@/lib/schemas/situation-filter";

export const SITUATION_PAGE_SIZE = 25;

/**
 * One page of the situation picture, newest observation first, limited to the viewer's
 * divisions (and again by row-level security). Reading entries is audited.
 */
export async function listSituationEntries(viewer: Viewer, filter: SituationFilter) {
  const where = {
    ...scopes.situationEntry(viewer, "list"),
    ...(filter.environment ? { environment: filter.environment } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  return withViewer(viewer, async (tx) => {
    const total = await tx.situationEntry.count({ where });
    const { page, pages, skip, take } = paginate(total, filter.page, SITUATION_PAGE_SIZE);
    const rows = await tx.situationEntry.findMany({
      where,
      orderBy: [{ observedOn: "desc" }, { createdAt: "desc" }],
      skip,
      take,
      select: {
        id: true, observedOn: true, environment: true, activityType: true, status: true, reliability: true,
        division: { select: { name: true } }, district: { select: { name: true } },
      },
    });
    await recordAudit(tx, viewer, {
      action: "situationEntry.list",
      entityType: "SituationEntry",
      // Which entries were shown, so "who saw entry X" can be answered (/admin/logg?entityId=X).
      details: { shown: rows.length, entryIds: rows.map((r) => r.id), page, ...(filter.environment ? { environment: filter.environment } : {}), ...(filter.status ? { status: filter.status } : {}) },
    });
    return {
      rows: rows.map((r) => ({ ...r, division: r.division.name, district: r.district?.name ?? null })),
      total,
      page,
      pages,
    };
  });
}
