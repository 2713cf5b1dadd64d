import "server-only";
import { scopeFor, type Action, type Resource } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";

export class AccessDeniedError extends Error {
  constructor(resource: Resource, action: Action) {
    super(`Åtkomst nekad: ${action} på ${resource}`);
    this.name = "AccessDeniedError";
  }
}

/**
 * The division filter for a viewer's action on a division-scoped resource. Never returns
 * `undefined` (which Prisma reads as "no filter"): `all` is an explicit empty filter, `own`
 * an `in` list that is empty — matching nothing — for a viewer without divisions.
 */
export function divisionFilter(viewer: Viewer, resource: Resource, action: Action): { in: string[] } | "all" {
  const scope = scopeFor(viewer.role, resource, action);
  if (scope === null) throw new AccessDeniedError(resource, action);
  if (scope === "all") return "all";
  return { in: [...viewer.divisionIds] };
}

/** `where` for a model whose division column is `field`. */
export function divisionWhere<F extends string>(
  viewer: Viewer,
  resource: Resource,
  action: Action,
  field: F,
): Record<F, { in: string[] }> | Record<string, never> {
  const filter = divisionFilter(viewer, resource, action);
  return filter === "all" ? {} : ({ [field]: filter } as Record<F, { in: string[] }>);
}
