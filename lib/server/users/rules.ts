import "server-only";
import type { Role } from "@/lib/access/permissions";
import { grantableRoles } from "@/lib/access/user-admin";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { DbTx } from "@/lib/server/db";
import { DomainRuleError } from "@/lib/server/errors";

/** Roles whose work is a division's own: they must belong to at least one. */
const DIVISION_ROLES: readonly Role[] = ["DIVISION_HEAD", "NETWORK_MEMBER"];
/** Roles that must not belong to a division: their access is not the division's. */
const NO_DIVISION_ROLES: readonly Role[] = ["OBSERVER", "ADMIN"];

/**
 * Separation of duties (docs/decisions/006-user-administration.md): only a coordinator may
 * make someone a coordinator or change a coordinator's account, because a coordinator reads
 * all of the situation picture and an administrator must not be able to give that to
 * anyone, themselves included. Nobody changes their own role or deactivates themselves.
 */
export function assertMayGrant(viewer: Viewer, role: Role) {
  if (!grantableRoles(viewer.role).includes(role)) {
    throw new DomainRuleError("users.errors.onlyCoordinatorGrantsCoordinator", "role");
  }
}

export function assertMayManage(viewer: Viewer, target: { id: string; role: Role }) {
  if (target.role === "COORDINATOR" && viewer.role !== "COORDINATOR") {
    throw new DomainRuleError("users.errors.onlyCoordinatorManagesCoordinator");
  }
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
