import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { asViewer } from "./as-viewer";
import type { Viewer } from "@/lib/access/viewer";
import { NotFoundError } from "@/lib/server/errors";

/** One user as the edit form needs it. */
export async function getUser(viewer: Viewer, id: string) {
  authorize(viewer, "user", "read");
  const user = await asViewer(viewer, (tx) => tx.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      version: true,
      lastLoginAt: true,
      passwordHash: true,
      divisions: { select: { divisionId: true } },
    },
  }));
  if (!user) throw new NotFoundError("User");
  const { passwordHash, divisions, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null, divisionIds: divisions.map((d) => d.divisionId) };
}
