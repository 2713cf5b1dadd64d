// Who may grant what on user accounts (the server enforces the same rule in
// lib/server/users/rules.ts, and the database again: docs/decisions/010-grants-passwords-and-sso.md).
import { ROLES, type Role } from "./permissions";

/**
 * Roles that read situation-picture content — observers too: they read the finished situation
 * reports. Only a coordinator grants, changes or revives them; an IT administrator who could
 * make an observer account for themself would reach the reports (separation of duties).
 */
export const CONTENT_ROLES: readonly Role[] = ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"];

export function isContentRole(role: Role): boolean {
  return CONTENT_ROLES.includes(role);
}

/** Roles a role grants directly. An administrator grants only ADMIN. */
export function grantableRoles(granter: Role): Role[] {
  if (granter === "COORDINATOR") return [...ROLES];
  if (granter === "ADMIN") return ROLES.filter((role) => !isContentRole(role));
  return [];
}

/** Roles a role may put on a new account: directly, or (for an administrator) as a request a coordinator decides. */
export function requestableRoles(granter: Role): Role[] {
  return granter === "COORDINATOR" || granter === "ADMIN" ? [...ROLES] : [];
}

/** Whether `viewer` may change the account `target` (name, role, divisions, reactivation, set-password links). */
export function mayManageAccount(viewer: Role, target: Role): boolean {
  if (viewer === "COORDINATOR") return true;
  return viewer === "ADMIN" && !isContentRole(target);
}

/** Whether `viewer` may deactivate `target`: taking access away is always safe, except a coordinator's. */
export function mayDeactivateAccount(viewer: Role, target: Role): boolean {
  if (viewer === "COORDINATOR") return true;
  return viewer === "ADMIN" && target !== "COORDINATOR";
}
