import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import type { UnitKind } from "@/lib/schemas/organisation";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { NotFoundError } from "@/lib/server/errors";
import { updateVersioned } from "@/lib/server/versioned";
import { unitDelegate, UNIT_MODELS, UNIT_TABLES, TX_OPTIONS } from "./units";

/**
 * Deactivates (or reactivates) a division, district or staff category. A deactivated one keeps
 * every record that points at it and its history; it only disappears from the choices of new
 * records (activeOptions), and a division's members see a warning (inactiveDivisionsOf).
 */
export async function setUnitActive(
  viewer: Viewer,
  input: { kind: UnitKind; id: string; expectedVersion: number; active: boolean },
): Promise<{ version: number }> {
  authorize(viewer, "organisation", "update");
  return withViewer(viewer, async (tx) => {
    const before = await unitDelegate(tx, input.kind).findById(input.id);
    if (!before) throw new NotFoundError(UNIT_TABLES[input.kind]);
    await updateVersioned(tx, UNIT_MODELS[input.kind], { id: input.id, expectedVersion: input.expectedVersion, data: { active: input.active } } as never);
    await recordAudit(tx, viewer, {
      action: input.active ? "organisation.reactivate" : "organisation.deactivate",
      entityType: UNIT_TABLES[input.kind],
      entityId: input.id,
      details: { name: before.name },
    });
    return { version: input.expectedVersion + 1 };
  }, TX_OPTIONS);
}
