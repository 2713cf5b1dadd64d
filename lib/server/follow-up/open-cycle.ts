import "server-only";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import { dateOnly } from "@/lib/dates";
import type { Viewer } from "@/lib/access/viewer";
import type { z } from "zod";
import type { openCycleSchema } from "@/lib/schemas/follow-up";
import { notifyFollowUp } from "./notify";
import { OPEN_ACTION_ITEMS, OPEN_MEASURES, OPEN_NEEDS } from "./rules";

type Input = z.output<typeof openCycleSchema>;

/**
 * The coordinator opens a follow-up cycle (e.g. "VT 2027"): every active division gets one
 * follow-up listing its measures, training needs and action items still under way, all in one
 * transaction — a cycle is opened whole or not at all.
 */
export async function openCycle(viewer: Viewer, input: Input): Promise<{ id: string; followUps: number }> {
  scopes.followUp(viewer, "create");
  const periodStart = dateOnly(input.periodStart);
  const periodEnd = dateOnly(input.periodEnd);
  const dueDate = dateOnly(input.dueDate);
  if (dueDate < periodStart) throw new DomainRuleError("followUp.errors.dueBeforeStart", "dueDate");
  const year = periodEnd.getUTCFullYear();
  return withViewer(viewer, async (tx) => {
    if (await tx.followUpCycle.findFirst({ where: { year, title: input.title }, select: { id: true } })) {
      throw new DomainRuleError("followUp.errors.cycleExists", "title");
    }
    const cycle = await tx.followUpCycle.create({
      data: { title: input.title, year, periodStart, periodEnd, dueDate, status: "OPEN" },
      select: { id: true },
    });
    const divisions = await tx.division.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true } });
    // Every division's open records in three queries, not three per division: the cycle is
    // one transaction, and it must stay short with many divisions on a busy server.
    const divisionIds = divisions.map((d) => d.id);
    const [measures, needs, items] = await Promise.all([
      tx.measure.findMany({ where: { ownerDivisionId: { in: divisionIds }, status: { in: [...OPEN_MEASURES] } }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, ownerDivisionId: true } }),
      tx.trainingNeed.findMany({ where: { divisionId: { in: divisionIds }, status: { in: [...OPEN_NEEDS] } }, orderBy: [{ wantedBy: "asc" }, { id: "asc" }], select: { id: true, divisionId: true } }),
      tx.actionItem.findMany({ where: { divisionId: { in: divisionIds }, status: { in: [...OPEN_ACTION_ITEMS] } }, orderBy: [{ dueDate: "asc" }, { id: "asc" }], select: { id: true, divisionId: true } }),
    ]);
    const followUps: { id: string; divisionId: string }[] = [];
    for (const division of divisions) {
      const followUp = await tx.followUp.create({
        data: {
          cycleId: cycle.id,
          divisionId: division.id,
          items: {
            create: [
              ...measures.filter((m) => m.ownerDivisionId === division.id).map((m) => ({ measureId: m.id })),
              ...needs.filter((n) => n.divisionId === division.id).map((n) => ({ trainingNeedId: n.id })),
              ...items.filter((a) => a.divisionId === division.id).map((a) => ({ actionItemId: a.id })),
            ],
          },
        },
        select: { id: true },
      });
      followUps.push({ id: followUp.id, divisionId: division.id });
    }
    await recordAudit(tx, viewer, {
      action: "followUpCycle.open",
      entityType: "FollowUpCycle",
      entityId: cycle.id,
      details: { title: input.title, year, dueDate: input.dueDate, followUps: followUps.length },
    });
    await notifyFollowUp(tx, { kind: "followUp.opened", cycleId: cycle.id, cycleTitle: input.title, dueDate, followUps });
    return { id: cycle.id, followUps: followUps.length };
  }, { timeout: 30_000, maxWait: 10_000 });
}
