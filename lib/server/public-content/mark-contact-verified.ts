import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import type { Viewer } from "@/lib/access/viewer";

/** Records that someone checked a public contact's number and hours today. */
export async function markContactVerified(
  viewer: Viewer,
  input: { contactId: string; expectedVersion: number },
): Promise<{ lastVerifiedAt: Date }> {
  authorize(viewer, "publicContent", "update");
  return withViewer(viewer, async (tx) => {
    const lastVerifiedAt = new Date();
    await updateVersioned(tx, "publicContact", {
      id: input.contactId,
      expectedVersion: input.expectedVersion,
      data: { lastVerifiedAt },
    });
    await recordAudit(tx, viewer, {
      action: "publicContact.verify",
      entityType: "PublicContact",
      entityId: input.contactId,
      details: { verifiedAt: lastVerifiedAt.toISOString() },
    });
    return { lastVerifiedAt };
  });
}
