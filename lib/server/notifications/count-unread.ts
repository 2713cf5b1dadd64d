import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";

/** The bell's figure inside a transaction of the viewer's: their own unread notifications. */
export function countUnread(tx: DbTx, viewer: Viewer): Promise<number> {
  return tx.notification.count({ where: within(scopes.notification(viewer), { readAt: null }) });
}

/** The bell's figure: how many of the viewer's own notifications are unread. */
export async function countUnreadNotifications(viewer: Viewer): Promise<number> {
  return withViewer(viewer, (tx) => countUnread(tx, viewer));
}
