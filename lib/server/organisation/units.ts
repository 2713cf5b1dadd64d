import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import type { DbTx } from "@/lib/server/db";
import { authorize } from "@/lib/server/access/authorize";
import type { Action } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import type { UnitKind } from "@/lib/schemas/organisation";

/** Each kind's table (for the catalog and audit) and Prisma delegate. */
export const UNIT_TABLES = { division: "Division", district: "District", staffCategory: "StaffCategory" } as const satisfies Record<UnitKind, string>;

/** The columns every kind has, as the use cases read and write them. */
export type UnitRecord = {
  id: string;
  name: string;
  code: string | null;
  description: string | null;
  isCoordinating: boolean;
  active: boolean;
  sortOrder: number;
  version: number;
};

type UnitData = { name?: string; code?: string; description?: string | null; isCoordinating?: boolean; active?: boolean; sortOrder?: number };

/**
 * The three kinds behind one shape: divisions have a code, a description and the coordinator's
 * flag; districts and staff categories only a name, an order and whether they are in use.
 */
export function unitDelegate(tx: DbTx, kind: UnitKind) {
  const select = { id: true, name: true, active: true, sortOrder: true, version: true } as const;
  const divisionSelect = { ...select, code: true, description: true, isCoordinating: true } as const;
  const widen = (row: { id: string; name: string; active: boolean; sortOrder: number; version: number; code?: string; description?: string | null; isCoordinating?: boolean }): UnitRecord => ({
    code: null, description: null, isCoordinating: false, ...row,
  });
  const pick = (data: UnitData) =>
    kind === "division" ? data : { name: data.name, active: data.active, sortOrder: data.sortOrder };
  return {
    async findById(id: string): Promise<UnitRecord | null> {
      const row = kind === "division"
        ? await tx.division.findUnique({ where: { id }, select: divisionSelect })
        : kind === "district"
          ? await tx.district.findUnique({ where: { id }, select })
          : await tx.staffCategory.findUnique({ where: { id }, select });
      return row ? widen(row) : null;
    },
    /** Another row of this kind with the same name, ignoring case (Lärare = lärare). */
    async nameTaken(name: string, exceptId?: string): Promise<boolean> {
      const where = { name: { equals: name, mode: "insensitive" as const }, ...(exceptId ? { id: { not: exceptId } } : {}) };
      const found = kind === "division"
        ? await tx.division.count({ where })
        : kind === "district" ? await tx.district.count({ where }) : await tx.staffCategory.count({ where });
      return found > 0;
    },
    async codeTaken(code: string, exceptId?: string): Promise<boolean> {
      if (kind !== "division") return false;
      return (await tx.division.count({ where: { code: { equals: code, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) } })) > 0;
    },
    async create(data: Required<Pick<UnitData, "name" | "sortOrder">> & UnitData): Promise<UnitRecord> {
      const row = kind === "division"
        ? await tx.division.create({ data: { name: data.name, code: data.code ?? "", description: data.description || null, isCoordinating: data.isCoordinating ?? false, sortOrder: data.sortOrder }, select: divisionSelect })
        : kind === "district"
          ? await tx.district.create({ data: { name: data.name, sortOrder: data.sortOrder }, select })
          : await tx.staffCategory.create({ data: { name: data.name, sortOrder: data.sortOrder }, select });
      return widen(row);
    },
    /** The data a versioned update of this kind may carry. */
    data: pick,
  };
}

/** Room for the catalog work and the slower embedded database (as the user administration has). */
export const TX_OPTIONS = { timeout: 20_000, maxWait: 10_000 };

/** The Prisma model name of a kind, for updateVersioned. */
export const UNIT_MODELS = { division: "division", district: "district", staffCategory: "staffCategory" } as const satisfies Record<UnitKind, string>;

/**
 * Organisation-wide work that must see every division's records whatever the viewer's own
 * walls allow — counting what points at a division (an IT administrator sees no situation
 * entry, yet must not delete a division that has some) and merging two divisions. It runs as
 * the owner after the permission check, returns counts, never content, and audits its changes
 * in the same transaction (docs/decisions/016-organisation-as-data.md).
 */
export async function asOrganisation<T>(viewer: Viewer, action: Action, work: (tx: DbTx) => Promise<T>): Promise<T> {
  authorize(viewer, "organisation", action);
  return asSystem(work, { timeout: 60_000, maxWait: 10_000 });
}

/** A unique constraint hit by a concurrent save: the same as the check before it. */
export function isUniqueViolation(error: unknown): error is { code: string; meta?: { target?: unknown } } {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
