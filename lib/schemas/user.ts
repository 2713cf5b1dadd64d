import { z } from "zod";
import { ROLES } from "@/lib/access/permissions";
import { filterText, pageNumber, PG_INT_MAX } from "./params";

// Messages are catalog keys: `users.errors.*` (full keys) or `validation.*` (short keys).
const name = z.string().trim().min(1, "users.errors.nameRequired").max(120, "tooLong");
const email = z.string().trim().toLowerCase().min(1, "users.errors.emailRequired").email("users.errors.emailInvalid").max(254, "tooLong");
const role = z.enum(ROLES, { error: "invalidChoice" });
const divisionIds = z.array(z.uuid({ error: "invalidChoice" })).max(50).default([]);
const id = z.uuid({ error: "invalid" });
const version = z.coerce.number().int().min(1).max(PG_INT_MAX);

export const createUserSchema = z.object({ name, email, role, divisionIds });
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({ id, version, name, role, divisionIds });
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({
  id,
  version,
  active: z.boolean(),
  /** The confirmation step of the form: nothing changes without it. */
  confirmed: z.literal(true, { error: "users.errors.confirmRequired" }),
});
export type SetUserActiveInput = z.input<typeof setUserActiveSchema>;

export const userListQuerySchema = z.object({
  q: filterText(100).transform((v) => v ?? ""),
  page: pageNumber,
});

export const decideGrantSchema = z.object({ id, version });
export type DecideGrantInput = z.input<typeof decideGrantSchema>;

export const passwordLinkSchema = z.object({ id });
export type PasswordLinkInput = z.input<typeof passwordLinkSchema>;

/**
 * The one strength rule for a password someone chooses (set-password link, change of
 * password): long enough to resist guessing, short enough for a passphrase manager field.
 */
export const newPassword = z
  .string()
  .min(12, "users.errors.passwordTooShort")
  .max(200, "tooLong")
  .refine((v) => new Set(v).size >= 5, "users.errors.passwordTooSimple");

export const setPasswordSchema = z
  .object({ token: z.string().min(20).max(100), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "users.errors.passwordMismatch", path: ["confirm"] });
export type SetPasswordInput = z.input<typeof setPasswordSchema>;

export const changePasswordSchema = z
  .object({ current: z.string().min(1, "passwordRequired").max(200), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "users.errors.passwordMismatch", path: ["confirm"] });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
