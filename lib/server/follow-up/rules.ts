import "server-only";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { FollowUpCycleStatus, FollowUpStatus } from "@/lib/server/generated/prisma/enums";

/** A follow-up the division still has to send in: not yet submitted, or returned to it. */
export const OUTSTANDING: FollowUpStatus[] = ["NOT_STARTED", "DRAFT", "RETURNED"];
/** The statuses in which the division may still edit its follow-up. */
export const EDITABLE: FollowUpStatus[] = ["NOT_STARTED", "DRAFT", "RETURNED"];

/**
 * Overdue: past the cycle's due date and not submitted, in a cycle still open (a closed cycle's
 * follow-ups can no longer be sent in: nothing left to chase). `today` is injected, never read here.
 */
export function followUpOverdueWhere(today: Date): Prisma.FollowUpWhereInput {
  return { status: { in: OUTSTANDING }, cycle: { dueDate: { lt: today }, status: { not: "CLOSED" } } };
}

export function isOverdue(status: FollowUpStatus, dueDate: Date, today: Date, cycleStatus: FollowUpCycleStatus): boolean {
  return cycleStatus !== "CLOSED" && OUTSTANDING.includes(status) && dueDate < today;
}

/** The status vocabulary of each kind of follow-up line (the record's own statuses). */
export const LINE_STATUSES = {
  measure: ["PLANNED", "ONGOING", "COMPLETED", "PAUSED", "CANCELLED"],
  trainingNeed: ["REGISTERED", "PLANNED", "MET", "CANCELLED"],
  actionItem: ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"],
} as const;
export type LineKind = keyof typeof LINE_STATUSES;

/** What a new follow-up lists: the division's measures, training needs and action items still under way. */
export const OPEN_MEASURES = ["PLANNED", "ONGOING", "PAUSED"] as const;
export const OPEN_NEEDS = ["REGISTERED", "PLANNED"] as const;
export const OPEN_ACTION_ITEMS = ["OPEN", "IN_PROGRESS"] as const;
