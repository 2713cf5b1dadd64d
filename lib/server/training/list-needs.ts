import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { Prisma } from "@/lib/server/generated/prisma/client";
import { may } from "@/lib/access/permissions";
import { shownNeedsSql } from "./coverage-query";
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
  /** As shown, computed from the plan (shownNeedsSql): withdrawn, met, planned or registered. */
  status: TrainingNeedStatus;
  comment: string;
  /** Titles of the events linked to the need that are not cancelled, earliest first. */
  events: string[];
};

/** One line of the grouped view: the needs of one division, staff category and level, summed. */
export type NeedGroup = { divisionId: string; division: string; staffCategory: string; level: TrainingLevel; needs: number; headcount: number };

export type NeedList = Paged<NeedRow> & { groups: NeedGroup[]; totalHeadcount: number };

const collator = new Intl.Collator("sv");

type GroupRow = { divisionId: string; division: string; staffCategoryId: string; staffCategory: string; level: TrainingLevel; needs: bigint; headcount: bigint };
type PageRow = Omit<NeedRow, "headcount"> & { headcount: number };

/**
 * The training needs the viewer may see (the coordinator every division's, a division head or
 * network member their own), filtered, one page of them plus every matching need grouped and
 * summed by division, staff category and level (issue 10 point 2). Each need's status is the
 * one computed from the plan (shownNeedsSql: the rule /kompetensplan calls "Täckt" for
 * "Tillgodosett"), and the status filter matches exactly what is shown. Cancelled needs are
 * left out unless asked for by status. Two statements whatever the number of needs: the groups
 * (whose sum is the total) and the page.
 */
export async function listNeeds(viewer: Viewer, filter: NeedFilter): Promise<NeedList> {
  const needScope = scopes.trainingNeed(viewer, "list");
  // Whether a need is met depends on its division's attendance, which every role that lists
  // needs reads today; a role that did not would see no need as met rather than be refused.
  const attendanceScope = may(viewer.role, "trainingAttendance", "read") ? scopes.trainingAttendance(viewer, "read") : null;
  const shown = shownNeedsSql({
    needScope, attendanceScope, divisionId: filter.division, staffCategoryId: filter.kategori, level: filter.level,
    withCancelled: filter.status === "CANCELLED",
  });
  const status = filter.status ? Prisma.sql`s.shown = ${filter.status}` : Prisma.sql`TRUE`;
  return withViewer(viewer, async (tx) => {
    const grouped = await tx.$queryRaw<GroupRow[]>`
      WITH ${shown}
      SELECT s."divisionId"::text AS "divisionId", dv.name AS division, s."staffCategoryId"::text AS "staffCategoryId", sc.name AS "staffCategory",
             s.level::text AS level, count(*)::bigint AS needs, sum(s.headcount)::bigint AS headcount
        FROM shown s JOIN "Division" dv ON dv.id = s."divisionId" JOIN "StaffCategory" sc ON sc.id = s."staffCategoryId"
       WHERE ${status}
       GROUP BY s."divisionId", dv.name, s."staffCategoryId", sc.name, s.level`;
    const groups = grouped
      .map((g) => ({ divisionId: g.divisionId, division: g.division, staffCategory: g.staffCategory, level: g.level, needs: Number(g.needs), headcount: Number(g.headcount) }))
      .sort((a, b) => collator.compare(a.division, b.division) || collator.compare(a.staffCategory, b.staffCategory) || (a.level === b.level ? 0 : a.level === "BASIC" ? -1 : 1));
    const page = await loadPage(filter.page, NEEDS_PAGE_SIZE, {
      count: async () => groups.reduce((sum, g) => sum + g.needs, 0),
      rows: ({ skip, take }) => tx.$queryRaw<PageRow[]>`
        WITH ${shown}
        SELECT s.id::text AS id, s.version, dv.name AS division, sc.name AS "staffCategory", s.level::text AS level, s.headcount, s.material,
               s.priority::text AS priority, s."wantedBy", s.shown AS status, s.comment,
               array(SELECT ev.title FROM "_TrainingEventNeeds" x JOIN "TrainingEvent" ev ON ev.id = x."A"
                      WHERE x."B" = s.id AND ev.status <> 'CANCELLED' ORDER BY ev."startsAt", ev.title) AS events
          FROM shown s JOIN "Division" dv ON dv.id = s."divisionId" JOIN "StaffCategory" sc ON sc.id = s."staffCategoryId"
         WHERE ${status}
         ORDER BY s."wantedBy", s."createdAt", s.id
         LIMIT ${take} OFFSET ${skip}`,
    });
    return { ...page, groups, totalHeadcount: groups.reduce((sum, g) => sum + g.headcount, 0) };
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
