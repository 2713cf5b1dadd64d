import { z } from "zod";

// Messages are catalog keys (auth.errors.*): the form translates them.
export const signInSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").email("emailInvalid").max(254),
  password: z.string().min(1, "passwordRequired").max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;
