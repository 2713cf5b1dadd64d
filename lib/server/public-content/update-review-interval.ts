import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { StaleEditError } from "@/lib/server/errors";
import { REVIEW_SETTING_KEY } from "@/lib/markup/freshness";
import type { Viewer } from "@/lib/access/viewer";
import { readReviewInterval } from "./versioning";

/** How many months a public contact may go unchecked before it is flagged for review. */
export async function updateReviewInterval(viewer: Viewer, input: { months: number; expectedVersion: number }) {
  authorize(viewer, "publicContent", "update");
  return withViewer(viewer, async (tx) => {
    const current = await readReviewInterval(tx);
    if (current.version !== input.expectedVersion) throw new StaleEditError("setting");
    if (current.version === 0) {
      await tx.setting.create({ data: { key: REVIEW_SETTING_KEY, value: input.months } });
    } else {
      await tx.setting.update({
        where: { key: REVIEW_SETTING_KEY, version: input.expectedVersion },
        data: { value: input.months, version: { increment: 1 } },
      });
    }
    await recordAudit(tx, viewer, {
      action: "setting.update",
      entityType: "Setting",
      entityId: REVIEW_SETTING_KEY,
      details: { from: current.months, to: input.months },
    });
    return { months: input.months };
  });
}
