import type { RosterMember } from "@/lib/server/network/roster";
import type { OwnerOption } from "./action-item-form";

/** The roster as owner choices: one per person, with the divisions they represent. */
export function ownerOptions(members: RosterMember[]): OwnerOption[] {
  const byUser = new Map<string, OwnerOption>();
  for (const m of members) {
    const option = byUser.get(m.userId) ?? { userId: m.userId, name: m.name, divisions: [] };
    option.divisions.push({ id: m.divisionId, name: m.division });
    byUser.set(m.userId, option);
  }
  return [...byUser.values()];
}
