import { z } from "zod";
import { filterText, pageNumber } from "./params";
import { guardedText } from "@/lib/validation/personal-data";

// Messages are catalog keys: `measures.errors.*` (full keys) or `validation.*` (short keys).
export const PREVENTION_LEVELS = ["GENERAL", "SPECIFIC", "INDIVIDUAL"] as const;
export const MEASURE_STATUSES = ["PLANNED", "ONGOING", "COMPLETED", "PAUSED", "CANCELLED"] as const;
export const INVESTIGATION_STATUSES = ["NOT_STARTED", "ONGOING", "COMPLETED"] as const;

/** A calendar date from a date field, `YYYY-MM-DD`, in years both the database and JavaScript write alike. */
export const dateField = z.iso.date({ error: "invalidDate" }).refine((v) => v >= "1900-01-01" && v <= "2999-12-31", "invalidDate");
// A union's own message is what a refusal shows (zod reports the union, not its branches).
const optionalDate = z.union([z.literal(""), dateField], { error: "invalidDate" }).default("");
const optionalId = z.union([z.literal(""), z.uuid({ error: "invalidChoice" })], { error: "invalidChoice" }).default("");
const id = z.uuid({ error: "invalid" });
const version = z.coerce.number().int().min(1).max(2_147_483_647);
/** A checkbox: a boolean from the form kit, "on"/"true" from a plain form. */
const checkbox = z.union([z.boolean(), z.enum(["on", "true", "false", ""])]).default(false).transform((v) => v === true || v === "on" || v === "true");

// The measure's free text describes what is done for which group, never a person: an
// individinriktad insats is exactly where a name's details could be typed (decision 020).
const prose = (max: number) => guardedText({ max }).default("");

const measureFields = z.object({
  title: guardedText({ max: 200, required: true }),
  ownerDivisionId: z.uuid({ error: "measures.errors.divisionRequired" }),
  level: z.enum(PREVENTION_LEVELS, { error: "measures.errors.levelUnknown" }),
  status: z.enum(MEASURE_STATUSES, { error: "invalidChoice" }),
  targetGroup: guardedText({ max: 200, required: true }),
  description: prose(5000),
  responsibleUserId: optionalId,
  resources: prose(2000),
  genderPerspective: prose(2000),
  planSectionId: optionalId,
  isSpecial: checkbox,
  investigationStatus: z.union([z.literal(""), z.enum(INVESTIGATION_STATUSES, { error: "invalidChoice" })], { error: "invalidChoice" }).default(""),
  startDate: optionalDate,
  endDate: optionalDate,
  nextReviewDate: dateField,
});

/** The period must run forwards; a special measure says where its investigation stands. */
function measureRules<T extends z.infer<typeof measureFields>>(v: T, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: "custom", message: "measures.errors.endBeforeStart", path: ["endDate"] });
  }
  if (v.isSpecial && !v.investigationStatus) {
    ctx.addIssue({ code: "custom", message: "measures.errors.investigationRequired", path: ["investigationStatus"] });
  }
}

export const createMeasureSchema = measureFields.superRefine(measureRules);
export type CreateMeasureInput = z.input<typeof createMeasureSchema>;
export type MeasureValues = z.output<typeof createMeasureSchema>;

export const updateMeasureSchema = measureFields.extend({ id, version }).superRefine(measureRules);
export type UpdateMeasureInput = z.input<typeof updateMeasureSchema>;

export const deleteMeasureSchema = z.object({
  id,
  version,
  /** The confirmation step: nothing is deleted without it. */
  confirmed: z.literal(true, { error: "measures.errors.confirmRequired" }),
});

/** A situation-report finding (the report, or one environment's section) that motivates a measure. */
export const linkFindingSchema = z.object({
  measureId: id,
  reportId: z.uuid({ error: "measures.errors.reportRequired" }),
  sectionId: optionalId,
  note: prose(500),
});
export const unlinkFindingSchema = z.object({ id });

/** The measures list's filters, from its URL (a GET form: works without JavaScript). */
export const measureFilterSchema = z.object({
  level: z.enum(PREVENTION_LEVELS).optional().catch(undefined),
  status: z.enum(MEASURE_STATUSES).optional().catch(undefined),
  division: z.uuid().optional().catch(undefined),
  special: z.enum(["ja"]).optional().catch(undefined),
  overdue: z.enum(["ja"]).optional().catch(undefined),
  q: filterText(100),
  page: pageNumber,
});
export type MeasureFilter = z.infer<typeof measureFilterSchema>;
