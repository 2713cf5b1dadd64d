import "server-only";
import { db } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { assertMayEdit } from "./page-data";

/** Names who keeps a public contact up to date; only an active account can own one. */
export async function assignContactOwner(
  viewer: Viewer,
  input: { contactId: string; ownerId: string; expectedVersion: number },
) {
  assertMayEdit(viewer);
  return db().$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: input.ownerId }, select: { active: true, name: true } });
    if (!owner?.active) throw new DomainRuleError("public.validation.owner", "ownerId");
    const { count } = await tx.publicContact.updateMany({
      where: { id: input.contactId, version: input.expectedVersion },
      data: { ownerId: input.ownerId, version: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.publicContact.findUnique({ where: { id: input.contactId }, select: { id: true } });
      throw exists ? new StaleEditError("publicContact") : new NotFoundError("publicContact");
    }
    await recordAudit(tx, viewer, {
      action: "publicContact.assignOwner",
      entityType: "PublicContact",
      entityId: input.contactId,
      details: { ownerId: input.ownerId },
    });
  });
}
