// Renders the permission table as docs/permissions.md (npm run docs:permissions); a unit
// test fails when the committed document no longer matches the code.
import { ACTIONS, PERMISSIONS, RESOURCES, ROLES, scopeFor, type Scope } from "./permissions";
import { COMMANDS, DATABASE_WALLS, type Command } from "./database-walls";
import { grantableRoles, mayDeactivateAccount, mayManageAccount, requestableRoles } from "./user-admin";

const SCOPE_MARK: Record<Scope, string> = { all: "alla", own: "egen", final: "färdiga" };

export function renderPermissionsDoc(): string {
  const lines = [
    "# Behörigheter (permissions)",
    "",
    "Generated from `lib/access/permissions.ts` by `npm run docs:permissions` — do not edit by hand.",
    "",
    "Each cell lists the actions a role may take on a resource, with the scope:",
    "**alla** = every division's records, **egen** = only the viewer's own division(s),",
    "**färdiga** = only finished records (a FINAL report, a REVIEWED follow-up). An empty cell is denied.",
    "Besides managing records (list, read, create, update, delete, export) the workflow verbs:",
    "**submit** a draft for review, **review** it (accept or return), **approve** a plan or a request,",
    "**finalize** (freeze) a report, **publish** to the public page, **share** a finished report, **merge** two divisions.",
    "The same rules are enforced a second time by row-level security in PostgreSQL: see",
    "\"What the database enforces\" below.",
    "",
    `| resource | ${ROLES.join(" | ")} |`,
    `|---|${ROLES.map(() => "---").join("|")}|`,
  ];
  for (const resource of RESOURCES) {
    const cells = ROLES.map((role) => {
      const grants = PERMISSIONS[role][resource] ?? {};
      const byScope = new Map<Scope, string[]>();
      for (const action of ACTIONS) {
        const scope = grants[action];
        if (scope) byScope.set(scope, [...(byScope.get(scope) ?? []), action]);
      }
      return [...byScope].map(([scope, actions]) => `${actions.join(", ")} (${SCOPE_MARK[scope]})`).join("; ");
    });
    lines.push(`| ${resource} | ${cells.join(" | ")} |`);
  }
  lines.push(
    "",
    "## What the database enforces (row-level security)",
    "",
    "Inside `withViewer` every statement runs as `varna_app` with the viewer's role, divisions and id.",
    "Each table has one policy per command that allows exactly what the permission table grants:",
    "**S**ELECT, **I**NSERT, **U**PDATE, **D**ELETE, with the scope. Observers reach division work only",
    "through `varna_aggregate_figures()`: totals, never ids, titles or free text, and a count below the",
    "suppression threshold (Setting `aggregates.suppressionThreshold`, default 5) comes back empty.",
    "Policies: `prisma/migrations/*_database_walls_and_audit_chain`; decision 011.",
    "",
    `| table | ${ROLES.join(" | ")} | also |`,
    `|---|${ROLES.map(() => "---").join("|")}|---|`,
  );
  const letter: Record<Command, string> = { SELECT: "S", INSERT: "I", UPDATE: "U", DELETE: "D" };
  for (const wall of DATABASE_WALLS) {
    const cells = ROLES.map((role) => {
      const byScope = new Map<Scope, string[]>();
      for (const command of COMMANDS) {
        const audit = wall.table === "AuditEvent";
        const scope = audit && command === "INSERT" ? "own" : audit && command !== "SELECT" ? null
          : wall.countsOnlyForObservers && role === "OBSERVER" ? null : scopeFor(role, ...wall.permission[command]);
        if (scope) byScope.set(scope, [...(byScope.get(scope) ?? []), letter[command]]);
      }
      return [...byScope].map(([scope, commands]) => `${commands.join("")} (${SCOPE_MARK[scope]})`).join("; ");
    });
    lines.push(`| ${wall.table} | ${cells.join(" | ")} | ${wall.note ?? ""} |`);
  }
  lines.push("", ...renderUserAdministration(), "");
  return lines.join("\n");
}

/** Who may do what to whose account (lib/access/user-admin.ts; decision 010). */
function renderUserAdministration(): string[] {
  const list = (roles: readonly string[]) => (roles.length ? roles.join(", ") : "—");
  const lines = [
    "## User administration (docs/decisions/010-grants-passwords-and-sso.md)",
    "",
    "Content roles (COORDINATOR, DIVISION_HEAD, NETWORK_MEMBER) read situation-picture content: only a",
    "coordinator grants or removes them, changes division memberships, reactivates such an account or",
    "issues its set-password link. A content role asked for by an ADMIN is a grant request: the account",
    "is created inactive without divisions until a coordinator approves. Enforced by the use cases",
    "(`lib/server/users/*`) and again by PostgreSQL for transactions as `varna_app` (policies on `User`,",
    "`DivisionMembership`, `GrantRequest`, `PasswordToken` and the trigger `user_guard`).",
    "",
    "| role | creates active accounts of | requests (coordinator approves) | changes, reactivates, issues links for | deactivates | changes divisions |",
    "|---|---|---|---|---|---|",
  ];
  for (const role of ROLES) {
    const direct = grantableRoles(role);
    const requested = requestableRoles(role).filter((r) => !direct.includes(r));
    const manages = ROLES.filter((target) => (direct.length > 0 ? mayManageAccount(role, target) : false));
    const deactivates = ROLES.filter((target) => (direct.length > 0 ? mayDeactivateAccount(role, target) : false));
    lines.push(`| ${role} | ${list(direct)} | ${list(requested)} | ${list(manages)} | ${list(deactivates)} | ${role === "COORDINATOR" ? "yes" : "no"} |`);
  }
  return lines;
}
