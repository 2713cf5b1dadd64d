import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Priority, TrainingLevel, TrainingNeedStatus } from "@/lib/server/generated/prisma/enums";
import type { Viewer } from "@/lib/access/viewer";
import type { NeedFilter } from "@/lib/schemas/training";

export const NEEDS_PAGE_SIZE = 25;

export type NeedRow = {
  id: string;
  version: number;
  division: string;
  staffCategory: string;
  level: TrainingLevel;
  headcount: number;
  material: string | null;
  priority: Priority;
  wantedBy: Date;
  status: TrainingNeedStatus;
  comment: string;
  /** Titles of the planned events linked to the need. */
  events: string[];
};

/** One line of the grouped view: the needs of one division, staff category and level, summed. */
export type NeedGroup = { divisionId: string; division: string; staffCategory: string; level: TrainingLevel; needs: number; headcount: number };

export type NeedList = Paged<NeedRow> & { groups: NeedGroup[]; totalHeadcount: number };

const collator = new Intl.Collator("sv");

/**
 * The training needs the viewer may see (the coordinator every division's, a division head or
 * network member their own), filtered, one page of them plus every matching need grouped and
 * summed by division, staff category and level (issue 10 point 2). Cancelled needs are left
 * out unless asked for by status.
 */
export async function listNeeds(viewer: Viewer, filter: NeedFilter): Promise<NeedList> {
  const where = within(scopes.trainingNeed(viewer, "list"), {
    ...(filter.division ? { divisionId: filter.division } : {}),
    ...(filter.kategori ? { staffCategoryId: filter.kategori } : {}),
    ...(filter.level ? { level: filter.level } : {}),
    status: filter.status ?? { not: "CANCELLED" },
  } satisfies Prisma.TrainingNeedWhereInput);
  return withViewer(viewer, async (tx) => {
    const page = await loadPage(filter.page, NEEDS_PAGE_SIZE, {
      count: () => tx.trainingNeed.count({ where }),
      rows: (window) =>
        tx.trainingNeed.findMany({
          where,
          orderBy: [{ wantedBy: "asc" }, { createdAt: "asc" }],
          ...window,
          select: {
            id: true, version: true, level: true, headcount: true, material: true, priority: true, wantedBy: true, status: true, comment: true,
            division: { select: { name: true } }, staffCategory: { select: { name: true } },
            events: { select: { title: true }, orderBy: { startsAt: "asc" } },
          },
        }),
    });
    const grouped = await tx.trainingNeed.groupBy({
      by: ["divisionId", "staffCategoryId", "level"],
      where,
      _sum: { headcount: true },
      _count: { _all: true },
    });
    const [divisions, categories] = await Promise.all([
      tx.division.findMany({ where: { id: { in: grouped.map((g) => g.divisionId) } }, select: { id: true, name: true } }),
      tx.staffCategory.findMany({ where: { id: { in: grouped.map((g) => g.staffCategoryId) } }, select: { id: true, name: true } }),
    ]);
    const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
    const categoryName = new Map(categories.map((c) => [c.id, c.name]));
    const groups = grouped
      .map((g) => ({
        divisionId: g.divisionId,
        division: divisionName.get(g.divisionId) ?? "",
        staffCategory: categoryName.get(g.staffCategoryId) ?? "",
        level: g.level,
        needs: g._count._all,
        headcount: g._sum.headcount ?? 0,
      }))
      .sort((a, b) => collator.compare(a.division, b.division) || collator.compare(a.staffCategory, b.staffCategory) || (a.level === b.level ? 0 : a.level === "BASIC" ? -1 : 1));
    return {
      ...page,
      rows: page.rows.map((r) => ({ ...r, division: r.division.name, staffCategory: r.staffCategory.name, events: r.events.map((e) => e.title) })),
      groups,
      totalHeadcount: groups.reduce((sum, g) => sum + g.headcount, 0),
    };
  });
}

export type NeedFormOptions = {
  divisions: { id: string; name: string }[];
  staffCategories: { id: string; name: string }[];
};

/** What the need form and the filters offer: the viewer's divisions (all for the coordinator)
 * and the active staff categories, in the municipality's order. */
export async function needFormOptions(viewer: Viewer): Promise<NeedFormOptions> {
  const all = "divisionId" in scopes.trainingNeed(viewer, "list") === false;
  return withViewer(viewer, async (tx) => {
    const [divisions, staffCategories] = await Promise.all([
      tx.division.findMany({
        where: all ? { active: true } : { active: true, id: { in: [...viewer.divisionIds] } },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { id: true, name: true },
      }),
      tx.staffCategory.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    ]);
    return { divisions, staffCategories };
  });
}

/** What the event and attendance forms offer: active staff categories, every active division as
 * a target (an event may be aimed at any division), and the divisions whose attendance the
 * viewer records (the coordinator every one, a network member their own). */
export async function planFormOptions(viewer: Viewer): Promise<NeedFormOptions & { attendanceDivisions: { id: string; name: string }[] }> {
  const own = viewer.role !== "COORDINATOR";
  return withViewer(viewer, async (tx) => {
    const [divisions, staffCategories] = await Promise.all([
      tx.division.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
      tx.staffCategory.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    ]);
    return { divisions, staffCategories, attendanceDivisions: own ? divisions.filter((d) => viewer.divisionIds.includes(d.id)) : divisions };
  });
}
