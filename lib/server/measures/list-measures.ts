import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { MeasureFilter } from "@/lib/schemas/measures";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { MeasureStatus, PreventionLevel, SpecialInvestigationStatus } from "@/lib/server/generated/prisma/enums";
import { measureOverdueWhere } from "./rules";

export const MEASURE_PAGE_SIZE = 25;

export type MeasureRow = {
  id: string;
  title: string;
  level: PreventionLevel;
  status: MeasureStatus;
  isSpecial: boolean;
  investigationStatus: SpecialInvestigationStatus | null;
  targetGroup: string;
  division: string;
  responsible: string | null;
  planSection: number | null;
  nextReviewDate: Date;
  overdue: boolean;
};

/**
 * One page of measures the viewer may see (a division's own, the coordinator's all), by level
 * then title in Swedish order, with the filters of the list page. `today` decides "overdue".
 */
export async function listMeasures(viewer: Viewer, filter: MeasureFilter, today: Date): Promise<Paged<MeasureRow> & { overdueTotal: number }> {
  const scope = scopes.measure(viewer, "list");
  const overdue = measureOverdueWhere(today);
  const conditions: Prisma.MeasureWhereInput[] = [
    ...(filter.level ? [{ level: filter.level }] : []),
    ...(filter.status ? [{ status: filter.status }] : []),
    ...(filter.division ? [{ ownerDivisionId: filter.division }] : []),
    ...(filter.special ? [{ isSpecial: true }] : []),
    ...(filter.overdue ? [overdue] : []),
    ...(filter.q ? [{ OR: [{ title: { contains: filter.q, mode: "insensitive" as const } }, { targetGroup: { contains: filter.q, mode: "insensitive" as const } }] }] : []),
  ];
  const where = within(scope, { AND: conditions });
  return withViewer(viewer, async (tx) => {
    const found = await loadPage(filter.page, MEASURE_PAGE_SIZE, {
      count: () => tx.measure.count({ where }),
      rows: (window) =>
        tx.measure.findMany({
          where,
          orderBy: [{ level: "asc" }, { nextReviewDate: "asc" }, { title: "asc" }],
          ...window,
          select: {
            id: true, title: true, level: true, status: true, isSpecial: true, investigationStatus: true, targetGroup: true,
            nextReviewDate: true, ownerDivision: { select: { name: true } }, responsible: { select: { name: true } },
            planSection: { select: { number: true } },
          },
        }),
    });
    const overdueTotal = await tx.measure.count({ where: within(scope, overdue) });
    return {
      ...found,
      overdueTotal,
      rows: found.rows.map((m) => ({
        id: m.id, title: m.title, level: m.level, status: m.status, isSpecial: m.isSpecial, investigationStatus: m.investigationStatus,
        targetGroup: m.targetGroup, division: m.ownerDivision.name, responsible: m.responsible?.name ?? null,
        planSection: m.planSection?.number ?? null, nextReviewDate: m.nextReviewDate,
        overdue: (m.status === "PLANNED" || m.status === "ONGOING") && m.nextReviewDate < today,
      })),
    };
  });
}
