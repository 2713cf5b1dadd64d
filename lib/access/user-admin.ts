// Which roles a role may hand out (the server enforces the same rule in lib/server/users/rules.ts).
import { ROLES, type Role } from "./permissions";

/** Only a coordinator makes someone a coordinator: separation of duties (docs/decisions/006-user-administration.md). */
export function grantableRoles(granter: Role): Role[] {
  return ROLES.filter((role) => role !== "COORDINATOR" || granter === "COORDINATOR");
}
