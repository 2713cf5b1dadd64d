import { z } from "zod";
import { pageNumber, uuidParam } from "@/lib/schemas/params";

/** `/notiser?show=unread&page=2`: an impossible value falls back to the default. */
export const notificationListQuerySchema = z.object({
  show: z.enum(["all", "unread"]).catch("all").default("all"),
  page: pageNumber,
});
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

/** Marking one notification read: its id, nothing else. */
export const markNotificationReadSchema = z.object({ id: uuidParam });
export type MarkNotificationReadInput = z.output<typeof markNotificationReadSchema>;

/** Marking all read takes no input. */
export const markAllNotificationsReadSchema = z.object({});
