// The overdue rule of network action items (PRODUCT.md: "the overdue ones are visible to the
// coordinator at a glance"). `today` is always passed in — a date-only value (UTC midnight of
// the Stockholm calendar day) — never read from the clock here, so the rule can be tested.

export const OPEN_ACTION_STATUSES = ["OPEN", "IN_PROGRESS"] as const;
export const ACTION_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Past its due date and neither done nor cancelled. Due today is not overdue yet. */
export function isOverdue(item: { dueDate: Date; status: ActionStatus }, today: Date): boolean {
  return (OPEN_ACTION_STATUSES as readonly string[]).includes(item.status) && item.dueDate.getTime() < today.getTime();
}

/** The same rule as a query filter (for counts and lists in the database). */
export function overdueFilter(today: Date) {
  return { status: { in: [...OPEN_ACTION_STATUSES] }, dueDate: { lt: today } };
}
