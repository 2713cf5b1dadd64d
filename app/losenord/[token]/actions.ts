"use server";

import { publicServerAction } from "@/lib/server/action";
import { setPasswordSchema } from "@/lib/schemas/user";
import { setPasswordWithToken } from "@/lib/server/auth/passwords";

/** Nobody is signed in here: the one-time token in the input is what proves the right. */
export const setPasswordAction = publicServerAction({ schema: setPasswordSchema }, async (input) => {
  await setPasswordWithToken(input);
});
