import "server-only";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import type { Viewer } from "@/lib/access/viewer";

/**
 * Withdraws a need that no longer holds (kept, marked cancelled, so the plan's history still
 * adds up): only within the viewer's scope and only from the version the page showed.
 */
export async function cancelNeed(viewer: Viewer, input: { id: string; version: number }): Promise<void> {
  const scope = scopes.trainingNeed(viewer, "update");
  await withViewer(viewer, async (tx) => {
    await updateVersioned(tx, "trainingNeed", { id: input.id, expectedVersion: input.version, scope, data: { status: "CANCELLED" } });
    const need = await tx.trainingNeed.findUniqueOrThrow({ where: { id: input.id }, select: { divisionId: true } });
    await recordAudit(tx, viewer, { action: "trainingNeed.cancel", entityType: "TrainingNeed", entityId: input.id, divisionId: need.divisionId });
  });
}
