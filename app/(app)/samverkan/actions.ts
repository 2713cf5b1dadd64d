"use server";

import { serverAction } from "@/lib/server/action";
import {
  addPartnerContactSchema, createPartnerSchema, removePartnerContactSchema, updatePartnerContactSchema, updatePartnerSchema,
  verifyPartnerContactSchema,
} from "@/lib/schemas/network";
import { createPartner, updatePartner } from "@/lib/server/partners/create-partner";
import { addPartnerContact, removePartnerContact, updatePartnerContact, verifyPartnerContact } from "@/lib/server/partners/partner-contacts";

const PARTNERS = { path: "/samverkan", type: "layout" as const };

export const createPartnerAction = serverAction(
  { schema: createPartnerSchema, permission: ["partner", "create"], revalidate: ["/samverkan"] },
  (viewer, input) => createPartner(viewer, input),
);

export const updatePartnerAction = serverAction(
  { schema: updatePartnerSchema, permission: ["partner", "update"], revalidate: [PARTNERS] },
  (viewer, input) => updatePartner(viewer, input),
);

export const addPartnerContactAction = serverAction(
  { schema: addPartnerContactSchema, permission: ["partner", "update"], revalidate: [PARTNERS] },
  (viewer, input) => addPartnerContact(viewer, input),
);

export const updatePartnerContactAction = serverAction(
  { schema: updatePartnerContactSchema, permission: ["partner", "update"], revalidate: [PARTNERS] },
  (viewer, input) => updatePartnerContact(viewer, input),
);

export const verifyPartnerContactAction = serverAction(
  { schema: verifyPartnerContactSchema, permission: ["partner", "update"], revalidate: [PARTNERS] },
  (viewer, input) => verifyPartnerContact(viewer, input, new Date()),
);

export const removePartnerContactAction = serverAction(
  { schema: removePartnerContactSchema, permission: ["partner", "update"], revalidate: [PARTNERS] },
  (viewer, input) => removePartnerContact(viewer, input),
);
