"use server";

import { serverAction } from "@/lib/server/action";
import { closeCycleSchema, openCycleSchema, reviewFollowUpSchema, saveFollowUpSchema } from "@/lib/schemas/follow-up";
import { openCycle } from "@/lib/server/follow-up/open-cycle";
import { saveFollowUp } from "@/lib/server/follow-up/save-follow-up";
import { reviewFollowUp } from "@/lib/server/follow-up/review-follow-up";
import { closeCycle } from "@/lib/server/follow-up/close-cycle";

export const openCycleAction = serverAction(
  { schema: openCycleSchema, permission: ["followUp", "create"], revalidate: [{ path: "/uppfoljning", type: "layout" }] },
  (viewer, input) => openCycle(viewer, input),
);

/** Saving a draft needs `update`; the use case asks for `submit` too when it is sent in. */
export const saveFollowUpAction = serverAction(
  { schema: saveFollowUpSchema, permission: ["followUp", "update"], revalidate: [{ path: "/uppfoljning", type: "layout" }] },
  (viewer, input) => saveFollowUp(viewer, input),
);

export const reviewFollowUpAction = serverAction(
  { schema: reviewFollowUpSchema, permission: ["followUp", "review"], revalidate: [{ path: "/uppfoljning", type: "layout" }] },
  (viewer, input) => reviewFollowUp(viewer, input),
);

/** Closing a cycle freezes its follow-ups (`finalize`); the use case asks for confirmation while some are not approved. */
export const closeCycleAction = serverAction(
  { schema: closeCycleSchema, permission: ["followUp", "finalize"], revalidate: [{ path: "/uppfoljning", type: "layout" }] },
  (viewer, input) => closeCycle(viewer, input),
);
