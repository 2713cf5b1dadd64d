import "server-only";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { logNeedSchema } from "@/lib/schemas/training";
import type { z } from "zod";
import { stockholmToday } from "./common";

/**
 * A division logs a training need (issue 10 point 1). A division head only for their own
 * division (a foreign division id is refused with a field error, not saved); the staff
 * category must be an active one of the municipality's list; the wanted-by date may not lie
 * before `today` (injected, Stockholm's date by default). One transaction with its audit event.
 */
export async function logNeed(viewer: Viewer, input: z.output<typeof logNeedSchema>, today = stockholmToday()): Promise<{ id: string }> {
  const scope = scopes.trainingNeed(viewer, "create");
  if (input.wantedBy < today) throw new DomainRuleError("training.errors.wantedByPast", "wantedBy");
  return withViewer(viewer, async (tx) => {
    const ownScope = "divisionId" in scope;
    const division = await tx.division.findFirst({ where: { id: input.divisionId, active: true }, select: { id: true } });
    if (!division || (ownScope && !viewer.divisionIds.includes(input.divisionId))) {
      throw new DomainRuleError("training.errors.foreignDivision", "divisionId");
    }
    const category = await tx.staffCategory.findFirst({ where: { id: input.staffCategoryId, active: true }, select: { id: true } });
    if (!category) throw new DomainRuleError("training.errors.unknownCategory", "staffCategoryId");
    const need = await tx.trainingNeed.create({
      data: {
        divisionId: input.divisionId,
        staffCategoryId: input.staffCategoryId,
        level: input.level,
        headcount: input.headcount,
        material: input.material || null,
        priority: input.priority,
        wantedBy: new Date(`${input.wantedBy}T00:00:00Z`),
        comment: input.comment,
        createdById: viewer.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: "trainingNeed.create",
      entityType: "TrainingNeed",
      entityId: need.id,
      divisionId: input.divisionId,
      details: { level: input.level, headcount: input.headcount, staffCategoryId: input.staffCategoryId, wantedBy: input.wantedBy },
    });
    return need;
  });
}
