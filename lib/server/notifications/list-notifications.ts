import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { NotificationListQuery } from "@/lib/schemas/notification";
import { renderNotification } from "./render";

export const NOTIFICATION_PAGE_SIZE = 20;

export type NotificationRow = {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * One page of the viewer's own notifications, newest first, written out in `locale`; with
 * `show=unread` the unread only. Also the unread count, for the page's heading.
 */
export async function listNotifications(
  viewer: Viewer,
  query: NotificationListQuery,
  locale: string,
): Promise<Paged<NotificationRow> & { unread: number }> {
  const mine = scopes.notification(viewer);
  const where = query.show === "unread" ? within(mine, { readAt: null }) : within(mine, {});
  return withViewer(viewer, async (tx) => {
    const found = await loadPage(query.page, NOTIFICATION_PAGE_SIZE, {
      count: () => tx.notification.count({ where }),
      rows: (window) =>
        tx.notification.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...window,
          select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
        }),
    });
    const unread = await tx.notification.count({ where: within(mine, { readAt: null }) });
    return {
      ...found,
      unread,
      rows: found.rows.map((n) => ({
        id: n.id,
        ...renderNotification(locale, n.kind, n.params),
        link: n.link,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
    };
  });
}
