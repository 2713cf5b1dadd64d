import { z } from "zod";
import { pageNumber } from "./params";
import { FOLLOW_UP_STATUSES } from "./follow-up";

/** The follow-up list's filters, from its URL (a GET form: works without JavaScript). */
export const followUpFilterSchema = z.object({
  cycle: z.uuid().optional().catch(undefined),
  /** One division's follow-ups (the dashboard's figures link here); within the viewer's scope. */
  division: z.uuid().optional().catch(undefined),
  status: z.enum(FOLLOW_UP_STATUSES).optional().catch(undefined),
  overdue: z.enum(["ja"]).optional().catch(undefined),
  page: pageNumber,
});
