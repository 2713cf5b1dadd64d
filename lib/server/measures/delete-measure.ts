import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";

/** Deletes a measure the viewer may delete, if it is still the version they confirmed. */
export async function deleteMeasure(viewer: Viewer, input: { id: string; version: number }): Promise<void> {
  const scope = scopes.measure(viewer, "delete");
  await withViewer(viewer, async (tx) => {
    const found = await tx.measure.findFirst({ where: within(scope, { id: input.id }), select: { title: true, version: true, ownerDivisionId: true } });
    if (!found) throw new NotFoundError("measure");
    if (found.version !== input.version) throw new StaleEditError("measure");
    await tx.measure.deleteMany({ where: within(scope, { id: input.id, version: input.version }) });
    await recordAudit(tx, viewer, {
      action: "measure.delete",
      entityType: "Measure",
      entityId: input.id,
      divisionId: found.ownerDivisionId,
      details: { title: found.title },
    });
  });
}
