"use server";

import { serverAction } from "@/lib/server/action";
import { createUserSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { createUser } from "@/lib/server/users/create-user";
import { updateUser } from "@/lib/server/users/update-user";
import { setUserActive } from "@/lib/server/users/set-user-active";

export const createUserAction = serverAction(
  { schema: createUserSchema, permission: ["user", "create"], revalidate: ["/admin/anvandare"] },
  (viewer, input) => createUser(viewer, input),
);

export const updateUserAction = serverAction(
  { schema: updateUserSchema, permission: ["user", "update"], revalidate: ["/admin/anvandare"] },
  (viewer, input) => updateUser(viewer, input),
);

export const setUserActiveAction = serverAction(
  { schema: setUserActiveSchema, permission: ["user", "update"], revalidate: ["/admin/anvandare"] },
  (viewer, input) => setUserActive(viewer, input),
);
