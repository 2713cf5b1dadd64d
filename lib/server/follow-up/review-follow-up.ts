import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { z } from "zod";
import type { reviewFollowUpSchema } from "@/lib/schemas/follow-up";
import { notifyFollowUp } from "./notify";

type Input = z.output<typeof reviewFollowUpSchema>;

/**
 * The coordinator reviews a submitted follow-up: approves it (it then rolls up into the yearly
 * evaluation and is readable by observers) or returns it to the division with a comment.
 */
export async function reviewFollowUp(viewer: Viewer, input: Input): Promise<{ version: number }> {
  const scope = scopes.followUp(viewer, "review");
  return withViewer(viewer, async (tx) => {
    const current = await tx.followUp.findFirst({
      where: within(scope, { id: input.id }),
      select: { status: true, version: true, divisionId: true, cycle: { select: { title: true, status: true } } },
    });
    if (!current) throw new NotFoundError("followUp");
    if (current.version !== input.version) throw new StaleEditError("followUp");
    if (current.cycle.status === "CLOSED") throw new DomainRuleError("followUp.errors.cycleClosed");
    if (current.status !== "SUBMITTED") throw new DomainRuleError("followUp.errors.notSubmitted");
    const approve = input.decision === "approve";
    await updateVersioned(tx, "followUp", {
      id: input.id,
      expectedVersion: input.version,
      scope,
      data: approve
        ? { status: "REVIEWED", reviewedAt: new Date(), reviewedById: viewer.id, reviewComment: input.reviewComment }
        : { status: "RETURNED", reviewComment: input.reviewComment, reviewedAt: null, reviewedById: null },
    });
    await recordAudit(tx, viewer, {
      action: approve ? "followUp.approve" : "followUp.return",
      entityType: "FollowUp",
      entityId: input.id,
      divisionId: current.divisionId,
      details: { comment: input.reviewComment.length > 0 },
    });
    if (!approve) await notifyFollowUp(tx, { kind: "followUp.returned", followUpId: input.id, divisionId: current.divisionId, cycleTitle: current.cycle.title });
    return { version: input.version + 1 };
  });
}
