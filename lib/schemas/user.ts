import { z } from "zod";
import { ROLES } from "@/lib/access/permissions";
import { filterText, pageNumber } from "./params";

// Messages are catalog keys: `users.errors.*` (full keys) or `validation.*` (short keys).
const name = z.string().trim().min(1, "users.errors.nameRequired").max(120, "tooLong");
const email = z.string().trim().toLowerCase().min(1, "users.errors.emailRequired").email("users.errors.emailInvalid").max(254, "tooLong");
const role = z.enum(ROLES, { error: "invalidChoice" });
const divisionIds = z.array(z.uuid({ error: "invalidChoice" })).max(50).default([]);
const id = z.uuid({ error: "invalid" });
const version = z.coerce.number().int().min(1);

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
