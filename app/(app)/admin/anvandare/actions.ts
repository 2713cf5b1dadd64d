"use server";

import { serverAction } from "@/lib/server/action";
import { createUserSchema, decideGrantSchema, passwordLinkSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { createUser } from "@/lib/server/users/create-user";
import { updateUser } from "@/lib/server/users/update-user";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { approveGrant, rejectGrant } from "@/lib/server/users/grant-requests";
import { issuePasswordLink } from "@/lib/server/users/issue-password-link";

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

/**
 * Coordinator only (`user.approve`).
 * No revalidation: re-rendering the page would unmount the form before it shows the one-time link.
 */
export const approveGrantAction = serverAction(
  { schema: decideGrantSchema, permission: ["user", "approve"] },
  (viewer, input) => approveGrant(viewer, input),
);

export const rejectGrantAction = serverAction(
  { schema: decideGrantSchema, permission: ["user", "approve"], revalidate: ["/admin/anvandare"] },
  (viewer, input) => rejectGrant(viewer, input),
);

export const issuePasswordLinkAction = serverAction(
  { schema: passwordLinkSchema, permission: ["user", "update"] },
  (viewer, input) => issuePasswordLink(viewer, input),
);
