"use server";

import { serverAction } from "@/lib/server/action";
import { createMeasureSchema, deleteMeasureSchema, linkFindingSchema, unlinkFindingSchema, updateMeasureSchema } from "@/lib/schemas/measures";
import { createMeasure } from "@/lib/server/measures/create-measure";
import { updateMeasure } from "@/lib/server/measures/update-measure";
import { deleteMeasure } from "@/lib/server/measures/delete-measure";
import { linkFinding, unlinkFinding } from "@/lib/server/measures/findings";

const revalidate = [{ path: "/insatser", type: "layout" as const }, { path: "/rekommendationer", type: "layout" as const }];

export const createMeasureAction = serverAction(
  { schema: createMeasureSchema, permission: ["measure", "create"], revalidate },
  (viewer, input) => createMeasure(viewer, input),
);

export const updateMeasureAction = serverAction(
  { schema: updateMeasureSchema, permission: ["measure", "update"], revalidate },
  (viewer, input) => updateMeasure(viewer, input),
);

export const deleteMeasureAction = serverAction(
  { schema: deleteMeasureSchema, permission: ["measure", "delete"], revalidate },
  (viewer, input) => deleteMeasure(viewer, input),
);

/** Report findings are the coordinator's: the use case also needs `situationReport.read`. */
export const linkFindingAction = serverAction(
  { schema: linkFindingSchema, permission: ["measure", "update"], revalidate },
  (viewer, input) => linkFinding(viewer, input),
);

export const unlinkFindingAction = serverAction(
  { schema: unlinkFindingSchema, permission: ["measure", "update"], revalidate },
  (viewer, input) => unlinkFinding(viewer, input),
);
