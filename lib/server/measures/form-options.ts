import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { scopeFor } from "@/lib/access/permissions";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";

export type MeasureFormOptions = {
  divisions: { id: string; name: string }[];
  planSections: { id: string; number: number; title: string }[];
  people: { id: string; name: string; divisionIds: string[] }[];
};

/**
 * What a measure's form offers: the active divisions the viewer may write measures for (a division
 * head: their own; on an edit also the measure's current one, `keepDivisionId`), the plan's sections, and the people who can be responsible (members of
 * those divisions, and coordinators).
 */
export async function getMeasureFormOptions(viewer: Viewer, action: "create" | "update", keepDivisionId?: string): Promise<MeasureFormOptions> {
  authorize(viewer, "measure", action);
  const all = scopeFor(viewer.role, "measure", action) === "all";
  // An edit keeps the measure's current division on offer even if it has been deactivated since.
  const offered = { OR: [{ active: true }, ...(keepDivisionId ? [{ id: keepDivisionId }] : [])] };
  return withViewer(viewer, async (tx) => {
    const divisions = await tx.division.findMany({
      where: all ? offered : { AND: [offered, { id: { in: [...viewer.divisionIds] } }] },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    });
    const planSections = await tx.planSection.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, title: true } });
    const ids = divisions.map((d) => d.id);
    const people = await tx.user.findMany({
      where: { active: true, OR: [{ role: "COORDINATOR" }, { role: { in: ["DIVISION_HEAD", "NETWORK_MEMBER"] }, divisions: { some: { divisionId: { in: ids } } } }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true, divisions: { select: { divisionId: true } } },
    });
    return {
      divisions,
      planSections,
      people: people.map((p) => ({ id: p.id, name: p.name, divisionIds: p.role === "COORDINATOR" ? ids : p.divisions.map((d) => d.divisionId) })),
    };
  });
}
