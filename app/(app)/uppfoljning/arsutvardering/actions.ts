"use server";

import { serverAction } from "@/lib/server/action";
import { issueEvaluationSchema, saveEvaluationSchema } from "@/lib/schemas/evaluation";
import { issueEvaluation, saveEvaluationTexts } from "@/lib/server/evaluation/evaluation";
import { startOfTodayUtc } from "@/lib/dates";

export const saveEvaluationAction = serverAction(
  { schema: saveEvaluationSchema, permission: ["evaluation", "update"], revalidate: ["/uppfoljning/arsutvardering"] },
  (viewer, input) => saveEvaluationTexts(viewer, input),
);

export const issueEvaluationAction = serverAction(
  { schema: issueEvaluationSchema, permission: ["evaluation", "finalize"], revalidate: ["/uppfoljning/arsutvardering"] },
  (viewer, input) => issueEvaluation(viewer, input, startOfTodayUtc()),
);
