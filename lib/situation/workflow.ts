// The situation entry's workflow: draft → submitted → reviewed → archived, and back from
// submitted to draft when the coordinator returns it to its author. Which step a role may take
// at which status, asked by the use cases (which refuse anything else) and by the pages (which
// show only the buttons that would work). Shared with client code: no database here.
import { may, type Role } from "@/lib/access/permissions";

export type EntryStatus = "DRAFT" | "SUBMITTED" | "REVIEWED" | "ARCHIVED";
export type EntryStep = "edit" | "submit" | "review" | "archive" | "delete";

/**
 * Whether `role` may take `step` on an entry in `status` (its division already in scope).
 * A network member works on drafts only; the coordinator also corrects a submitted or
 * reviewed entry (e.g. during the review with the police), never an archived one.
 */
export function canTakeStep(role: Role, step: EntryStep, status: EntryStatus): boolean {
  switch (step) {
    case "edit":
      return may(role, "situationEntry", "update") && (status === "DRAFT" || (role === "COORDINATOR" && status !== "ARCHIVED"));
    case "submit":
      return may(role, "situationEntry", "submit") && status === "DRAFT";
    case "review":
      return may(role, "situationEntry", "review") && status === "SUBMITTED";
    case "archive":
      // Archiving closes a reviewed entry: the coordinator's, as part of the review step.
      return may(role, "situationEntry", "review") && status === "REVIEWED";
    case "delete":
      return may(role, "situationEntry", "delete") && status === "DRAFT";
  }
}

export function stepsFor(role: Role, status: EntryStatus): Record<EntryStep, boolean> {
  const steps: EntryStep[] = ["edit", "submit", "review", "archive", "delete"];
  return Object.fromEntries(steps.map((s) => [s, canTakeStep(role, s, status)])) as Record<EntryStep, boolean>;
}
