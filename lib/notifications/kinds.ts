// What a notification can be about, and what each kind needs to be written out. Shared by the
// server (notify, the reminder sweep, e-mail) and the pages: no secrets, no database here.
// Each kind has catalog texts `notifications.kinds.<kind>.title` and `.body`, filled with its
// params in the reader's language; params whose name ends in `Date` are calendar dates
// (`YYYY-MM-DD`) and are formatted as dates.

export const NOTIFICATION_KINDS = [
  "followUpOpened",
  "followUpDueSoon",
  "followUpOverdue",
  "followUpReturned",
  "actionItemDueSoon",
  "actionItemOverdue",
  "entriesAwaitingReview",
  "meetingInvitation",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Plain values only: they are stored as JSON and filled into the catalog's ICU messages. */
export type NotificationParams = Record<string, string | number>;

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** ICU wants a Date for `{x, date, …}`: `…Date` params become dates (noon UTC, so any time zone
 * in Europe shows the same calendar day); anything unexpected stays as it was stored. */
export function messageValues(params: unknown): Record<string, string | number | Date> {
  const out: Record<string, string | number | Date> = {};
  if (!params || typeof params !== "object" || Array.isArray(params)) return out;
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (typeof value === "number") out[key] = value;
    else if (typeof value === "string") {
      out[key] = key.endsWith("Date") && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : value;
    }
  }
  return out;
}
