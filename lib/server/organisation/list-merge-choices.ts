import "server-only";
import { TX_OPTIONS } from "./units";
import type { Viewer } from "@/lib/access/viewer";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";

/** Every division (inactive ones too: a merged-away division can still be the one that ends). */
export async function listMergeChoices(viewer: Viewer): Promise<{ id: string; name: string; code: string; active: boolean }[]> {
  authorize(viewer, "organisation", "merge");
  const rows = await withViewer(viewer, (tx) => tx.division.findMany({ select: { id: true, name: true, code: true, active: true, sortOrder: true } }), TX_OPTIONS);
  return rows
    .sort((a, b) => Number(b.active) - Number(a.active) || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "sv"))
    .map(({ id, name, code, active }) => ({ id, name, code, active }));
}
