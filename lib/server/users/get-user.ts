import "server-only";
import { asViewer } from "./as-viewer";
import { may } from "@/lib/access/permissions";
import { AccessDeniedError } from "@/lib/server/access/scope";
import type { Viewer } from "@/lib/server/auth/viewer";
import { NotFoundError } from "@/lib/server/errors";

/** One user as the edit form needs it. */
export async function getUser(viewer: Viewer, id: string) {
  if (!may(viewer.role, "user", "read")) throw new AccessDeniedError("user", "read");
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
