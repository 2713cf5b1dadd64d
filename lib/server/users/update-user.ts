import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { asViewer } from "./as-viewer";
import type { Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { updateUserSchema, type UpdateUserInput } from "@/lib/schemas/user";
import { assertDivisionsExist, assertDivisionsFitRole, assertMayGrant, assertMayManage } from "./rules";

/**
 * Changes a user's name, role and divisions. Content-role accounts and any change of
 * divisions are a coordinator's; an administrator edits ADMIN accounts. A change
 * of role or divisions bumps `sessionVersion`, so the user's open sessions end on their next
 * request and the new rights apply from the next sign-in. Runs as the viewer (withViewer):
 * the database's policies on User and DivisionMembership check the same rule again.
 */
export async function updateUser(viewer: Viewer, input: UpdateUserInput) {
  authorize(viewer, "user", "update");
  const data = updateUserSchema.parse(input);
  const divisionIds = [...new Set(data.divisionIds)].sort();
  return asViewer(viewer, async (tx) => {
    const current = await tx.user.findUnique({
      where: { id: data.id },
      select: { id: true, role: true, version: true, divisions: { select: { divisionId: true } } },
    });
    if (!current) throw new NotFoundError("User");
    assertMayManage(viewer, current);
    const roleChanged = current.role !== data.role;
    if (roleChanged) assertMayGrant(viewer, data.role);
    assertDivisionsFitRole(data.role, divisionIds);
    await assertDivisionsExist(tx, divisionIds);
    const before = current.divisions.map((d) => d.divisionId).sort();
    const divisionsChanged = before.join() !== divisionIds.join();
    if (data.id === viewer.id && (roleChanged || divisionsChanged)) {
      throw new DomainRuleError("users.errors.notOwnRights", "role");
    }
    if (divisionsChanged && viewer.role !== "COORDINATOR") {
      throw new DomainRuleError("users.errors.onlyCoordinatorChangesDivisions", "divisionIds");
    }

    const rightsChanged = roleChanged || divisionsChanged;
    const updated = await tx.user.updateMany({
      where: { id: data.id, version: data.version },
      data: {
        name: data.name,
        role: data.role,
        version: { increment: 1 },
        ...(rightsChanged ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (updated.count === 0) throw new StaleEditError("User");
    if (divisionsChanged) {
      await tx.divisionMembership.deleteMany({ where: { userId: data.id, divisionId: { notIn: divisionIds } } });
      await tx.divisionMembership.createMany({
        data: divisionIds.filter((d) => !before.includes(d)).map((divisionId) => ({ userId: data.id, divisionId })),
      });
    }
    await recordAudit(tx, viewer, {
      action: "user.update",
      entityType: "User",
      entityId: data.id,
      details: {
        ...(roleChanged ? { role: { from: current.role, to: data.role } } : {}),
        ...(divisionsChanged ? { divisionIds: { from: before, to: divisionIds } } : {}),
        sessionsEnded: rightsChanged,
      },
    });
    return { id: data.id, version: data.version + 1 };
  });
}
