"use server";

import { serverAction } from "@/lib/server/action";
import { cancelNeedSchema, logNeedSchema } from "@/lib/schemas/training";
import { logNeed } from "@/lib/server/training/log-need";
import { cancelNeed } from "@/lib/server/training/cancel-need";

export const logNeedAction = serverAction(
  { schema: logNeedSchema, permission: ["trainingNeed", "create"], revalidate: ["/utbildning", "/kompetensplan"] },
  async (viewer, input) => {
    await logNeed(viewer, input);
  },
);

export const cancelNeedAction = serverAction(
  { schema: cancelNeedSchema, permission: ["trainingNeed", "update"], revalidate: ["/utbildning", "/kompetensplan"] },
  (viewer, input) => cancelNeed(viewer, input),
);
