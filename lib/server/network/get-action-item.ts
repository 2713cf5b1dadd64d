import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { may } from "@/lib/access/permissions";
import type { ActionItemStatus } from "@/lib/server/generated/prisma/enums";
import { isOverdue } from "@/lib/network/overdue";

export type ActionItemDetail = {
  id: string;
  version: number;
  title: string;
  description: string;
  comment: string;
  ownerId: string;
  owner: string;
  divisionId: string | null;
  division: string | null;
  dueDate: Date;
  status: ActionItemStatus;
  completedAt: Date | null;
  meeting: { id: string; title: string } | null;
  decision: { number: number; text: string } | null;
  overdue: boolean;
  /** Whether the viewer may report progress on this item (its division is theirs, or it is network-wide). */
  canReport: boolean;
};

/** One action item the viewer may read; another division's looks like one that does not exist. */
export async function getActionItem(viewer: Viewer, id: string, today: Date): Promise<ActionItemDetail> {
  const scope = scopes.actionItem(viewer, "read");
  // Optional part of the page (`may` decides whether it applies); the row still goes through the scope.
  const updateScope = may(viewer.role, "actionItem", "update") ? scopes.actionItem(viewer, "update") : null;
  return withViewer(viewer, async (tx) => {
    const item = await tx.actionItem.findFirst({
      where: within(scope, { id }),
      select: {
        id: true, version: true, title: true, description: true, comment: true, ownerId: true, divisionId: true, dueDate: true,
        status: true, completedAt: true, owner: { select: { name: true } }, division: { select: { name: true } },
        meeting: { select: { id: true, title: true } }, decision: { select: { text: true, sortOrder: true } },
      },
    });
    if (!item) throw new NotFoundError("ActionItem");
    const canReport = updateScope ? (await tx.actionItem.count({ where: within(updateScope, { id }) })) > 0 : false;
    return {
      id: item.id, version: item.version, title: item.title, description: item.description, comment: item.comment,
      ownerId: item.ownerId, owner: item.owner.name, divisionId: item.divisionId, division: item.division?.name ?? null,
      dueDate: item.dueDate, status: item.status, completedAt: item.completedAt, meeting: item.meeting,
      decision: item.decision ? { number: item.decision.sortOrder, text: item.decision.text } : null,
      overdue: isOverdue(item, today), canReport,
    };
  });
}
