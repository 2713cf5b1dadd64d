// Record-level decisions on top of the role table: may this viewer do this action to this
// record? Used by the access layer before it touches a record, and by the UI to show or hide
// a record's buttons. The database's row-level security enforces the division part again.
import { scopeFor, type Action, type Resource, type Role } from "./permissions";

export type Subject = { role: Role; divisionIds: readonly string[] };

/** What `can` needs to know of a record: its division (null: not a division's record) and
 * whether it is finished (a FINAL report, a REVIEWED follow-up). */
export type RecordFacts = { divisionId: string | null; final?: boolean };

export function can(subject: Subject, action: Action, resource: Resource, record?: RecordFacts): boolean {
  const scope = scopeFor(subject.role, resource, action);
  if (scope === null) return false;
  if (!record) return true; // e.g. "may list at all", "may create at all"
  switch (scope) {
    case "all":
      return true;
    case "own":
      return record.divisionId !== null && subject.divisionIds.includes(record.divisionId);
    case "final":
      return record.final === true;
  }
}
