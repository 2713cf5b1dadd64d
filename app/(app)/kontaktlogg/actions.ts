"use server";

import { serverAction } from "@/lib/server/action";
import { contactSchema, deleteContactSchema } from "@/lib/schemas/contact-log";
import { deleteContact, saveContact } from "@/lib/server/contact-log/contacts";

const LOG = { path: "/kontaktlogg", type: "layout" as const };

export const saveContactAction = serverAction(
  { schema: contactSchema, permission: ["contactLog", "create"], revalidate: [LOG] },
  (viewer, input) => saveContact(viewer, input),
);

export const deleteContactAction = serverAction(
  { schema: deleteContactSchema, permission: ["contactLog", "delete"], revalidate: [LOG] },
  async (viewer, input) => {
    await deleteContact(viewer, input);
  },
);
