import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { asViewer } from "./as-viewer";
import type { Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { revokeAllSessions } from "@/lib/server/auth/sessions";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { setUserActiveSchema, type SetUserActiveInput } from "@/lib/schemas/user";
import { assertMayDeactivate, assertMayManage } from "./rules";

/**
 * Deactivates or reactivates an account. Deactivation ends every open session at once
 * (session rows revoked and `sessionVersion` bumped); the account and its history stay. An
 * administrator deactivates any account but a coordinator's, and reactivates only ADMIN and
 * OBSERVER accounts; reviving a content-role account is a coordinator's decision. An account
 * waiting for a grant is activated by approving the grant, not here.
 */
export async function setUserActive(viewer: Viewer, input: SetUserActiveInput) {
  authorize(viewer, "user", "update");
  const data = setUserActiveSchema.parse(input);
  if (data.id === viewer.id) throw new DomainRuleError("users.errors.notSelf");
  return asViewer(viewer, async (tx) => {
    const current = await tx.user.findUnique({ where: { id: data.id }, select: { id: true, role: true, active: true } });
    if (!current) throw new NotFoundError("User");
    if (data.active) {
      assertMayManage(viewer, current);
      const pending = await tx.grantRequest.count({ where: { userId: data.id, status: "PENDING" } });
      if (pending > 0) throw new DomainRuleError("users.errors.pendingGrant");
    } else {
      assertMayDeactivate(viewer, current);
    }
    const updated = await tx.user.updateMany({
      where: { id: data.id, version: data.version },
      data: { active: data.active, version: { increment: 1 }, sessionVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw new StaleEditError("User");
    if (!data.active) await revokeAllSessions(tx, data.id);
    await recordAudit(tx, viewer, {
      action: data.active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: data.id,
      details: { wasActive: current.active },
    });
    return { id: data.id };
  });
}
