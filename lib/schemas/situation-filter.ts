import { z } from "zod";
import { pageNumber } from "./params";

export const ENVIRONMENTS = ["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"] as const;
export const ENTRY_STATUSES = ["DRAFT", "SUBMITTED", "REVIEWED", "ARCHIVED"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** The situation list's filters, from its URL (a GET form: works without JavaScript). */
export const situationFilterSchema = z.object({
  environment: optionalEnum(ENVIRONMENTS),
  status: optionalEnum(ENTRY_STATUSES),
  page: pageNumber,
});
export type SituationFilter = z.infer<typeof situationFilterSchema>;
