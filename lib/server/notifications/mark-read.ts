import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { MarkNotificationReadInput } from "@/lib/schemas/notification";

/**
 * Marks one of the viewer's own notifications read. Someone else's id is NotFound, like an
 * id that does not exist; marking a read one again changes nothing (and keeps its first time).
 */
export async function markNotificationRead(viewer: Viewer, input: MarkNotificationReadInput, now = new Date()): Promise<void> {
  await withViewer(viewer, async (tx) => {
    const mine = scopes.notification(viewer);
    const found = await tx.notification.findFirst({ where: within(mine, { id: input.id }), select: { id: true, readAt: true } });
    if (!found) throw new NotFoundError("Notification");
    if (found.readAt) return;
    await tx.notification.updateMany({ where: within(mine, { id: input.id, readAt: null }), data: { readAt: now } });
    await recordAudit(tx, viewer, { action: "notification.read", entityType: "Notification", entityId: input.id });
  });
}

/** Marks all the viewer's unread notifications read; returns how many. */
export async function markAllNotificationsRead(viewer: Viewer, now = new Date()): Promise<number> {
  return withViewer(viewer, async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: within(scopes.notification(viewer), { readAt: null }),
      data: { readAt: now },
    });
    if (count > 0) {
      await recordAudit(tx, viewer, { action: "notification.readAll", entityType: "Notification", details: { count } });
    }
    return count;
  });
}
