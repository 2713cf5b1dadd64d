import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { MeasureValues } from "@/lib/schemas/measures";
import { checkMeasureReferences, measureData } from "./rules";

/**
 * Saves a measure's form. The row must be in the viewer's scope before (a division head's own
 * division) and the new owner division too, so a measure cannot be moved to another division
 * by a division head. Refused as stale when someone saved in between.
 */
export async function updateMeasure(viewer: Viewer, input: MeasureValues & { id: string; version: number }): Promise<{ version: number }> {
  const scope = scopes.measure(viewer, "update");
  return withViewer(viewer, async (tx) => {
    const before = await tx.measure.findFirst({ where: within(scope, { id: input.id }), select: { ownerDivisionId: true, status: true } });
    if (!before) throw new NotFoundError("measure");
    await checkMeasureReferences(tx, viewer, "update", input, before.ownerDivisionId);
    await updateVersioned(tx, "measure", { id: input.id, expectedVersion: input.version, scope, data: measureData(input) });
    await recordAudit(tx, viewer, {
      action: "measure.update",
      entityType: "Measure",
      entityId: input.id,
      divisionId: input.ownerDivisionId,
      details: {
        ...(before.status !== input.status ? { status: { from: before.status, to: input.status } } : {}),
        ...(before.ownerDivisionId !== input.ownerDivisionId ? { ownerDivision: { from: before.ownerDivisionId, to: input.ownerDivisionId } } : {}),
      },
    });
    return { version: input.version + 1 };
  });
}
