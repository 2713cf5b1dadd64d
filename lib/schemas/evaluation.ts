import { z } from "zod";

/** A year in the URL or a form: the evaluation's year. */
export const evaluationYear = z.coerce.number().int().min(2000).max(2999);

export const evaluationQuerySchema = z.object({
  ar: evaluationYear.optional().catch(undefined),
});

/** The coordinator's text per plan section (`"1"` … `"7"`), saved as a draft. */
export const saveEvaluationSchema = z.object({
  year: evaluationYear,
  /** 0 when no draft has been saved yet. */
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  texts: z.record(z.string().regex(/^\d{1,2}$/), z.string().trim().max(10_000, "tooLong")).default({}),
});
export type SaveEvaluationInput = z.input<typeof saveEvaluationSchema>;

export const issueEvaluationSchema = z.object({
  year: evaluationYear,
  version: z.coerce.number().int().min(1).max(2_147_483_647),
  confirmed: z.literal(true, { error: "evaluation.errors.confirmRequired" }),
});
