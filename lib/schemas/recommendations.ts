import { z } from "zod";

export const RECOMMENDATION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "FULFILLED", "NOT_APPLICABLE"] as const;

const text = (max: number) => z.string().trim().max(max, "tooLong");
const optionalId = z.union([z.literal(""), z.uuid({ error: "invalidChoice" })], { error: "invalidChoice" }).default("");
const id = z.uuid({ error: "invalid" });
const version = z.coerce.number().int().min(1).max(2_147_483_647);
const checkbox = z.union([z.boolean(), z.enum(["on", "true", "false", ""])]).default(false).transform((v) => v === true || v === "on" || v === "true");

export const updateRecommendationSchema = z.object({
  id,
  version,
  title: text(300).min(1, "required"),
  description: text(5000).default(""),
  /** Unticked when the coordinator has entered the official wording. */
  isParaphrase: checkbox,
  status: z.enum(RECOMMENDATION_STATUSES, { error: "invalidChoice" }),
  evidence: text(5000).default(""),
  planSectionId: optionalId,
  responsibleUserId: optionalId,
  dueDate: z.union([z.literal(""), z.iso.date({ error: "invalidDate" })], { error: "invalidDate" }).default(""),
});
export type UpdateRecommendationInput = z.input<typeof updateRecommendationSchema>;

/** A measure answers a recommendation (or no longer does). */
export const recommendationMeasureSchema = z.object({
  recommendationId: id,
  measureId: z.uuid({ error: "recommendations.errors.measureRequired" }),
});
