"use server";

import { serverAction } from "@/lib/server/action";
import { actionItemProgressSchema, createActionItemSchema, editActionItemSchema } from "@/lib/schemas/network";
import { createActionItem } from "@/lib/server/network/create-action-item";
import { editActionItem, reportActionItemProgress } from "@/lib/server/network/edit-action-item";

const REVALIDATE = [{ path: "/atgarder", type: "layout" as const }, { path: "/natverk", type: "layout" as const }, "/oversikt"];

export const createActionItemAction = serverAction(
  { schema: createActionItemSchema, permission: ["actionItem", "create"], revalidate: REVALIDATE },
  (viewer, input) => createActionItem(viewer, input),
);

/** Redefining an item is for whoever may create items (the use case checks `create` too). */
export const editActionItemAction = serverAction(
  { schema: editActionItemSchema, permission: ["actionItem", "create"], revalidate: REVALIDATE },
  (viewer, input) => editActionItem(viewer, input),
);

export const reportActionItemProgressAction = serverAction(
  { schema: actionItemProgressSchema, permission: ["actionItem", "update"], revalidate: REVALIDATE },
  (viewer, input) => reportActionItemProgress(viewer, input),
);
