import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Action } from "@/lib/access/permissions";
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
  /** A division's head-counts at training events: the coordinator every division's, division
   * heads and network members their own (network members write them only with the
   * competence-development responsibility, checked by the use case and the database).
   * Observers get counts only (varna_training_coverage, varna_aggregate_figures), never a row. */
  trainingAttendance(viewer: Viewer, action: Action): Prisma.TrainingAttendanceWhereInput {
    return authorize(viewer, "trainingAttendance", action) === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  measure(viewer: Viewer, action: Action, resource: "measure" | "aggregates" = "measure"): Prisma.MeasureWhereInput {
    return authorize(viewer, resource, action) === "all" ? {} : { ownerDivisionId: ownDivisions(viewer) };
  },
  /** Observers get follow-ups as counts only (varna_follow_up_figures, varna_dashboard_figures),
   * never a row: no role reads follow-ups with a `final` scope. */
  followUp(viewer: Viewer, action: Action): Prisma.FollowUpWhereInput {
    const scope = authorize(viewer, "followUp", action);
    if (scope === "final") throw new AccessDeniedError("followUp", action);
    return scope === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  /** Network-wide items (no division) belong to the whole network: its members see them.
   * A network meeting's items are read by everyone in the network (issue 9: "everyone in the
   * network sees the meeting's items"); changing one stays with its own division. */
  actionItem(viewer: Viewer, action: Action): Prisma.ActionItemWhereInput {
    if (authorize(viewer, "actionItem", action) === "all") return {};
    const own = { divisionId: ownDivisions(viewer) };
    if (viewer.role !== "NETWORK_MEMBER") return own;
    return action === "list" || action === "read"
      ? { OR: [own, { divisionId: null }, { meetingId: { not: null } }] }
      : { OR: [own, { divisionId: null }] };
  },
  /** Personal, not a division's: every signed-in viewer reaches exactly their own, whatever
   * the role (no permission-table row; the notification policies say the same). */
  notification(viewer: Pick<Viewer, "id">): Prisma.NotificationWhereInput {
    return { userId: viewer.id };
  },
  situationReport(viewer: Viewer, action: Action): Prisma.SituationReportWhereInput {
    const scope = authorize(viewer, "situationReport", action);
    if (scope === "all") return {};
    if (scope === "final") return { status: "FINAL" };
    throw new AccessDeniedError("situationReport", action); // reports belong to no division
  },
};
