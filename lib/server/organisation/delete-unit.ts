import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import type { UnitKind } from "@/lib/schemas/organisation";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { asOrganisation, UNIT_TABLES } from "./units";
import { countReferences, quote, referenceColumns, totalOf } from "./references";

/**
 * Deletes a division, district or staff category that nothing points at — one made by
 * mistake. Anything in use (a record, a member, an audit event of a division) is refused with
 * a Swedish message: deactivate it instead. The row is locked first, so a record saved at the
 * same moment either comes before the count (and is counted) or waits and then fails.
 */
export async function deleteUnit(viewer: Viewer, input: { kind: UnitKind; id: string }): Promise<void> {
  const table = UNIT_TABLES[input.kind];
  await asOrganisation(viewer, "delete", async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM ${quote(table)} WHERE id = $1::uuid FOR UPDATE`, input.id);
    if (!locked[0]) throw new NotFoundError(table);
    const usage = (await countReferences(tx, await referenceColumns(tx, table), [input.id])).get(input.id);
    if (totalOf(usage) > 0) throw new DomainRuleError("organisation.errors.inUse");
    await tx.$executeRawUnsafe(`DELETE FROM ${quote(table)} WHERE id = $1::uuid`, input.id);
    await recordAudit(tx, viewer, {
      action: "organisation.delete",
      entityType: table,
      entityId: input.id,
      details: { name: locked[0].name },
    });
  });
}
