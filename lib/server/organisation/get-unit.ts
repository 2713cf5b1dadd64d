import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import type { UnitKind } from "@/lib/schemas/organisation";
import { NotFoundError } from "@/lib/server/errors";
import { asOrganisation, unitDelegate, UNIT_TABLES, type UnitRecord } from "./units";
import { countReferences, referenceColumns, totalOf } from "./references";

export type UnitDetail = UnitRecord & { kind: UnitKind; usage: Record<string, number>; inUse: number; members: number };

/** One division, district or staff category for its edit page, with what points at it. */
export async function getUnit(viewer: Viewer, input: { kind: UnitKind; id: string }): Promise<UnitDetail> {
  return asOrganisation(viewer, "read", async (tx) => {
    const unit = await unitDelegate(tx, input.kind).findById(input.id);
    if (!unit) throw new NotFoundError(UNIT_TABLES[input.kind]);
    const usage = (await countReferences(tx, await referenceColumns(tx, UNIT_TABLES[input.kind]), [unit.id])).get(unit.id) ?? {};
    const members = input.kind === "division" ? await tx.divisionMembership.count({ where: { divisionId: unit.id, user: { active: true } } }) : 0;
    return { ...unit, kind: input.kind, usage, inUse: totalOf(usage), members };
  });
}
