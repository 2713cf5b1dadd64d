import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { z } from "zod";
import type { saveFollowUpSchema } from "@/lib/schemas/follow-up";
import type { FollowUpStatus } from "@/lib/server/generated/prisma/enums";
import { EDITABLE, LINE_STATUSES, type LineKind } from "./rules";

type Input = z.output<typeof saveFollowUpSchema>;

/**
 * The division head fills in the follow-up: per line the reported status, an assessment (on
 * track / at risk / off track) and a comment; for the whole an assessment, a comment and the
 * gender perspective. Saved as a draft, or submitted to the coordinator — which needs every
 * assessment and the gender perspective. One transaction: all lines or none.
 */
export async function saveFollowUp(viewer: Viewer, input: Input): Promise<{ version: number; status: FollowUpStatus }> {
  const scope = scopes.followUp(viewer, input.submit ? "submit" : "update");
  return withViewer(viewer, async (tx) => {
    const current = await tx.followUp.findFirst({
      where: within(scope, { id: input.id }),
      select: {
        status: true, version: true, divisionId: true, cycle: { select: { status: true } },
        items: { select: { id: true, measureId: true, trainingNeedId: true } },
      },
    });
    if (!current) throw new NotFoundError("followUp");
    if (current.version !== input.version) throw new StaleEditError("followUp");
    if (current.cycle.status === "CLOSED") throw new DomainRuleError("followUp.errors.cycleClosed");
    if (!EDITABLE.includes(current.status)) throw new DomainRuleError("followUp.errors.notEditable");
    const kinds = new Map<string, LineKind>(current.items.map((i) => [i.id, i.measureId ? "measure" : i.trainingNeedId ? "trainingNeed" : "actionItem"]));
    input.items.forEach((item, index) => {
      const kind = kinds.get(item.id);
      if (!kind) throw new DomainRuleError("followUp.errors.unknownLine", `items.${index}.reportedStatus`);
      if (item.reportedStatus && !(LINE_STATUSES[kind] as readonly string[]).includes(item.reportedStatus)) {
        throw new DomainRuleError("invalidChoice", `items.${index}.reportedStatus`);
      }
    });
    if (input.submit) {
      if (!input.assessment) throw new DomainRuleError("followUp.errors.assessmentRequired", "assessment");
      if (!input.genderPerspective) throw new DomainRuleError("followUp.errors.genderPerspectiveRequired", "genderPerspective");
      const given = new Map(input.items.map((i) => [i.id, i]));
      const lines = [...kinds.keys()];
      const missing = lines.findIndex((id) => !given.get(id)?.assessment);
      if (missing >= 0) {
        const index = input.items.findIndex((i) => i.id === lines[missing]);
        throw new DomainRuleError("followUp.errors.lineAssessmentRequired", index >= 0 ? `items.${index}.assessment` : undefined);
      }
    }
    const status: FollowUpStatus = input.submit ? "SUBMITTED" : "DRAFT";
    for (const item of input.items) {
      await tx.followUpItem.update({
        where: { id: item.id, followUpId: input.id },
        data: { reportedStatus: item.reportedStatus || null, assessment: item.assessment || null, comment: item.comment, version: { increment: 1 } },
      });
    }
    await updateVersioned(tx, "followUp", {
      id: input.id,
      expectedVersion: input.version,
      scope,
      data: {
        status,
        assessment: input.assessment || null,
        comment: input.comment,
        genderPerspective: input.genderPerspective,
        ...(input.submit ? { submittedAt: new Date(), submittedById: viewer.id } : {}),
      },
    });
    await recordAudit(tx, viewer, {
      action: input.submit ? "followUp.submit" : "followUp.save",
      entityType: "FollowUp",
      entityId: input.id,
      divisionId: current.divisionId,
      details: { from: current.status, to: status, lines: input.items.length },
    });
    return { version: input.version + 1, status };
  });
}
