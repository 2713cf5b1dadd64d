import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import { updateVersioned } from "@/lib/server/versioned";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Viewer } from "@/lib/access/viewer";
import { snapshotPlan } from "./snapshot";

/**
 * The coordinator approves the plan as it stands now: its content is frozen into the next
 * numbered version (CompetencePlanVersion, never changed afterwards), and the plan is adopted.
 * Later changes go on in the working plan and are approved as the following version; the
 * approved ones stay readable. Refused when the plan moved on since the page showed it.
 */
export async function approvePlan(viewer: Viewer, input: { planId: string; version: number }): Promise<{ number: number }> {
  authorize(viewer, "competencePlan", "approve");
  return withViewer(viewer, async (tx) => {
    await updateVersioned(tx, "competencePlan", {
      id: input.planId, expectedVersion: input.version, data: { status: "ADOPTED", adoptedAt: new Date() },
    });
    const snapshot = await snapshotPlan(tx, input.planId);
    if (snapshot.events.length === 0) throw new DomainRuleError("training.errors.planEmpty");
    const last = await tx.competencePlanVersion.aggregate({ where: { planId: input.planId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    await tx.competencePlanVersion.create({
      data: { planId: input.planId, number, snapshot: snapshot as unknown as Prisma.InputJsonObject, approvedById: viewer.id },
    });
    await recordAudit(tx, viewer, {
      action: "competencePlan.approve",
      entityType: "CompetencePlan",
      entityId: input.planId,
      details: { year: snapshot.year, versionNumber: number, events: snapshot.events.length },
    });
    return { number };
  });
}
