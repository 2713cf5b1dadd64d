import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import { loadPage, type Paged } from "@/lib/pagination";
import type { UnitKind } from "@/lib/schemas/organisation";
import { asOrganisation, UNIT_TABLES } from "./units";
import { countReferences, referenceColumns, totalOf } from "./references";

export type UnitListItem = {
  id: string;
  name: string;
  code: string | null;
  isCoordinating: boolean;
  active: boolean;
  sortOrder: number;
  version: number;
  /** Records pointing at it, per `Table.column` (from the catalog); 0 in all: it may be deleted. */
  usage: Record<string, number>;
  inUse: number;
  /** Divisions: how many accounts belong to it (warned when it is deactivated). */
  members: number;
};

const PAGE_SIZE = 50;

/**
 * One kind's list for the organisation page, in the order people see it everywhere (sort
 * order, then name the Swedish way), with how much points at each row — which decides
 * whether it can be deleted or only deactivated. Counts from every division: see asOrganisation.
 */
export async function listUnits(viewer: Viewer, query: { kind: UnitKind; page: number }): Promise<Paged<UnitListItem>> {
  return asOrganisation(viewer, "list", async (tx) => {
    const orderBy = [{ sortOrder: "asc" as const }, { name: "asc" as const }];
    type Row = Omit<UnitListItem, "usage" | "inUse" | "members">;
    const page = await loadPage<Row>(query.page, PAGE_SIZE, {
      count: () => (query.kind === "division" ? tx.division.count() : query.kind === "district" ? tx.district.count() : tx.staffCategory.count()),
      rows: async (window) => {
        if (query.kind === "division") {
          return tx.division.findMany({ ...window, orderBy, select: { id: true, name: true, code: true, isCoordinating: true, active: true, sortOrder: true, version: true } });
        }
        const select = { id: true, name: true, active: true, sortOrder: true, version: true } as const;
        const rows = query.kind === "district"
          ? await tx.district.findMany({ ...window, orderBy, select })
          : await tx.staffCategory.findMany({ ...window, orderBy, select });
        return rows.map((r) => ({ ...r, code: null, isCoordinating: false }));
      },
    });
    const ids = page.rows.map((r) => r.id);
    const usage = await countReferences(tx, await referenceColumns(tx, UNIT_TABLES[query.kind]), ids);
    const members = query.kind === "division"
      ? await tx.divisionMembership.groupBy({ by: ["divisionId"], where: { divisionId: { in: ids }, user: { active: true } }, _count: { _all: true } })
      : [];
    const rows = page.rows
      .map((r) => ({
        ...r,
        usage: usage.get(r.id) ?? {},
        inUse: totalOf(usage.get(r.id)),
        members: members.find((m) => m.divisionId === r.id)?._count._all ?? 0,
      }))
      // The database sorts by code points; people read å, ä, ö last.
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "sv"));
    return { ...page, rows };
  });
}
