import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { updateVersioned } from "@/lib/server/versioned";
import type { Viewer } from "@/lib/access/viewer";
import type { eventSchema } from "@/lib/schemas/training";
import type { z } from "zod";
import { requireCompetenceDeveloper, stockholmInstant, stockholmToday } from "./common";

/**
 * Plans a training event in a year's plan, or changes one (from the version the form showed):
 * title, level, date, provider, place, capacity, material, target staff categories and
 * divisions, and the needs it answers. The coordinator, or a network member carrying the
 * competence-development responsibility; a need can be linked only if the viewer may read it.
 * A change after the plan's approval is part of its next version; the approved one stays.
 * A cancelled event is not changed any more, and a held one is not moved to a later day than today.
 */
export async function saveEvent(viewer: Viewer, input: z.output<typeof eventSchema>, now = new Date()): Promise<{ id: string }> {
  const action = input.id ? "update" : "create";
  authorize(viewer, "trainingEvent", action);
  const needScope = scopes.trainingNeed(viewer, "read");
  return withViewer(viewer, async (tx) => {
    await requireCompetenceDeveloper(tx, viewer, "trainingEvent", action);
    const plan = await tx.competencePlan.findUnique({ where: { id: input.planId }, select: { id: true, year: true } });
    if (!plan) throw new NotFoundError("competencePlan");

    const categories = await tx.staffCategory.findMany({ where: { id: { in: input.targetStaffCategoryIds } }, select: { id: true, active: true } });
    if (categories.length !== new Set(input.targetStaffCategoryIds).size) throw new DomainRuleError("training.errors.unknownCategory", "targetStaffCategoryIds");
    const divisions = await tx.division.count({ where: { id: { in: input.targetDivisionIds } } });
    if (divisions !== new Set(input.targetDivisionIds).size) throw new DomainRuleError("training.errors.foreignDivision", "targetDivisionIds");
    const needs = await tx.trainingNeed.count({ where: within(needScope, { id: { in: input.needIds }, status: { not: "CANCELLED" } }) });
    if (needs !== new Set(input.needIds).size) throw new DomainRuleError("training.errors.unknownNeed", "needIds");

    const data = {
      title: input.title,
      level: input.level,
      startsAt: stockholmInstant(input.startsAt),
      provider: input.provider,
      location: input.location || null,
      capacity: input.capacity,
      material: input.material || null,
      description: input.description,
    };
    const links = {
      targetGroups: { set: input.targetStaffCategoryIds.map((id) => ({ id })) },
      targetDivisions: { set: input.targetDivisionIds.map((id) => ({ id })) },
    };
    let id: string;
    if (input.id) {
      id = input.id;
      // A cancelled event stays as it was cancelled; a held one (its attendance recorded) keeps
      // a date that has come, so attendance is never counted for an event still to come.
      const current = await tx.trainingEvent.findFirst({ where: { id, competencePlanId: plan.id }, select: { status: true } });
      if (current?.status === "CANCELLED") throw new DomainRuleError("training.errors.eventCancelledEdit");
      if (current?.status === "HELD" && input.startsAt.slice(0, 10) > stockholmToday(now)) throw new DomainRuleError("training.errors.heldEventInFuture", "startsAt");
      await updateVersioned(tx, "trainingEvent", { id, expectedVersion: input.version!, scope: { competencePlanId: plan.id }, data });
      // Only the links the viewer can see are replaced: another division's links stay.
      const visible = await tx.trainingNeed.findMany({ where: within(needScope, { events: { some: { id } } }), select: { id: true } });
      await tx.trainingEvent.update({
        where: { id },
        data: { ...links, needs: { disconnect: visible.map((n) => ({ id: n.id })), connect: input.needIds.map((n) => ({ id: n })) } },
      });
    } else {
      const created = await tx.trainingEvent.create({
        data: {
          ...data, competencePlanId: plan.id,
          targetGroups: { connect: input.targetStaffCategoryIds.map((c) => ({ id: c })) },
          targetDivisions: { connect: input.targetDivisionIds.map((d) => ({ id: d })) },
          needs: { connect: input.needIds.map((n) => ({ id: n })) },
        },
        select: { id: true },
      });
      id = created.id;
    }
    await recordAudit(tx, viewer, {
      action: `trainingEvent.${action}`,
      entityType: "TrainingEvent",
      entityId: id,
      details: { planYear: plan.year, level: input.level, capacity: input.capacity, needIds: input.needIds, targetDivisionIds: input.targetDivisionIds },
    });
    return { id };
  });
}
