import "server-only";
import { scopeFor, type Action, type Resource, type Scope } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError } from "@/lib/server/errors";

/**
 * The one permission check of every use case: the viewer's scope for this action on this
 * resource (`all`, `own`, `final`), or AccessDeniedError. A use case that reads or writes a
 * division's records passes the scope on through its scope builder (which calls this itself).
 */
export function authorize(viewer: Pick<Viewer, "role">, resource: Resource, action: Action): Scope {
  const scope = scopeFor(viewer.role, resource, action);
  if (scope === null) throw new AccessDeniedError(resource, action);
  return scope;
}
