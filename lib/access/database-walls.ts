// Which permission each table's row-level-security policies mirror, per SQL command — for the
// generated docs/permissions.md. The policies themselves are SQL
// (prisma/migrations/*_database_walls_and_audit_chain, *_organisation_walls); tests/integration/row-level-security.test.ts
// runs every role × command × own/other division against the permission table.
import type { Action, Resource } from "./permissions";

export const COMMANDS = ["SELECT", "INSERT", "UPDATE", "DELETE"] as const;
export type Command = (typeof COMMANDS)[number];

export type DatabaseWall = {
  table: string;
  /** The permission each command mirrors. */
  permission: Record<Command, [Resource, Action]>;
  /** What the database adds to the permission table (state rules), or how it reads it. */
  note?: string;
  /** Observers get no rows here even where the permission says `all`: counts only (PRODUCT.md). */
  countsOnlyForObservers?: boolean;
};

const crud = (resource: Resource): Record<Command, [Resource, Action]> => ({
  SELECT: [resource, "read"],
  INSERT: [resource, "create"],
  UPDATE: [resource, "update"],
  DELETE: [resource, "delete"],
});

export const DATABASE_WALLS: DatabaseWall[] = [
  { table: "SituationEntry", permission: crud("situationEntry"), note: "a network member's row stays DRAFT or SUBMITTED (only the coordinator reviews or archives) and is created in its own name" },
  { table: "ContactLogEntry", permission: crud("contactLog"), note: "created in the writer's own name" },
  { table: "SituationReport", permission: crud("situationReport"), note: "a FINAL report is frozen: no UPDATE, not even by the coordinator" },
  { table: "SituationReportSection", permission: { ...crud("situationReport"), INSERT: ["situationReport", "update"], DELETE: ["situationReport", "update"] }, note: "read with its report" },
  { table: "_SituationReportEntries", permission: { SELECT: ["situationReport", "update"], INSERT: ["situationReport", "update"], UPDATE: ["situationReport", "update"], DELETE: ["situationReport", "update"] }, note: "which entries a report is built from: the coordinator's only" },
  { table: "TrainingNeed", permission: crud("trainingNeed"), note: "observers: no rows, figures only (varna_aggregate_figures)" },
  { table: "Measure", permission: crud("measure"), note: "observers: no rows, figures only (varna_aggregate_figures)" },
  { table: "TrainingAttendance", permission: { ...crud("trainingEvent"), SELECT: ["aggregates", "read"] }, countsOnlyForObservers: true, note: "read as a division's figures (aggregates); observers: no rows" },
  { table: "FollowUp", permission: crud("followUp"), note: "a division head never sets RETURNED or REVIEWED; observers: no rows, figures only (varna_follow_up_figures, varna_dashboard_figures)" },
  { table: "FollowUpItem", permission: { SELECT: ["followUp", "read"], INSERT: ["followUp", "update"], UPDATE: ["followUp", "update"], DELETE: ["followUp", "update"] }, note: "read with its follow-up (so never by observers), written by whoever may update it" },
  { table: "ActionItem", permission: crud("actionItem"), note: "network-wide items (no division) count as a network member's own" },
  { table: "NetworkMembership", permission: crud("networkMeeting"), note: "the network's roster" },
  { table: "Division", permission: crud("organisation"), note: "SELECT by every signed-in role (names in lists and forms); counting what points at one and merging run as the owner after authorize (decision 016)" },
  { table: "District", permission: crud("organisation"), note: "SELECT by every signed-in role" },
  { table: "StaffCategory", permission: crud("organisation"), note: "SELECT by every signed-in role" },
  { table: "Setting", permission: { ...crud("organisation"), DELETE: ["auditEvent", "delete"] }, note: "SELECT by every signed-in role; no DELETE for anyone (a setting is changed, never deleted)" },
  { table: "AuditEvent", permission: { SELECT: ["auditEvent", "read"], INSERT: ["auditEvent", "read"], UPDATE: ["auditEvent", "update"], DELETE: ["auditEvent", "delete"] }, note: "INSERT by every role, but only naming the transaction's own user and role; UPDATE, DELETE, TRUNCATE refused to everyone" },
];
