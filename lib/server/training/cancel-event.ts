import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { updateVersioned } from "@/lib/server/versioned";
import type { Viewer } from "@/lib/access/viewer";
import { requireCompetenceDeveloper } from "./common";

/**
 * Cancels a planned training event (kept, marked cancelled, so the plan's history still adds
 * up): whoever may change events — the coordinator, or a network member carrying the
 * competence-development responsibility — and only from the version the page showed. Only a
 * planned event: one that was held (its attendance recorded) or is already cancelled stays as
 * it is. A cancelled event takes no attendance and no longer makes its needs "planned"; the
 * coverage counts none of its attendance. Every status change bumps the event's version, so a
 * page that showed it planned before attendance made it held is refused as stale.
 */
export async function cancelEvent(viewer: Viewer, input: { id: string; version: number }): Promise<void> {
  authorize(viewer, "trainingEvent", "update");
  await withViewer(viewer, async (tx) => {
    await requireCompetenceDeveloper(tx, viewer, "trainingEvent", "update");
    const event = await tx.trainingEvent.findUnique({
      where: { id: input.id },
      select: { status: true, startsAt: true, competencePlan: { select: { year: true } } },
    });
    if (!event) throw new NotFoundError("trainingEvent");
    if (event.status !== "PLANNED") throw new DomainRuleError("training.errors.eventNotPlanned");
    await updateVersioned(tx, "trainingEvent", { id: input.id, expectedVersion: input.version, data: { status: "CANCELLED" } });
    await recordAudit(tx, viewer, {
      action: "trainingEvent.cancel",
      entityType: "TrainingEvent",
      entityId: input.id,
      details: { planYear: event.competencePlan?.year ?? null, startsAt: event.startsAt.toISOString(), fromVersion: input.version },
    });
  });
}
