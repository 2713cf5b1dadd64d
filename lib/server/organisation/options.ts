import "server-only";
import { TX_OPTIONS } from "./units";
import type { DbTx } from "@/lib/server/db";
import type { Viewer } from "@/lib/access/viewer";
import { withViewer } from "@/lib/server/access/with-viewer";

export type UnitOption = { id: string; name: string };
const bySwedishName = <T extends { name: string; sortOrder: number }>(a: T, b: T) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "sv");

/**
 * The choices of a new record's form (a training need's staff category, a situation entry's
 * district, a division): active ones only — a deactivated one stays on the records that have
 * it but is offered no more. Call inside the use case's own transaction; `keep` keeps an
 * existing record's current (possibly deactivated) choice in its edit form.
 */
export async function activeStaffCategories(tx: DbTx, keep?: string | null): Promise<UnitOption[]> {
  const rows = await tx.staffCategory.findMany({ where: { OR: [{ active: true }, ...(keep ? [{ id: keep }] : [])] }, select: { id: true, name: true, sortOrder: true } });
  return rows.sort(bySwedishName).map(({ id, name }) => ({ id, name }));
}

export async function activeDistricts(tx: DbTx, keep?: string | null): Promise<UnitOption[]> {
  const rows = await tx.district.findMany({ where: { OR: [{ active: true }, ...(keep ? [{ id: keep }] : [])] }, select: { id: true, name: true, sortOrder: true } });
  return rows.sort(bySwedishName).map(({ id, name }) => ({ id, name }));
}

export async function activeDivisions(tx: DbTx, keep?: string | null): Promise<(UnitOption & { code: string })[]> {
  const rows = await tx.division.findMany({ where: { OR: [{ active: true }, ...(keep ? [{ id: keep }] : [])] }, select: { id: true, name: true, code: true, sortOrder: true } });
  return rows.sort(bySwedishName).map(({ id, name, code }) => ({ id, name, code }));
}

/**
 * The viewer's own divisions that have been deactivated (or merged into another): their
 * members are warned in the app's frame, since such a division gets no new records.
 */
export async function inactiveDivisionsOf(viewer: Viewer): Promise<string[]> {
  if (viewer.divisionIds.length === 0) return [];
  return withViewer(viewer, (tx) => inactiveDivisionNames(tx, viewer), TX_OPTIONS);
}

/** The same, inside a transaction of the viewer's (the app frame reads it with other things). */
export async function inactiveDivisionNames(tx: DbTx, viewer: Viewer): Promise<string[]> {
  if (viewer.divisionIds.length === 0) return [];
  const rows = await tx.division.findMany({ where: { id: { in: [...viewer.divisionIds] }, active: false }, select: { name: true } });
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, "sv"));
}
