import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";

/** Cancels a planned meeting; it stays in the list, marked cancelled, with the reason. */
export async function cancelMeeting(viewer: Viewer, input: { id: string; version: number; reason: string }): Promise<void> {
  authorize(viewer, "networkMeeting", "update");
  await withViewer(viewer, async (tx) => {
    const found = await tx.networkMeeting.findUnique({ where: { id: input.id }, select: { status: true, title: true } });
    if (!found) throw new NotFoundError("NetworkMeeting");
    if (found.status !== "PLANNED") throw new DomainRuleError("network.errors.meetingNotPlanned");
    await updateVersioned(tx, "networkMeeting", {
      id: input.id, expectedVersion: input.version, data: { status: "CANCELLED", cancelReason: input.reason },
    });
    await recordAudit(tx, viewer, {
      action: "networkMeeting.cancel",
      entityType: "NetworkMeeting",
      entityId: input.id,
      details: { title: found.title, reason: input.reason },
    });
  });
}
