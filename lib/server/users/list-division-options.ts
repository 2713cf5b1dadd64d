import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import { authorize } from "@/lib/server/access/authorize";
import type { Viewer } from "@/lib/access/viewer";

/** The divisions a user can be made a member of, for the user forms. */
export async function listDivisionOptions(viewer: Viewer) {
  authorize(viewer, "user", "create");
  const divisions = await asSystem((tx) => tx.division.findMany({
    where: { active: true },
    select: { id: true, name: true, code: true },
    orderBy: [{ sortOrder: "asc" }],
  }));
  return divisions.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
