"use server";

import { serverAction } from "@/lib/server/action";
import { recommendationMeasureSchema, updateRecommendationSchema } from "@/lib/schemas/recommendations";
import { updateRecommendation } from "@/lib/server/recommendations/update-recommendation";
import { linkMeasure, unlinkMeasure } from "@/lib/server/recommendations/link-measure";

const revalidate = [{ path: "/rekommendationer", type: "layout" as const }, { path: "/insatser", type: "layout" as const }];

export const updateRecommendationAction = serverAction(
  { schema: updateRecommendationSchema, permission: ["recommendation", "update"], revalidate },
  (viewer, input) => updateRecommendation(viewer, input),
);

export const linkMeasureAction = serverAction(
  { schema: recommendationMeasureSchema, permission: ["recommendation", "update"], revalidate },
  (viewer, input) => linkMeasure(viewer, input),
);

export const unlinkMeasureAction = serverAction(
  { schema: recommendationMeasureSchema, permission: ["recommendation", "update"], revalidate },
  (viewer, input) => unlinkMeasure(viewer, input),
);
