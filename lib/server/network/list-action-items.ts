import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { Action } from "@/lib/access/permissions";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { ActionItemStatus } from "@/lib/server/generated/prisma/enums";
import type { ActionItemListQuery } from "@/lib/schemas/network";
import { isOverdue, OPEN_ACTION_STATUSES, overdueFilter } from "@/lib/network/overdue";

export const ACTION_ITEM_PAGE_SIZE = 20;

export type ActionItemRow = {
  id: string;
  title: string;
  owner: string;
  ownerId: string;
  division: string | null;
  dueDate: Date;
  status: ActionItemStatus;
  comment: string;
  meeting: { id: string; title: string } | null;
  overdue: boolean;
};

export type ActionItemList = Paged<ActionItemRow> & {
  /** Overdue items among all the viewer may see (not only this filter): the coordinator's figure. */
  overdueCount: number;
};

type Filter = Omit<ActionItemListQuery, "page" | "sort">;

/** The list's filter as a query: what the URL asked, within the viewer's scope. */
export function actionItemWhere(viewer: Viewer, action: Action, filter: Filter, today: Date): Prisma.ActionItemWhereInput {
  const and: Prisma.ActionItemWhereInput[] = [];
  if (filter.status === "active") and.push({ status: { in: [...OPEN_ACTION_STATUSES] } });
  else if (filter.status) and.push({ status: filter.status });
  if (filter.overdue) and.push(overdueFilter(today));
  if (filter.mine) and.push({ ownerId: viewer.id });
  if (filter.division) and.push({ divisionId: filter.division });
  if (filter.meeting) and.push({ meetingId: filter.meeting });
  if (filter.q) and.push({ OR: [{ title: { contains: filter.q, mode: "insensitive" } }, { description: { contains: filter.q, mode: "insensitive" } }] });
  return within(scopes.actionItem(viewer, action), { AND: and });
}

export const ACTION_ORDER: Record<ActionItemListQuery["sort"], Prisma.ActionItemOrderByWithRelationInput[]> = {
  due: [{ dueDate: "asc" }, { id: "asc" }],
  dueDesc: [{ dueDate: "desc" }, { id: "asc" }],
  created: [{ createdAt: "desc" }, { id: "asc" }],
  status: [{ status: "asc" }, { dueDate: "asc" }, { id: "asc" }],
};

export const ACTION_ROW_SELECT = {
  id: true, title: true, dueDate: true, status: true, comment: true, ownerId: true, description: true, createdAt: true, completedAt: true,
  owner: { select: { name: true } }, division: { select: { name: true } }, meeting: { select: { id: true, title: true } },
} satisfies Prisma.ActionItemSelect;

/**
 * One page of the action items the viewer may see, filtered and sorted, each marked overdue
 * by the rule with `today` injected (the Stockholm calendar day, from the page).
 */
export async function listActionItems(viewer: Viewer, query: ActionItemListQuery, today: Date): Promise<ActionItemList> {
  const where = actionItemWhere(viewer, "list", query, today);
  const overdueWhere = within(scopes.actionItem(viewer, "list"), overdueFilter(today));
  return withViewer(viewer, async (tx) => {
    const found = await loadPage(query.page, ACTION_ITEM_PAGE_SIZE, {
      count: () => tx.actionItem.count({ where }),
      rows: (window) => tx.actionItem.findMany({ where, orderBy: ACTION_ORDER[query.sort], ...window, select: ACTION_ROW_SELECT }),
    });
    const overdueCount = await tx.actionItem.count({ where: overdueWhere });
    return {
      ...found,
      overdueCount,
      rows: found.rows.map((r) => ({
        id: r.id, title: r.title, owner: r.owner.name, ownerId: r.ownerId, division: r.division?.name ?? null,
        dueDate: r.dueDate, status: r.status, comment: r.comment, meeting: r.meeting, overdue: isOverdue(r, today),
      })),
    };
  });
}

/** How many of the items the viewer may see are overdue on `today`. */
export async function countOverdueActionItems(viewer: Viewer, today: Date): Promise<number> {
  const where = within(scopes.actionItem(viewer, "list"), overdueFilter(today));
  return withViewer(viewer, (tx) => tx.actionItem.count({ where }));
}

export type MyActionItem = { id: string; title: string; dueDate: Date; status: ActionItemStatus; overdue: boolean; meeting: string | null };

/** The viewer's own open items (for the start page), the soonest due first. */
export async function listMyOpenActionItems(viewer: Viewer, today: Date): Promise<MyActionItem[]> {
  const where = within(scopes.actionItem(viewer, "list"), { ownerId: viewer.id, status: { in: [...OPEN_ACTION_STATUSES] } });
  const rows = await withViewer(viewer, (tx) =>
    tx.actionItem.findMany({
      where,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: 10,
      select: { id: true, title: true, dueDate: true, status: true, meeting: { select: { title: true } } },
    }));
  return rows.map((r) => ({ id: r.id, title: r.title, dueDate: r.dueDate, status: r.status, overdue: isOverdue(r, today), meeting: r.meeting?.title ?? null }));
}

/** The divisions the list can be filtered by: every active one for the coordinator, else the viewer's own. */
export async function listActionItemDivisions(viewer: Viewer): Promise<{ id: string; name: string }[]> {
  const all = scopes.actionItem(viewer, "list");
  const everyDivision = Object.keys(all).length === 0;
  const rows = await withViewer(viewer, (tx) =>
    tx.division.findMany({ where: everyDivision ? { active: true } : { id: { in: [...viewer.divisionIds] } }, select: { id: true, name: true } }));
  return rows.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
