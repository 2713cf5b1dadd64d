import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { scopeFor, type Action, type Resource, type Scope } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";

export class AccessDeniedError extends Error {
  constructor(readonly resource: Resource, readonly action: Action) {
    super(`Åtkomst nekad: ${action} på ${resource}`);
    this.name = "AccessDeniedError";
  }
}

/** The viewer's scope for an action, or AccessDeniedError: a use case's first question. */
export function requireScope(viewer: Viewer, resource: Resource, action: Action): Scope {
  const scope = scopeFor(viewer.role, resource, action);
  if (scope === null) throw new AccessDeniedError(resource, action);
  return scope;
}

/** The viewer's own divisions as a filter; an empty list matches nothing, never everything. */
function ownDivisions(viewer: Viewer) {
  return { in: [...viewer.divisionIds] };
}

/**
 * One scope builder per model: the `where` that limits a query to what the viewer may do.
 * None ever returns `undefined` for a division filter (Prisma reads that as "no filter"):
 * `all` is an explicit empty object, `own` an `in` list of the viewer's divisions, `final`
 * the model's own condition for a finished record. The database's row-level security
 * enforces the same rules again.
 */
export const scopes = {
  situationEntry(viewer: Viewer, action: Action): Prisma.SituationEntryWhereInput {
    return requireScope(viewer, "situationEntry", action) === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  contactLogEntry(viewer: Viewer, action: Action): Prisma.ContactLogEntryWhereInput {
    return requireScope(viewer, "contactLog", action) === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  trainingNeed(viewer: Viewer, action: Action, resource: "trainingNeed" | "aggregates" = "trainingNeed"): Prisma.TrainingNeedWhereInput {
    return requireScope(viewer, resource, action) === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  measure(viewer: Viewer, action: Action, resource: "measure" | "aggregates" = "measure"): Prisma.MeasureWhereInput {
    return requireScope(viewer, resource, action) === "all" ? {} : { ownerDivisionId: ownDivisions(viewer) };
  },
  followUp(viewer: Viewer, action: Action): Prisma.FollowUpWhereInput {
    const scope = requireScope(viewer, "followUp", action);
    if (scope === "final") return { status: "REVIEWED" };
    return scope === "all" ? {} : { divisionId: ownDivisions(viewer) };
  },
  /** Network-wide items (no division) belong to the whole network: its members see them. */
  actionItem(viewer: Viewer, action: Action): Prisma.ActionItemWhereInput {
    if (requireScope(viewer, "actionItem", action) === "all") return {};
    const own = { divisionId: ownDivisions(viewer) };
    return viewer.role === "NETWORK_MEMBER" ? { OR: [own, { divisionId: null }] } : own;
  },
  situationReport(viewer: Viewer, action: Action): Prisma.SituationReportWhereInput {
    const scope = requireScope(viewer, "situationReport", action);
    if (scope === "all") return {};
    if (scope === "final") return { status: "FINAL" };
    throw new AccessDeniedError("situationReport", action); // reports belong to no division
  },
};
