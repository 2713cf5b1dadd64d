import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import { updateVersioned } from "@/lib/server/versioned";
import type { Viewer } from "@/lib/access/viewer";

/** Names who keeps a public contact up to date; only an active account can own one. */
export async function assignContactOwner(
  viewer: Viewer,
  input: { contactId: string; ownerId: string; expectedVersion: number },
) {
  authorize(viewer, "publicContent", "update");
  return withViewer(viewer, async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: input.ownerId }, select: { active: true, name: true } });
    if (!owner?.active) throw new DomainRuleError("public.validation.owner", "ownerId");
    await updateVersioned(tx, "publicContact", {
      id: input.contactId,
      expectedVersion: input.expectedVersion,
      data: { ownerId: input.ownerId },
    });
    await recordAudit(tx, viewer, {
      action: "publicContact.assignOwner",
      entityType: "PublicContact",
      entityId: input.contactId,
      details: { ownerId: input.ownerId },
    });
  });
}
