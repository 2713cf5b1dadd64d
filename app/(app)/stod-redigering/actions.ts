"use server";

import { revalidatePath, updateTag } from "next/cache";
import { serverAction } from "@/lib/server/action";
import {
  assignOwnerSchema, draftSchema, markVerifiedSchema, publishSchema, reviewIntervalSchema, rollbackSchema,
} from "@/lib/schemas/public-content";
import { saveDraft } from "@/lib/server/public-content/save-draft";
import { publishDraft } from "@/lib/server/public-content/publish-draft";
import { rollbackToVersion } from "@/lib/server/public-content/rollback-to-version";
import { markContactVerified } from "@/lib/server/public-content/mark-contact-verified";
import { updateReviewInterval } from "@/lib/server/public-content/update-review-interval";
import { assignContactOwner } from "@/lib/server/public-content/assign-contact-owner";
import { PUBLIC_CONTENT_TAG } from "@/lib/server/public-content/page-data";

const EDITOR = "/stod-redigering";
const permission = ["publicContent", "update"] as const;

// The public page's cache is expired with updateTag, not revalidateTag: the coordinator who
// just published must see the new version on the next request, not a stale one.
function expirePublicPage() {
  updateTag(PUBLIC_CONTENT_TAG);
  revalidatePath("/stod");
  revalidatePath("/en/stod");
}

export const saveDraftAction = serverAction(
  { schema: draftSchema, permission: [...permission], revalidate: [EDITOR] },
  (viewer, input) => saveDraft(viewer, input),
);

export const publishDraftAction = serverAction(
  { schema: publishSchema, permission: ["publicContent", "publish"], revalidate: [EDITOR] },
  async (viewer, input) => {
    const result = await publishDraft(viewer, input);
    expirePublicPage();
    return result;
  },
);

export const rollbackAction = serverAction(
  { schema: rollbackSchema, permission: ["publicContent", "publish"], revalidate: [EDITOR] },
  async (viewer, input) => {
    const result = await rollbackToVersion(viewer, input);
    expirePublicPage();
    return result;
  },
);

export const markVerifiedAction = serverAction(
  { schema: markVerifiedSchema, permission: [...permission], revalidate: [EDITOR] },
  async (viewer, input) => {
    await markContactVerified(viewer, input);
  },
);

export const reviewIntervalAction = serverAction(
  { schema: reviewIntervalSchema, permission: [...permission], revalidate: [EDITOR] },
  async (viewer, input) => {
    await updateReviewInterval(viewer, input);
  },
);

export const assignOwnerAction = serverAction(
  { schema: assignOwnerSchema, permission: [...permission], revalidate: [EDITOR] },
  async (viewer, input) => {
    await assignContactOwner(viewer, input);
  },
);
