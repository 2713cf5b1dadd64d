import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";

/** The coordinator starts a year's competence plan (one per year), as a draft. */
export async function createPlan(viewer: Viewer, input: { year: number; title: string; goals: string }): Promise<{ id: string }> {
  authorize(viewer, "competencePlan", "create");
  return withViewer(viewer, async (tx) => {
    if (await tx.competencePlan.count({ where: { year: input.year } })) throw new DomainRuleError("training.errors.planExists", "year");
    const plan = await tx.competencePlan.create({ data: { year: input.year, title: input.title, goals: input.goals }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "competencePlan.create", entityType: "CompetencePlan", entityId: plan.id, details: { year: input.year } });
    return plan;
  });
}
