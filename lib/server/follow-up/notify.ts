import "server-only";
import type { DbTx } from "@/lib/server/db";
import { notify } from "@/lib/server/notifications/notify";

/**
 * In-app notifications (and e-mail through the outbox) for a follow-up's division heads, made
 * inside the transaction of the change, so a notice exists exactly when the change is saved.
 * Opening a cycle tells every division's heads; returning a follow-up tells that division's.
 */
export type FollowUpNotice =
  | { kind: "followUp.opened"; cycleId: string; cycleTitle: string; dueDate: Date; followUps: { id: string; divisionId: string }[] }
  | { kind: "followUp.returned"; followUpId: string; divisionId: string; cycleTitle: string };

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Each division's name and its active division heads. */
async function headsOf(tx: DbTx, divisionIds: string[]) {
  const divisions = await tx.division.findMany({
    where: { id: { in: divisionIds } },
    select: { id: true, name: true, memberships: { where: { user: { role: "DIVISION_HEAD", active: true } }, select: { userId: true } } },
  });
  return new Map(divisions.map((d) => [d.id, { name: d.name, headIds: d.memberships.map((m) => m.userId) }]));
}

export async function notifyFollowUp(tx: DbTx, notice: FollowUpNotice): Promise<void> {
  if (notice.kind === "followUp.opened") {
    const heads = await headsOf(tx, notice.followUps.map((f) => f.divisionId));
    for (const f of notice.followUps) {
      const division = heads.get(f.divisionId);
      if (!division) continue;
      await notify(tx, {
        userIds: division.headIds,
        kind: "followUpOpened",
        params: { cycle: notice.cycleTitle, division: division.name, dueDate: isoDate(notice.dueDate) },
        link: `/uppfoljning/${f.id}`,
        dedupeKey: `followUp.opened:${f.id}`,
      });
    }
    return;
  }
  const division = (await headsOf(tx, [notice.divisionId])).get(notice.divisionId);
  if (!division) return;
  await notify(tx, {
    userIds: division.headIds,
    kind: "followUpReturned",
    params: { cycle: notice.cycleTitle, division: division.name },
    link: `/uppfoljning/${notice.followUpId}`,
    // A follow-up can be returned more than once: each return is its own notice.
    dedupeKey: `followUp.returned:${notice.followUpId}:${Date.now()}`,
  });
}
