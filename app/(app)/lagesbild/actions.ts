"use server";

import { serverAction } from "@/lib/server/action";
import { createEntrySchema, entryStepSchema, reviewEntrySchema, updateEntrySchema } from "@/lib/schemas/situation-entry";
import { createSituationEntry } from "@/lib/server/situation/create-entry";
import { updateSituationEntry } from "@/lib/server/situation/update-entry";
import { archiveSituationEntry, deleteSituationEntry, reviewSituationEntry, submitSituationEntry } from "@/lib/server/situation/workflow-steps";

// The situation entry's Server Actions: nothing but the wrapper around the use cases, which
// check the caller's scope again (another division's entry is "not found").
const revalidate = [{ path: "/lagesbild", type: "layout" as const }];

export const createEntryAction = serverAction(
  { schema: createEntrySchema, permission: ["situationEntry", "create"], revalidate },
  (viewer, input) => createSituationEntry(viewer, input),
);

export const updateEntryAction = serverAction(
  { schema: updateEntrySchema, permission: ["situationEntry", "update"], revalidate },
  (viewer, input) => updateSituationEntry(viewer, input),
);

export const submitEntryAction = serverAction(
  { schema: entryStepSchema, permission: ["situationEntry", "submit"], revalidate },
  (viewer, input) => submitSituationEntry(viewer, input),
);

export const reviewEntryAction = serverAction(
  { schema: reviewEntrySchema, permission: ["situationEntry", "review"], revalidate },
  (viewer, input) => reviewSituationEntry(viewer, input),
);

export const archiveEntryAction = serverAction(
  { schema: entryStepSchema, permission: ["situationEntry", "review"], revalidate },
  (viewer, input) => archiveSituationEntry(viewer, input),
);

export const deleteEntryAction = serverAction(
  { schema: entryStepSchema, permission: ["situationEntry", "delete"], revalidate },
  (viewer, input) => deleteSituationEntry(viewer, input),
);
