import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import type { CreateUnitInput } from "@/lib/schemas/organisation";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import { isUniqueViolation, unitDelegate, UNIT_TABLES, TX_OPTIONS } from "./units";

/** A new division, district or staff category; names (and division codes) stay unique. */
export async function createUnit(viewer: Viewer, input: CreateUnitInput): Promise<{ id: string }> {
  authorize(viewer, "organisation", "create");
  try {
    return await withViewer(viewer, async (tx) => {
      const units = unitDelegate(tx, input.kind);
      if (await units.nameTaken(input.name)) throw new DomainRuleError("organisation.errors.nameTaken", "name");
      if (await units.codeTaken(input.code)) throw new DomainRuleError("organisation.errors.codeTaken", "code");
      const created = await units.create(input);
      if (input.kind === "division" && input.isCoordinating) {
        await tx.division.updateMany({ where: { id: { not: created.id }, isCoordinating: true }, data: { isCoordinating: false, version: { increment: 1 } } });
      }
      await recordAudit(tx, viewer, {
        action: "organisation.create",
        entityType: UNIT_TABLES[input.kind],
        entityId: created.id,
        details: { name: created.name, code: created.code, sortOrder: created.sortOrder, isCoordinating: created.isCoordinating },
      });
      return { id: created.id };
    }, TX_OPTIONS);
  } catch (error) {
    // Someone saved the same name at the same moment: the same answer as the check above.
    if (isUniqueViolation(error)) throw new DomainRuleError("organisation.errors.nameTaken", "name");
    throw error;
  }
}
