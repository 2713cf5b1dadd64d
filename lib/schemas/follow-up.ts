import { z } from "zod";
import { dateField } from "./measures";
import { guardedText } from "@/lib/validation/personal-data";

export const ASSESSMENTS = ["ON_TRACK", "AT_RISK", "OFF_TRACK"] as const;
export const FOLLOW_UP_STATUSES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "REVIEWED"] as const;

const text = (max: number) => z.string().trim().max(max, "tooLong");
const id = z.uuid({ error: "invalid" });
const version = z.coerce.number().int().min(1).max(2_147_483_647);
/** Follow-up comments report on measures and groups, never on a person (decision 020). */
const prose = (max: number) => guardedText({ max }).default("");
// A union's own message is what a refusal shows (zod reports the union, not its branches).
const optionalAssessment = z.union([z.literal(""), z.enum(ASSESSMENTS, { error: "invalidChoice" })], { error: "invalidChoice" }).default("");

/** The coordinator opens a cycle, e.g. "VT 2027", with its period and due date. */
export const openCycleSchema = z
  .object({
    title: text(100).min(1, "required"),
    periodStart: dateField,
    periodEnd: dateField,
    dueDate: dateField,
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd < v.periodStart) ctx.addIssue({ code: "custom", message: "followUp.errors.endBeforeStart", path: ["periodEnd"] });
  });
export type OpenCycleInput = z.input<typeof openCycleSchema>;

/** One line of a follow-up as the division fills it in. */
export const followUpItemSchema = z.object({
  id,
  /** The status in the vocabulary of the line's kind (measure, training need, action item), checked by the use case. */
  reportedStatus: z.union([z.literal(""), z.string().regex(/^[A-Z_]{2,20}$/, "invalidChoice")], { error: "invalidChoice" }).default(""),
  assessment: optionalAssessment,
  comment: prose(2000),
});

export const saveFollowUpSchema = z.object({
  id,
  version,
  assessment: optionalAssessment,
  comment: prose(5000),
  genderPerspective: prose(3000),
  items: z.array(followUpItemSchema).max(500).default([]),
  /** Save and send to the coordinator in one step. */
  submit: z.boolean().default(false),
});
export type SaveFollowUpInput = z.input<typeof saveFollowUpSchema>;

/** The coordinator's review: approve, or return with a comment saying what is missing. */
export const reviewFollowUpSchema = z
  .object({
    id,
    version,
    decision: z.enum(["approve", "return"], { error: "invalidChoice" }),
    reviewComment: prose(3000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && !v.reviewComment) ctx.addIssue({ code: "custom", message: "followUp.errors.returnCommentRequired", path: ["reviewComment"] });
  });
export type ReviewFollowUpInput = z.input<typeof reviewFollowUpSchema>;

/**
 * The coordinator closes a cycle. `confirmed` is needed only while some follow-ups are not
 * approved (the use case counts them); closing a fully approved cycle needs no second step.
 */
export const closeCycleSchema = z.object({
  id,
  version,
  confirmed: z.boolean().default(false),
});
export type CloseCycleInput = z.input<typeof closeCycleSchema>;
