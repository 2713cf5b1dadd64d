import { z } from "zod";
import { guardedText } from "@/lib/validation/personal-data";
import { PG_INT_MAX } from "./params";
import { ENVIRONMENTS } from "./situation-filter";

// The situation entry's form and workflow steps: one schema each, checked in the browser
// (react-hook-form) and again in the Server Action. Messages are catalog keys.

export const ACTIVITY_TYPES = ["PROPAGANDA", "RECRUITMENT", "GATHERING", "THREAT", "VIOLENCE", "ONLINE", "TRAVEL_TO_CONFLICT_ZONE", "OTHER"] as const;
export const SOURCES = ["POLICE", "SCHOOL", "SOCIAL_SERVICES", "LEISURE", "CIVIL_SOCIETY", "OPEN_SOURCES"] as const;
export const RELIABILITIES = ["CONFIRMED", "PROBABLE", "POSSIBLE", "UNCONFIRMED"] as const;

export const DESCRIPTION_MAX = 4000;
export const GENDER_PERSPECTIVE_MAX = 2000;
export const REVIEW_COMMENT_MAX = 2000;

/** Free text of the situation picture: trimmed, bounded, and refused when it holds personal
 * data (personal identity or co-ordination number, e-mail, phone) — the shared guard. */
const freeText = guardedText;

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "invalidChoice" });
const id = z.uuid({ error: "invalid" });
const version = z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(PG_INT_MAX, "invalid");

/** The fields a network member fills in. `districtId` "" is the whole municipality. */
export const entryFieldsSchema = z.object({
  observedOn: z.iso
    .date({ error: "invalidDate" })
    .refine((v) => v >= "1900-01-01" && v <= "2999-12-31", "invalidDate"),
  // No transform: the Server Action parses the form's own output again (lib/server/action.ts).
  districtId: z.union([z.literal(""), z.uuid({ error: "invalidChoice" })], { error: "invalidChoice" }),
  environment: choice(ENVIRONMENTS),
  activityType: choice(ACTIVITY_TYPES),
  source: choice(SOURCES),
  reliability: choice(RELIABILITIES),
  genderPerspective: freeText({ max: GENDER_PERSPECTIVE_MAX, required: true }),
  description: freeText({ max: DESCRIPTION_MAX, required: true }),
});

export const createEntrySchema = entryFieldsSchema.extend({ divisionId: z.uuid({ error: "invalidChoice" }) });
export type CreateEntryInput = z.output<typeof createEntrySchema>;

/** An edit names the version it started from (optimistic concurrency). */
export const updateEntrySchema = entryFieldsSchema.extend({ id, version });
export type UpdateEntryInput = z.output<typeof updateEntrySchema>;

/** A workflow step without fields (submit, archive, delete): which entry, at which version. */
export const entryStepSchema = z.object({ id, version });
export type EntryStepInput = z.output<typeof entryStepSchema>;

/** The coordinator's review: accept it, or return it to its author — with a comment. */
export const reviewEntrySchema = z
  .object({
    id,
    version,
    decision: z.enum(["accept", "return"], { error: "invalidChoice" }),
    comment: freeText({ max: REVIEW_COMMENT_MAX, required: false }),
  })
  .refine((v) => v.decision === "accept" || v.comment.length > 0, { path: ["comment"], message: "entries.errors.returnNeedsComment" });
export type ReviewEntryInput = z.output<typeof reviewEntrySchema>;
