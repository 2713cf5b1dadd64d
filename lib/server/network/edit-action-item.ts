import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { parseDateOnly } from "@/lib/network/stockholm-time";
import type { actionItemProgressSchema, editActionItemSchema } from "@/lib/schemas/network";
import { checkOwnerAndDivision, completion } from "./action-item-rules";

/**
 * The coordinator redefines an item: text, owner, division, due date, status, comment.
 * Whoever may create items may redefine them (a member reports progress instead).
 * Refused as stale when the item changed since the form was opened.
 */
export async function editActionItem(viewer: Viewer, input: z.output<typeof editActionItemSchema>): Promise<{ version: number }> {
  authorize(viewer, "actionItem", "create");
  const scope = scopes.actionItem(viewer, "update");
  return withViewer(viewer, async (tx) => {
    const before = await tx.actionItem.findFirst({ where: within(scope, { id: input.id }), select: { status: true, ownerId: true, dueDate: true, title: true } });
    if (!before) throw new NotFoundError("ActionItem");
    await checkOwnerAndDivision(tx, input.ownerId, input.divisionId);
    await updateVersioned(tx, "actionItem", {
      id: input.id,
      expectedVersion: input.version,
      scope,
      data: {
        title: input.title, description: input.description, comment: input.comment, ownerId: input.ownerId,
        divisionId: input.divisionId, dueDate: parseDateOnly(input.dueDate)!, status: input.status, ...completion(before.status, input.status),
      },
    });
    await recordAudit(tx, viewer, {
      action: "actionItem.update",
      entityType: "ActionItem",
      entityId: input.id,
      divisionId: input.divisionId,
      details: {
        version: input.version + 1,
        status: { from: before.status, to: input.status },
        ownerId: { from: before.ownerId, to: input.ownerId },
        dueDate: { from: before.dueDate.toISOString().slice(0, 10), to: input.dueDate },
        ...(before.title !== input.title ? { titleChanged: true } : {}),
      },
    });
    return { version: input.version + 1 };
  });
}

/** The owner (or a member of the item's division, or the coordinator) reports status and a comment. */
export async function reportActionItemProgress(viewer: Viewer, input: z.output<typeof actionItemProgressSchema>): Promise<{ version: number }> {
  const scope = scopes.actionItem(viewer, "update");
  return withViewer(viewer, async (tx) => {
    const before = await tx.actionItem.findFirst({ where: within(scope, { id: input.id }), select: { status: true, divisionId: true, comment: true } });
    if (!before) throw new NotFoundError("ActionItem");
    await updateVersioned(tx, "actionItem", {
      id: input.id,
      expectedVersion: input.version,
      scope,
      data: { status: input.status, comment: input.comment, ...completion(before.status, input.status) },
    });
    await recordAudit(tx, viewer, {
      action: "actionItem.progress",
      entityType: "ActionItem",
      entityId: input.id,
      divisionId: before.divisionId,
      details: { version: input.version + 1, status: { from: before.status, to: input.status }, commentChanged: before.comment !== input.comment },
    });
    return { version: input.version + 1 };
  });
}
