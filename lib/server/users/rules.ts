import "server-only";
import type { Role } from "@/lib/access/permissions";
import { grantableRoles, mayDeactivateAccount, mayManageAccount } from "@/lib/access/user-admin";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import { DomainRuleError } from "@/lib/server/errors";

/** Roles whose work is a division's own: they must belong to at least one. */
const DIVISION_ROLES: readonly Role[] = ["DIVISION_HEAD", "NETWORK_MEMBER"];
/** Roles that must not belong to a division: their access is not the division's. */
const NO_DIVISION_ROLES: readonly Role[] = ["OBSERVER", "ADMIN"];

/**
 * Separation of duties (docs/decisions/010-grants-passwords-and-sso.md): a role that reads
 * situation-picture content (coordinator, division head, network member, observer) is granted,
 * changed and revived by a coordinator only. An administrator grants ADMIN; asking for a
 * content role makes a grant request instead (see createUser).
 */
export function assertMayGrant(viewer: Viewer, role: Role) {
  if (!grantableRoles(viewer.role).includes(role)) {
    throw new DomainRuleError(role === "COORDINATOR" ? "users.errors.onlyCoordinatorGrantsCoordinator" : "users.errors.onlyCoordinatorGrantsContentRole", "role");
  }
}

/** Changing an account (name, role, divisions, reactivation, set-password links). */
export function assertMayManage(viewer: Viewer, target: { id: string; role: Role }) {
  if (mayManageAccount(viewer.role, target.role)) return;
  throw new DomainRuleError(target.role === "COORDINATOR" ? "users.errors.onlyCoordinatorManagesCoordinator" : "users.errors.onlyCoordinatorManagesContentRole");
}

export function assertMayDeactivate(viewer: Viewer, target: { id: string; role: Role }) {
  if (!mayDeactivateAccount(viewer.role, target.role)) throw new DomainRuleError("users.errors.onlyCoordinatorManagesCoordinator");
}

export function assertDivisionsFitRole(role: Role, divisionIds: string[]) {
  if (DIVISION_ROLES.includes(role) && divisionIds.length === 0) {
    throw new DomainRuleError("users.errors.divisionRequired", "divisionIds");
  }
  if (NO_DIVISION_ROLES.includes(role) && divisionIds.length > 0) {
    throw new DomainRuleError("users.errors.noDivisionsForRole", "divisionIds");
  }
}

export async function assertDivisionsExist(tx: DbTx, divisionIds: string[]) {
  const unique = [...new Set(divisionIds)];
  const found = await tx.division.count({ where: { id: { in: unique }, active: true } });
  if (found !== unique.length) throw new DomainRuleError("users.errors.divisionUnknown", "divisionIds");
}
