import "server-only";
import { db } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/audit/record";
import { NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { assertMayEdit } from "./page-data";

/** Records that someone checked a public contact's number and hours today. */
export async function markContactVerified(
  viewer: Viewer,
  input: { contactId: string; expectedVersion: number },
): Promise<{ lastVerifiedAt: Date }> {
  assertMayEdit(viewer);
  return db().$transaction(async (tx) => {
    const lastVerifiedAt = new Date();
    const { count } = await tx.publicContact.updateMany({
      where: { id: input.contactId, version: input.expectedVersion },
      data: { lastVerifiedAt, version: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.publicContact.findUnique({ where: { id: input.contactId }, select: { id: true } });
      throw exists ? new StaleEditError("publicContact") : new NotFoundError("publicContact");
    }
    await recordAudit(tx, viewer, {
      action: "publicContact.verify",
      entityType: "PublicContact",
      entityId: input.contactId,
      details: { verifiedAt: lastVerifiedAt.toISOString() },
    });
    return { lastVerifiedAt };
  });
}
