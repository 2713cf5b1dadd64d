import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";

/**
 * Takes a member off the roster. The row stays (inactive): past attendance and the audit
 * trail still name them, and adding them again takes them back in.
 */
export async function removeNetworkMember(viewer: Viewer, input: { id: string; version: number }): Promise<void> {
  authorize(viewer, "networkMeeting", "delete");
  await withViewer(viewer, async (tx) => {
    const found = await tx.networkMembership.findUnique({ where: { id: input.id }, select: { userId: true, divisionId: true, active: true } });
    if (!found || !found.active) throw new NotFoundError("NetworkMembership");
    await updateVersioned(tx, "networkMembership", { id: input.id, expectedVersion: input.version, scope: { active: true }, data: { active: false } });
    await recordAudit(tx, viewer, {
      action: "networkMember.remove",
      entityType: "NetworkMembership",
      entityId: input.id,
      divisionId: found.divisionId,
      details: { userId: found.userId },
    });
  });
}
