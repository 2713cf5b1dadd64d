import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Action } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";

export type Option = { id: string; name: string };

/**
 * What the entry form and the list's filters offer: the active districts, and the divisions
 * the viewer may choose — every division for the coordinator, only the viewer's own for
 * everyone else (so another division's name is not even offered).
 */
export async function listEntryOptions(viewer: Viewer, action: Action = "list"): Promise<{ districts: Option[]; divisions: Option[] }> {
  const scope = authorize(viewer, "situationEntry", action);
  return withViewer(viewer, async (tx) => {
    const districts = await tx.district.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
    const divisions = await tx.division.findMany({
      where: scope === "all" ? { active: true } : { active: true, id: { in: [...viewer.divisionIds] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    return { districts, divisions };
  });
}
