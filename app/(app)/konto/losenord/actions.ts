"use server";

import { serverAction } from "@/lib/server/action";
import { changePasswordSchema } from "@/lib/schemas/user";
import { changeOwnPassword } from "@/lib/server/auth/passwords";
import { currentSessionId } from "@/lib/server/auth/viewer";

/** Every signed-in user's own password; the current one is required (checked in the use case). */
export const changePasswordAction = serverAction(
  { schema: changePasswordSchema, permission: "signedIn" },
  async (viewer, input) => {
    const sessionId = await currentSessionId();
    await changeOwnPassword(viewer, sessionId ?? "", input);
  },
);
