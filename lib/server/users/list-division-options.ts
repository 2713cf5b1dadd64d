import "server-only";
import { db } from "@/lib/server/db";
import { may } from "@/lib/access/permissions";
import { AccessDeniedError } from "@/lib/server/access/scope";
import type { Viewer } from "@/lib/server/auth/viewer";

/** The divisions a user can be made a member of, for the user forms. */
export async function listDivisionOptions(viewer: Viewer) {
  if (!may(viewer.role, "user", "update") && !may(viewer.role, "user", "create")) {
    throw new AccessDeniedError("user", "update");
  }
  const divisions = await db().division.findMany({
    where: { active: true },
    select: { id: true, name: true, code: true },
    orderBy: [{ sortOrder: "asc" }],
  });
  return divisions.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
