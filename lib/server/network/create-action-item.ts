import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { parseDateOnly } from "@/lib/network/stockholm-time";
import type { createActionItemSchema } from "@/lib/schemas/network";
import { checkOwnerAndDivision } from "./action-item-rules";

/** A new action item, on its own or from a meeting's decision (which names its meeting). */
export async function createActionItem(viewer: Viewer, input: z.output<typeof createActionItemSchema>): Promise<{ id: string }> {
  authorize(viewer, "actionItem", "create");
  return withViewer(viewer, async (tx) => {
    let meetingId = input.meetingId;
    if (input.decisionId) {
      const decision = await tx.meetingDecision.findUnique({ where: { id: input.decisionId }, select: { meetingId: true } });
      if (!decision || (meetingId && decision.meetingId !== meetingId)) throw new DomainRuleError("network.errors.decisionUnknown");
      meetingId = decision.meetingId;
    } else if (meetingId) {
      if (!(await tx.networkMeeting.findUnique({ where: { id: meetingId }, select: { id: true } }))) {
        throw new DomainRuleError("network.errors.meetingUnknown");
      }
    }
    await checkOwnerAndDivision(tx, input.ownerId, input.divisionId);
    const item = await tx.actionItem.create({
      data: {
        title: input.title,
        description: input.description,
        comment: input.comment,
        ownerId: input.ownerId,
        divisionId: input.divisionId,
        dueDate: parseDateOnly(input.dueDate)!,
        meetingId,
        decisionId: input.decisionId,
      },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: "actionItem.create",
      entityType: "ActionItem",
      entityId: item.id,
      divisionId: input.divisionId,
      details: { title: input.title, ownerId: input.ownerId, dueDate: input.dueDate, meetingId, decisionId: input.decisionId },
    });
    return item;
  });
}
