import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import type { UpdateUnitInput } from "@/lib/schemas/organisation";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { updateVersioned } from "@/lib/server/versioned";
import { isUniqueViolation, unitDelegate, UNIT_MODELS, UNIT_TABLES, TX_OPTIONS } from "./units";

/**
 * Renames a division, district or staff category, or changes its code, order, description or
 * whether it hosts the coordinator. Only the version the form was based on is changed: of two
 * people renaming at once, the second gets a conflict (StaleEditError) and sees the new name.
 */
export async function updateUnit(viewer: Viewer, input: UpdateUnitInput): Promise<{ version: number }> {
  authorize(viewer, "organisation", "update");
  try {
    return await withViewer(viewer, async (tx) => {
      const units = unitDelegate(tx, input.kind);
      const before = await units.findById(input.id);
      if (!before) throw new NotFoundError(UNIT_TABLES[input.kind]);
      if (await units.nameTaken(input.name, input.id)) throw new DomainRuleError("organisation.errors.nameTaken", "name");
      if (await units.codeTaken(input.code, input.id)) throw new DomainRuleError("organisation.errors.codeTaken", "code");
      const data = units.data({
        name: input.name,
        code: input.code,
        description: input.description || null,
        isCoordinating: input.isCoordinating,
        sortOrder: input.sortOrder,
      });
      await updateVersioned(tx, UNIT_MODELS[input.kind], { id: input.id, expectedVersion: input.expectedVersion, data } as never);
      // One division hosts the strategic coordinator.
      if (input.kind === "division" && input.isCoordinating && !before.isCoordinating) {
        await tx.division.updateMany({ where: { id: { not: input.id }, isCoordinating: true }, data: { isCoordinating: false, version: { increment: 1 } } });
      }
      const changed = Object.fromEntries(
        (Object.entries(data) as [keyof typeof before, unknown][])
          .filter(([key, value]) => value !== undefined && (before[key] ?? null) !== (value ?? null))
          .map(([key, value]) => [key, { from: before[key] ?? null, to: (value ?? null) as string | number | boolean | null }]),
      );
      await recordAudit(tx, viewer, {
        action: "organisation.update",
        entityType: UNIT_TABLES[input.kind],
        entityId: input.id,
        details: { changed },
      });
      return { version: input.expectedVersion + 1 };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainRuleError("organisation.errors.nameTaken", "name");
    throw error;
  }
}
