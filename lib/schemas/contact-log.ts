import { z } from "zod";
import { AGE_BANDS, CHANNELS, ENVIRONMENTS, GENDERS, REFERRALS, REQUESTERS } from "@/lib/situation-reports/figures";
import { filterDate, pageNumber, PG_INT_MAX } from "./params";
import { guardedText } from "@/lib/validation/personal-data";

// The anonymous contact log ("every contact counts"): what kind of contact, never who. The
// note passes the personal-data guard like every situation-picture text.

const date = z.iso.date({ error: "invalidDate" }).refine((v) => v >= "2000-01-01" && v <= "2999-12-31", "invalidDate");
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "invalidChoice" });

const fields = {
  divisionId: z.uuid({ error: "contactLog.errors.divisionRequired" }),
  contactedOn: date,
  channel: choice(CHANNELS),
  requester: choice(REQUESTERS),
  /** "" when the environment is not known. */
  environment: z.union([choice(ENVIRONMENTS), z.literal("")]),
  gender: choice(GENDERS),
  ageBand: choice(AGE_BANDS),
  referral: choice(REFERRALS),
  note: guardedText({ max: 2000 }),
};

/** A new contact (`id` "", version 0) or an edit of one (its id and the version the form started from). */
export const contactSchema = z.object({
  ...fields,
  id: z.union([z.uuid(), z.literal("")]),
  expectedVersion: z.coerce.number().int().min(0).max(PG_INT_MAX),
});
export type ContactInput = z.input<typeof contactSchema>;

export const deleteContactSchema = z.object({
  id: z.uuid(),
  expectedVersion: z.coerce.number().int().min(1).max(PG_INT_MAX),
  confirmed: z.literal(true, { error: "contactLog.errors.confirmRequired" }),
});

/** The list's filters, from its URL (a GET form: works without JavaScript). */
export const contactFilterSchema = z.object({
  fran: filterDate,
  till: filterDate,
  division: z.uuid().optional().catch(undefined),
  page: pageNumber,
});
export type ContactFilter = z.infer<typeof contactFilterSchema>;
