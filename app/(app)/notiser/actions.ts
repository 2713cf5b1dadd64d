"use server";

import { serverAction } from "@/lib/server/action";
import { markAllNotificationsReadSchema, markNotificationReadSchema } from "@/lib/schemas/notification";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/server/notifications/mark-read";

// Notifications are personal: every signed-in user may mark their own (the use case's scope
// and row-level security limit it to them), so the permission is "signedIn", not a table row.
// The layout revalidates with the page: the bell's count changes too.

export const markNotificationReadAction = serverAction(
  { schema: markNotificationReadSchema, permission: "signedIn", revalidate: [{ path: "/", type: "layout" }] },
  (viewer, input) => markNotificationRead(viewer, input),
);

export const markAllNotificationsReadAction = serverAction(
  { schema: markAllNotificationsReadSchema, permission: "signedIn", revalidate: [{ path: "/", type: "layout" }] },
  (viewer) => markAllNotificationsRead(viewer),
);
