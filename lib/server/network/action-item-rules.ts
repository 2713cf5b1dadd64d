import "server-only";
import type { DbTx } from "@/lib/server/db";
import { DomainRuleError } from "@/lib/server/errors";

/**
 * An action item's owner is an active network member; its division, when it has one, is a
 * division the owner represents in the network — else the owner could not see their own item
 * (members read their own divisions' items, decision 011).
 */
export async function checkOwnerAndDivision(tx: DbTx, ownerId: string, divisionId: string | null): Promise<void> {
  const memberships = await tx.networkMembership.findMany({
    where: { userId: ownerId, active: true, user: { active: true } },
    select: { divisionId: true },
  });
  if (memberships.length === 0) throw new DomainRuleError("network.errors.ownerNotMember", "ownerId");
  if (divisionId && !memberships.some((m) => m.divisionId === divisionId)) {
    throw new DomainRuleError("network.errors.ownerNotInDivision", "divisionId");
  }
}

/** When an item becomes done it gets its completion time; reopened, it loses it. */
export function completion(before: string | null, after: string): { completedAt?: Date | null } {
  if (after === "DONE" && before !== "DONE") return { completedAt: new Date() };
  if (after !== "DONE" && before === "DONE") return { completedAt: null };
  return {};
}
