import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { may, type Action } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError } from "@/lib/server/errors";
import { authorize } from "./authorize";

// lib/server/users/* still imports the error from here until it adopts lib/server/errors.
export { AccessDeniedError };

/** The viewer's own divisions as a filter; an empty list matches nothing, never everything. */
function ownDivisions(viewer: Viewer) {
  return { in: [...viewer.divisionIds] };
}

/**
 * A scope and a use case's own filter, both required of every row. The one way to combine
 * them: merging the two objects key by key would let a filter key equal to a scope key (e.g.
 * `divisionId`) silently replace the scope. Typed by the model's `WhereInput`, which the
 * scope decides; the filter is checked against it.
 */
export function within<W extends { AND?: W | W[] }>(scope: W, filter: NoInfer<W>): W {
  return { AND: [scope, filter] } as W;
}

/**
 * One scope builder per model: the `where` that limits a query to what the viewer may do.
 * Each starts with `authorize` (AccessDeniedError when the role may not) and never returns
 * `undefined` for a division filter (Prisma reads that as "no filter"): `all` is an explicit
 * empty object, `own` an `in` list of the viewer's divisions, `final` the model's own
 * condition for a finished record. The database's row-level security enforces the same
 * rules again. Combine with a filter only through `within(scope, filter)`.
 */
export const scopes = {
  situationEntry(viewer: Viewer, action: Action): Prisma.SituationEntryWhereInput {
    return authorize(viewer, "situationEntry", action) === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  contactLogEntry(viewer: Viewer, action: Action): Prisma.ContactLogEntryWhereInput {
    return authorize(viewer, "contactLog", action) === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  trainingNeed(viewer: Viewer, action: Action, resource: "trainingNeed" | "aggregates" = "trainingNeed"): Prisma.TrainingNeedWhereInput {
    return authorize(viewer, resource, action) === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  /** Head-counts per division are aggregate figures: read under `aggregates`, own division
   * for division heads and network members, every division for coordinator and observers. */
  /** A division's figures of a training event, as rows: for those who read training events.
   * Observers get counts only (varna_aggregate_figures, decision 011), never a row. */
  trainingAttendance(viewer: Viewer, action: Action): Prisma.TrainingAttendanceWhereInput {
    const scope = authorize(viewer, "aggregates", action);
    if (!may(viewer.role, "trainingEvent", "read")) throw new AccessDeniedError("trainingAttendance", action);
    return scope === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  measure(viewer: Viewer, action: Action, resource: "measure" | "aggregates" = "measure"): Prisma.MeasureWhereInput {
    return authorize(viewer, resource, action) === "all" ? {} : { ownerDivisionId: ownDivisions(viewer) };
  },
  followUp(viewer: Viewer, action: Action): Prisma.FollowUpWhereInput {
    const scope = authorize(viewer, "followUp", action);
    if (scope === "final") return { status: "REVIEWED" };
    return scope === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  /** Network-wide items (no division) belong to the whole network: its members see them. */
  actionItem(viewer: Viewer, action: Action): Prisma.ActionItemWhereInput {
    if (authorize(viewer, "actionItem", action) === "all") return {};
    const own = { divisionId: ownDivisions(viewer) };
    return viewer.role === "NETWORK_MEMBER" ? { OR: [own, { divisionId: null }] } : own;
  },
  situationReport(viewer: Viewer, action: Action): Prisma.SituationReportWhereInput {
    const scope = authorize(viewer, "situationReport", action);
    if (scope === "all") return {};
    if (scope === "final") return { status: "FINAL" };
    throw new AccessDeniedError("situationReport", action); // reports belong to no division
  },
};
