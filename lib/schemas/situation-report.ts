import { z } from "zod";
import { ENVIRONMENTS } from "@/lib/situation-reports/figures";
import { filterDate, pageNumber, PG_INT_MAX } from "./params";
import { guardedText } from "@/lib/validation/personal-data";

// Shared by the report's forms (zodResolver) and their Server Actions (serverAction).
// Messages are catalog keys: `reports.errors.*` as they stand, bare ones under `validation`.
// Every free text of a report passes the personal-data guard: a report describes
// environments, never a person.

const id = z.uuid({ error: "invalid" });
const expectedVersion = z.coerce.number().int().min(1).max(PG_INT_MAX);
const date = z.iso.date({ error: "invalidDate" }).refine((v) => v >= "2000-01-01" && v <= "2999-12-31", "invalidDate");

export const createReportSchema = z
  .object({
    title: guardedText({ max: 200, required: true }),
    periodStart: date,
    periodEnd: date,
  })
  .refine((r) => r.periodEnd >= r.periodStart, { path: ["periodEnd"], message: "reports.errors.periodOrder" })
  // A year at most: the previous period of the same length is the trend's baseline.
  .refine((r) => Date.parse(r.periodEnd) - Date.parse(r.periodStart) <= 366 * 86_400_000, { path: ["periodEnd"], message: "reports.errors.periodTooLong" });
export type CreateReportInput = z.input<typeof createReportSchema>;

export const sectionSchema = z.object({
  environment: z.enum(ENVIRONMENTS, { error: "invalidChoice" }),
  summary: guardedText({ max: 4000 }),
  presence: guardedText({ max: 4000 }),
  activities: guardedText({ max: 4000 }),
});

export const updateReportSchema = z.object({
  id,
  expectedVersion,
  title: guardedText({ max: 200, required: true }),
  trends: guardedText({ max: 4000 }),
  assessment: guardedText({ max: 8000 }),
  recommendedMeasures: guardedText({ max: 8000 }),
  sections: z.array(sectionSchema).max(ENVIRONMENTS.length),
});
export type UpdateReportInput = z.input<typeof updateReportSchema>;

export const reportEntrySchema = z.object({ reportId: id, entryId: id, expectedVersion, include: z.boolean() });
export type ReportEntryInput = z.input<typeof reportEntrySchema>;

export const finalizeReportSchema = z.object({
  id,
  expectedVersion,
  /** The confirmation step: a final report can no longer be changed. */
  confirmed: z.literal(true, { error: "reports.errors.confirmRequired" }),
});
export type FinalizeReportInput = z.input<typeof finalizeReportSchema>;

export const deleteReportSchema = z.object({
  id,
  expectedVersion,
  confirmed: z.literal(true, { error: "reports.errors.confirmRequired" }),
});

export const shareReportSchema = z.object({
  reportId: id,
  recipient: guardedText({ max: 200, required: true }),
  sharedOn: date,
  legalBasisId: z.uuid({ error: "reports.errors.legalBasisRequired" }),
  note: guardedText({ max: 2000 }),
});
export type ShareReportInput = z.input<typeof shareReportSchema>;

export const legalBasisSchema = z.object({
  /** The basis being edited; "" for a new one. */
  id: z.union([z.uuid(), z.literal("")]),
  expectedVersion: z.coerce.number().int().min(0).max(PG_INT_MAX),
  label: z.string().trim().min(1, "required").max(200, "tooLong"),
  note: z.string().trim().max(1000, "tooLong"),
  toBeCheckedByLawyer: z.boolean(),
  active: z.boolean(),
});
export type LegalBasisInput = z.input<typeof legalBasisSchema>;

/** The reports list's URL. */
export const reportListSchema = z.object({ page: pageNumber });

/** The new-report page's suggested period, from its URL (`?fran=&till=`). */
export const newReportQuerySchema = z.object({ fran: filterDate, till: filterDate });
