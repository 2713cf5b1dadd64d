import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { dateOnly } from "@/lib/dates";
import type { Viewer } from "@/lib/access/viewer";
import type { UpdateRecommendationInput } from "@/lib/schemas/recommendations";
import type { z } from "zod";
import type { updateRecommendationSchema } from "@/lib/schemas/recommendations";

type Input = z.output<typeof updateRecommendationSchema>;
export type { UpdateRecommendationInput };

/**
 * The coordinator keeps the checklist: wording (the seeded paraphrase replaced by the official
 * text, which clears the paraphrase label), status and evidence. Stale saves are refused.
 */
export async function updateRecommendation(viewer: Viewer, input: Input): Promise<{ version: number }> {
  authorize(viewer, "recommendation", "update");
  return withViewer(viewer, async (tx) => {
    const before = await tx.recommendation.findUnique({ where: { id: input.id }, select: { status: true, isParaphrase: true, title: true } });
    if (!before) throw new NotFoundError("recommendation");
    if (input.planSectionId && !(await tx.planSection.findUnique({ where: { id: input.planSectionId }, select: { id: true } }))) {
      throw new DomainRuleError("invalidChoice", "planSectionId");
    }
    if (input.responsibleUserId && !(await tx.user.findFirst({ where: { id: input.responsibleUserId, active: true, role: { in: ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER"] } }, select: { id: true } }))) {
      throw new DomainRuleError("invalidChoice", "responsibleUserId");
    }
    await updateVersioned(tx, "recommendation", {
      id: input.id,
      expectedVersion: input.version,
      data: {
        title: input.title, description: input.description, isParaphrase: input.isParaphrase, status: input.status, evidence: input.evidence,
        planSectionId: input.planSectionId || null, responsibleUserId: input.responsibleUserId || null, dueDate: dateOnly(input.dueDate),
      },
    });
    await recordAudit(tx, viewer, {
      action: "recommendation.update",
      entityType: "Recommendation",
      entityId: input.id,
      details: {
        ...(before.status !== input.status ? { status: { from: before.status, to: input.status } } : {}),
        ...(before.isParaphrase !== input.isParaphrase ? { isParaphrase: input.isParaphrase } : {}),
        ...(before.title !== input.title ? { titleChanged: true } : {}),
      },
    });
    return { version: input.version + 1 };
  });
}
