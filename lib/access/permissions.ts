// Roles → permissions, as one typed table (PRODUCT.md "Who uses it"). The server's access
// layer and the UI both ask this table, so what a page shows and what the server allows
// cannot drift apart. Shared with client code: no secrets, no database here.

export const ROLES = ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** Record management, then the workflow verbs: `submit` a draft for review, `review` it
 * (accept or return it), `approve` a plan or a request, `finalize` (freeze) a report,
 * `publish` to the public page, `share` a finished report outside the app, `merge` two
 * divisions (every record of one moves to the other). */
export const ACTIONS = [
  "list", "read", "create", "update", "delete", "export",
  "submit", "review", "approve", "finalize", "publish", "share", "merge",
] as const;
export type Action = (typeof ACTIONS)[number];
const MANAGE = ["list", "read", "create", "update", "delete", "export"] as const satisfies readonly Action[];

export const RESOURCES = [
  "situationEntry",
  "situationReport",
  "contactLog",
  /** The list of legal grounds a final report may be shared on (the coordinator keeps it). */
  "legalBasis",
  "networkMeeting",
  "actionItem",
  "trainingNeed",
  "competencePlan",
  "trainingEvent",
  "trainingAttendance",
  "measure",
  "partner",
  "recommendation",
  "followUp",
  "evaluation",
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

/** Every record-management action; workflow verbs are granted one by one where they apply. */
const manage = (scope: Scope) =>
  Object.fromEntries(MANAGE.map((a) => [a, scope])) as Record<(typeof MANAGE)[number], Scope>;
const readOnly = (scope: Scope) => ({ list: scope, read: scope });
const readExport = (scope: Scope) => ({ list: scope, read: scope, export: scope });
const edit = (scope: Scope) => ({ list: scope, read: scope, create: scope, update: scope });

export const PERMISSIONS: Record<Role, Grants> = {
  COORDINATOR: {
    situationEntry: { ...manage("all"), submit: "all", review: "all" },
    situationReport: { ...manage("all"), finalize: "all", share: "all" },
    contactLog: manage("all"),
    legalBasis: manage("all"),
    networkMeeting: manage("all"),
    actionItem: manage("all"),
    trainingNeed: manage("all"),
    competencePlan: { ...manage("all"), approve: "all" },
    trainingEvent: manage("all"),
    trainingAttendance: manage("all"),
    measure: manage("all"),
    partner: manage("all"),
    recommendation: manage("all"),
    // `finalize`: closing a follow-up cycle, after which its follow-ups are frozen.
    followUp: { ...manage("all"), submit: "all", review: "all", finalize: "all" },
    // The yearly evaluation for the municipal board: drafted, then frozen (`finalize`) when issued.
    evaluation: { ...manage("all"), finalize: "all" },
    aggregates: readExport("all"),
    publicContent: { ...manage("all"), publish: "all" },
    // `approve`: a coordinator decides an administrator's request for a content role.
    user: { ...manage("all"), approve: "all" },
    // `merge`: moving a division's records (and its members) to another changes who sees
    // what — the coordinator's decision, like granting a division membership (decision 010).
    organisation: { ...manage("all"), merge: "all" },
    auditEvent: readExport("all"),
  },
  DIVISION_HEAD: {
    situationEntry: readExport("own"),
    contactLog: { ...edit("own"), delete: "own" },
    actionItem: readOnly("own"),
    trainingNeed: { ...edit("own"), delete: "own", export: "own" },
    competencePlan: readOnly("all"),
    trainingEvent: readOnly("all"),
    trainingAttendance: readOnly("own"),
    measure: { ...edit("own"), delete: "own", export: "own" },
    partner: readOnly("all"),
    recommendation: readOnly("all"),
    followUp: { list: "own", read: "own", update: "own", export: "own", submit: "own" },
    aggregates: readOnly("own"),
  },
  NETWORK_MEMBER: {
    situationEntry: { ...edit("own"), delete: "own", export: "own", submit: "own" },
    contactLog: edit("own"),
    networkMeeting: readOnly("all"),
    actionItem: { list: "own", read: "own", update: "own" },
    trainingNeed: readOnly("own"),
    competencePlan: readOnly("all"),
    // Planning events and recording attendance need more than the role: the member must carry
    // the network's competence-development responsibility (kompetensutveckling), checked by
    // the use cases and by row-level security (varna_competence_developer). Attendance only
    // for the member's own division: the figures of other divisions are theirs.
    trainingEvent: edit("all"),
    trainingAttendance: { ...edit("own"), delete: "own" },
    measure: readOnly("own"),
    partner: readOnly("all"),
    recommendation: readOnly("all"),
    aggregates: readOnly("own"),
  },
  // Follow-ups are a division's own account of its work: an observer gets them as counts
  // (`aggregates`: /uppfoljning's figures per cycle, the dashboard), never one by one.
  OBSERVER: {
    situationReport: readExport("final"),
    competencePlan: readOnly("final"),
    evaluation: readExport("final"),
    recommendation: readOnly("all"),
    aggregates: readExport("all"),
  },
  ADMIN: {
    user: manage("all"),
    organisation: manage("all"),
  },
};

/** The scope a role has for an action on a resource, or null when it is denied. */
export function scopeFor(role: Role, resource: Resource, action: Action): Scope | null {
  return PERMISSIONS[role][resource]?.[action] ?? null;
}

export function may(role: Role, resource: Resource, action: Action): boolean {
  return scopeFor(role, resource, action) !== null;
}

/**
 * Whether `role` gets `resource` as figures only: it may not list the records but reads every
 * division's aggregated figures (the observer). A page of such records then shows their counts,
 * suppressed, instead of answering 403 (e.g. /uppfoljning).
 */
export function readsFiguresOnly(role: Role, resource: Resource): boolean {
  return !may(role, resource, "list") && scopeFor(role, "aggregates", "read") === "all";
}
