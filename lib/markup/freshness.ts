// When a public contact needs checking again. Shared by the server (the editor's list) and
// unit tests; the interval is the Setting `publicContact.reviewAfterMonths`.

export const REVIEW_SETTING_KEY = "publicContact.reviewAfterMonths";
export const DEFAULT_REVIEW_AFTER_MONTHS = 6;

/** The date after which a contact verified at `verifiedAt` is due for review. */
export function reviewDueAt(verifiedAt: Date, months: number): Date {
  const due = new Date(verifiedAt);
  due.setUTCMonth(due.getUTCMonth() + months);
  return due;
}

/** A contact never verified, or verified longer ago than the interval, needs review. */
export function needsReview(verifiedAt: Date | null, months: number, now = new Date()): boolean {
  if (!verifiedAt) return true;
  return reviewDueAt(verifiedAt, months).getTime() <= now.getTime();
}
