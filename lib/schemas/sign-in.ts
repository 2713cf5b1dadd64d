import { z } from "zod";

// Messages are catalog keys (auth.errors.*): the form translates them with messageText.
export const signInSchema = z.object({
  email: z.string().trim().min(1, "auth.errors.emailRequired").email("auth.errors.emailInvalid").max(254, "tooLong"),
  password: z.string().min(1, "auth.errors.passwordRequired").max(200, "tooLong"),
});
export type SignInInput = z.infer<typeof signInSchema>;
