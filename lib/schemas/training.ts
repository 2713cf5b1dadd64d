import { z } from "zod";
import { pageNumber, PG_INT_MAX } from "./params";
import { guardedText } from "@/lib/validation/personal-data";

// Training needs, the competence plan, its events and attendance (issue 10). One schema per
// form, shared by the browser (zodResolver) and the Server Action. Messages are catalog keys:
// `training.errors.*` (full keys) or `validation.*` (short keys). Rules that need "today"
// (a wanted-by date in the past) are the use case's, with today injected.

export const TRAINING_LEVELS = ["BASIC", "ADVANCED"] as const;
export const PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;
export const NEED_STATUSES = ["REGISTERED", "PLANNED", "MET", "CANCELLED"] as const;
export const ATTENDEE_GROUPS = ["STAFF", "MANAGERS", "ELECTED_OFFICIALS"] as const;

/** The most people one need, event or attendance row can count: a municipality's whole staff. */
export const MAX_HEADCOUNT = 100_000;

const id = z.uuid({ error: "invalid" });
const choice = z.uuid({ error: "invalidChoice" });
const version = z.coerce.number().int().min(1).max(PG_INT_MAX);
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Free text: trimmed, at most `max` characters, no control characters (line breaks allowed). */
const text = (max: number) => z.string().trim().max(max, "tooLong").refine((v) => !CONTROL.test(v), "invalid");
const requiredText = (max: number) => text(max).pipe(z.string().min(1, "required"));
/** A calendar date `YYYY-MM-DD` that exists, in years both JavaScript and PostgreSQL write alike. */
const isoDate = z.iso.date({ error: "invalidDate" }).refine((v) => v >= "2000-01-01" && v <= "2999-12-31", "invalidDate");
/** A date-time from `<input type="datetime-local">` (`YYYY-MM-DDTHH:mm`), read as Stockholm wall time by the use case. */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "invalidDate")
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)) && v >= "2000-01-01" && v <= "2999-12-31", "invalidDate");
const count = (min: number) =>
  z.coerce
    .number({ error: "invalidNumber" })
    .int("training.errors.wholeNumber")
    .min(min, min > 0 ? "training.errors.headcountPositive" : "training.errors.notNegative")
    .max(MAX_HEADCOUNT, "training.errors.tooMany");

export const logNeedSchema = z.object({
  divisionId: choice,
  staffCategoryId: choice,
  level: z.enum(TRAINING_LEVELS, { error: "invalidChoice" }),
  headcount: count(1),
  material: guardedText({ max: 200 }),
  priority: z.enum(PRIORITIES, { error: "invalidChoice" }),
  wantedBy: isoDate,
  // Free text about a group of staff: the personal-data guard stops a name's contact details or identity number.
  comment: guardedText({ max: 2000 }),
});
export type LogNeedInput = z.input<typeof logNeedSchema>;

export const cancelNeedSchema = z.object({
  id,
  version,
  confirmed: z.literal(true, { error: "training.errors.confirmRequired" }),
});
export type CancelNeedInput = z.input<typeof cancelNeedSchema>;

/** `/utbildning?division=&level=&kategori=&status=&page=`: an impossible value is no filter. */
export const needFilterSchema = z.object({
  division: z.uuid().optional().catch(undefined),
  kategori: z.uuid().optional().catch(undefined),
  level: z.enum(TRAINING_LEVELS).optional().catch(undefined),
  status: z.enum(NEED_STATUSES).optional().catch(undefined),
  page: pageNumber,
});
export type NeedFilter = z.output<typeof needFilterSchema>;

const year = z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(2000, "training.errors.year").max(2100, "training.errors.year");

export const createPlanSchema = z.object({
  year,
  title: requiredText(200),
  goals: guardedText({ max: 4000 }),
});
export type CreatePlanInput = z.input<typeof createPlanSchema>;

/** `/kompetensplan?ar=2026&version=2&page=3`: a year out of range falls back to the current one;
 * `page` is the page of the needs list. */
export const planQuerySchema = z.object({
  ar: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2000).max(2100)).optional().catch(undefined),
  version: z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1)).optional().catch(undefined),
  page: pageNumber,
});

const idList = z.array(choice).max(200).default([]);

export const eventSchema = z
  .object({
    planId: id,
    /** Present when an existing event is edited, with the version the form was based on. */
    id: id.optional(),
    version: version.optional(),
    title: requiredText(200),
    level: z.enum(TRAINING_LEVELS, { error: "invalidChoice" }),
    startsAt: localDateTime,
    provider: requiredText(200),
    location: text(200),
    capacity: count(1),
    material: text(200),
    description: guardedText({ max: 2000 }),
    targetStaffCategoryIds: idList,
    targetDivisionIds: idList,
    needIds: idList,
  })
  .refine((v) => (v.id === undefined) === (v.version === undefined), { path: ["version"], message: "invalid" });
export type EventInput = z.input<typeof eventSchema>;

/** Cancelling a planned event: the version the page showed, after a confirmation step. */
export const cancelEventSchema = z.object({
  id,
  version,
  confirmed: z.literal(true, { error: "training.errors.confirmRequired" }),
});
export type CancelEventInput = z.input<typeof cancelEventSchema>;

const attendanceRow = z.object({
  group: z.enum(ATTENDEE_GROUPS, { error: "invalidChoice" }),
  /** Staff rows name a category; managers' and elected officials' rows do not. */
  staffCategoryId: z.union([choice, z.literal("")]).default(""),
  registered: count(0),
  attended: count(0),
});

export const attendanceSchema = z
  .object({
    eventId: id,
    divisionId: choice,
    rows: z.array(attendanceRow).max(100),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.rows.forEach((row, i) => {
      if (row.group === "STAFF" && !row.staffCategoryId) {
        ctx.addIssue({ code: "custom", path: ["rows", i, "staffCategoryId"], message: "training.errors.categoryRequired" });
      }
      if (row.attended > row.registered && row.registered > 0) {
        ctx.addIssue({ code: "custom", path: ["rows", i, "attended"], message: "training.errors.attendedOverRegistered" });
      }
      const key = `${row.group}:${row.group === "STAFF" ? row.staffCategoryId : ""}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["rows", i, "staffCategoryId"], message: "training.errors.duplicateRow" });
      seen.add(key);
    });
  });
export type AttendanceInput = z.input<typeof attendanceSchema>;

export const approvePlanSchema = z.object({
  planId: id,
  version,
  confirmed: z.literal(true, { error: "training.errors.confirmRequired" }),
});
export type ApprovePlanInput = z.input<typeof approvePlanSchema>;

export const exportQuerySchema = z.object({
  ar: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2000).max(2100)),
  format: z.enum(["xlsx", "pdf"]),
  version: z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1)).optional(),
});

