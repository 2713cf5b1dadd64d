// Roles → permissions, as one typed table (PRODUCT.md "Who uses it"). The server's access
// layer and the UI both ask this table, so what a page shows and what the server allows
// cannot drift apart. Shared with client code: no secrets, no database here.

export const ROLES = ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ["list", "read", "create", "update", "delete", "export"] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCES = [
  "situationEntry",
  "situationReport",
  "contactLog",
  "networkMeeting",
  "actionItem",
  "trainingNeed",
  "competencePlan",
  "trainingEvent",
  "measure",
  "partner",
  "recommendation",
  "followUp",
  "aggregates",
  "publicContent",
  "user",
  "organisation",
  "auditEvent",
] as const;
export type Resource = (typeof RESOURCES)[number];

/**
 * `all`: every division's records. `own`: only records of the viewer's own division(s).
 * `final`: only finished (frozen) records, e.g. a FINAL situation report. Missing: denied.
 */
export type Scope = "all" | "own" | "final";
type Grants = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

const everything = (scope: Scope) =>
  Object.fromEntries(ACTIONS.map((a) => [a, scope])) as Record<Action, Scope>;
const readOnly = (scope: Scope) => ({ list: scope, read: scope });
const readExport = (scope: Scope) => ({ list: scope, read: scope, export: scope });
const edit = (scope: Scope) => ({ list: scope, read: scope, create: scope, update: scope });

export const PERMISSIONS: Record<Role, Grants> = {
  COORDINATOR: {
    situationEntry: everything("all"),
    situationReport: everything("all"),
    contactLog: everything("all"),
    networkMeeting: everything("all"),
    actionItem: everything("all"),
    trainingNeed: everything("all"),
    competencePlan: everything("all"),
    trainingEvent: everything("all"),
    measure: everything("all"),
    partner: everything("all"),
    recommendation: everything("all"),
    followUp: everything("all"),
    aggregates: readExport("all"),
    publicContent: everything("all"),
    user: everything("all"),
    organisation: everything("all"),
    auditEvent: readExport("all"),
  },
  DIVISION_HEAD: {
    situationEntry: readOnly("own"),
    contactLog: { ...edit("own"), delete: "own" },
    actionItem: readOnly("own"),
    trainingNeed: { ...edit("own"), delete: "own", export: "own" },
    competencePlan: readOnly("all"),
    trainingEvent: readOnly("all"),
    measure: { ...edit("own"), delete: "own", export: "own" },
    partner: readOnly("all"),
    recommendation: readOnly("all"),
    followUp: { list: "own", read: "own", update: "own", export: "own" },
    aggregates: readOnly("own"),
  },
  NETWORK_MEMBER: {
    situationEntry: { ...edit("own"), delete: "own" },
    contactLog: edit("own"),
    networkMeeting: readOnly("all"),
    actionItem: { list: "own", read: "own", update: "own" },
    trainingNeed: readOnly("own"),
    competencePlan: readOnly("all"),
    trainingEvent: readOnly("all"),
    measure: readOnly("own"),
    partner: readOnly("all"),
    recommendation: readOnly("all"),
    aggregates: readOnly("own"),
  },
  OBSERVER: {
    situationReport: readExport("final"),
    competencePlan: readOnly("final"),
    followUp: readOnly("final"),
    recommendation: readOnly("all"),
    aggregates: readExport("all"),
  },
  ADMIN: {
    user: everything("all"),
    organisation: everything("all"),
  },
};

/** The scope a role has for an action on a resource, or null when it is denied. */
export function scopeFor(role: Role, resource: Resource, action: Action): Scope | null {
  return PERMISSIONS[role][resource]?.[action] ?? null;
}

export function may(role: Role, resource: Resource, action: Action): boolean {
  return scopeFor(role, resource, action) !== null;
}
