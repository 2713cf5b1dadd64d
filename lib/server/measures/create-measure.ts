import "server-only";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import type { Viewer } from "@/lib/access/viewer";
import type { MeasureValues } from "@/lib/schemas/measures";
import { checkMeasureReferences, measureData } from "./rules";

/** A new measure in a division the viewer may write (a division head: their own). */
export async function createMeasure(viewer: Viewer, input: MeasureValues): Promise<{ id: string }> {
  scopes.measure(viewer, "create");
  return withViewer(viewer, async (tx) => {
    await checkMeasureReferences(tx, viewer, "create", input);
    const created = await tx.measure.create({ data: measureData(input), select: { id: true } });
    await recordAudit(tx, viewer, {
      action: "measure.create",
      entityType: "Measure",
      entityId: created.id,
      divisionId: input.ownerDivisionId,
      details: { title: input.title, level: input.level, isSpecial: input.isSpecial },
    });
    return created;
  });
}
