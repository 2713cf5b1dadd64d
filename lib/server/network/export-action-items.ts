import "server-only";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import type { Viewer } from "@/lib/access/viewer";
import type { ActionItemListQuery } from "@/lib/schemas/network";
import type { ActionItemStatus } from "@/lib/server/generated/prisma/enums";
import { isOverdue } from "@/lib/network/overdue";
import { ACTION_ORDER, ACTION_ROW_SELECT, actionItemWhere } from "./list-action-items";

/** More rows than a network ever has; a bound so an export cannot exhaust the server. */
export const EXPORT_LIMIT = 10_000;

export type ActionItemExportRow = {
  title: string;
  description: string;
  owner: string;
  division: string | null;
  meeting: string | null;
  dueDate: Date;
  status: ActionItemStatus;
  overdue: boolean;
  comment: string;
  completedAt: Date | null;
  createdAt: Date;
};

/** Every item the list's filter finds (no paging), for a spreadsheet; the export is audited. */
export async function exportActionItems(viewer: Viewer, query: ActionItemListQuery, today: Date, format: "csv" | "xlsx"): Promise<ActionItemExportRow[]> {
  const where = actionItemWhere(viewer, "export", query, today);
  return withViewer(viewer, async (tx) => {
    const rows = await tx.actionItem.findMany({ where, orderBy: ACTION_ORDER[query.sort], take: EXPORT_LIMIT, select: ACTION_ROW_SELECT });
    await recordAudit(tx, viewer, {
      action: "actionItem.export",
      entityType: "ActionItem",
      details: {
        format, rows: rows.length,
        filter: Object.fromEntries(Object.entries({ ...query, page: undefined }).filter(([, v]) => v !== undefined)) as Record<string, string>,
      },
    });
    return rows.map((r) => ({
      title: r.title, description: r.description, owner: r.owner.name, division: r.division?.name ?? null, meeting: r.meeting?.title ?? null,
      dueDate: r.dueDate, status: r.status, overdue: isOverdue(r, today), comment: r.comment, completedAt: r.completedAt, createdAt: r.createdAt,
    }));
  });
}
