import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import type { Viewer } from "@/lib/access/viewer";
import type { SituationFilter } from "@/lib/schemas/situation-filter";
import type { ActivityType, ExtremistEnvironment, Reliability, SituationEntryStatus } from "@/lib/server/generated/prisma/enums";
import { countEntries, findEntries } from "./entry-query";

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

/** What the audit event keeps of a filter: the choices, and only *whether* text was searched
 * (the search words are the user's free text and stay out of the trail). */
export function auditedFilter(filter: SituationFilter) {
  const { q, page: _page, ...rest } = filter;
  void _page;
  return { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), searched: Boolean(q) };
}

/**
 * One page of the situation picture, limited to the viewer's divisions (and again by
 * row-level security), filtered, sorted and searched (full text, indexed). Reading entries is
 * audited with the ids shown, so "who saw entry X" can be answered.
 */
export async function listSituationEntries(viewer: Viewer, filter: SituationFilter): Promise<Paged<SituationEntryRow>> {
  const scope = scopes.situationEntry(viewer, "list");
  return withViewer(viewer, async (tx) => {
    const found = await loadPage(filter.page, SITUATION_PAGE_SIZE, {
      count: () => countEntries(tx, scope, filter),
      rows: (window) => findEntries(tx, scope, filter, window),
    });
    await recordAudit(tx, viewer, {
      action: "situationEntry.list",
      entityType: "SituationEntry",
      details: { shown: found.rows.length, entryIds: found.rows.map((r) => r.id), page: found.page, ...auditedFilter(filter) },
    });
    return {
      ...found,
      rows: found.rows.map((r) => ({
        id: r.id, observedOn: r.observedOn, environment: r.environment as ExtremistEnvironment, activityType: r.activityType as ActivityType,
        status: r.status as SituationEntryStatus, reliability: r.reliability as Reliability, division: r.division, district: r.district,
      })),
    };
  });
}
