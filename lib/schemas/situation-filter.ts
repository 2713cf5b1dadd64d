import { z } from "zod";
import { filterDate, filterText, pageNumber } from "./params";

export const ENVIRONMENTS = ["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"] as const;
export const ENTRY_STATUSES = ["DRAFT", "SUBMITTED", "REVIEWED", "ARCHIVED"] as const;
const ACTIVITIES = ["PROPAGANDA", "RECRUITMENT", "GATHERING", "THREAT", "VIOLENCE", "ONLINE", "TRAVEL_TO_CONFLICT_ZONE", "OTHER"] as const;
const SOURCES = ["POLICE", "SCHOOL", "SOCIAL_SERVICES", "LEISURE", "CIVIL_SOCIETY", "OPEN_SOURCES"] as const;

/** The list's orders: newest observation first by default. */
export const ENTRY_SORTS = ["observedDesc", "observedAsc", "division", "district", "status", "updatedDesc"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const optionalId = z.uuid().optional().catch(undefined);

/**
 * The situation list's filters, from its URL (a GET form: works without JavaScript). Every
 * field falls back to "no filter" on an impossible value; `q` is free text for the full-text
 * search (websearch syntax: words, "a phrase", -not). The same filter drives the exports.
 */
export const situationFilterSchema = z.object({
  from: filterDate,
  to: filterDate,
  environment: optionalEnum(ENVIRONMENTS),
  activity: optionalEnum(ACTIVITIES),
  source: optionalEnum(SOURCES),
  status: optionalEnum(ENTRY_STATUSES),
  district: optionalId,
  division: optionalId,
  q: filterText(200),
  sort: z.enum(ENTRY_SORTS).catch("observedDesc").default("observedDesc"),
  page: pageNumber,
});
export type SituationFilter = z.infer<typeof situationFilterSchema>;

/** The filter as URL query values (without the page), for pagination links and export links. */
export function filterQuery(filter: SituationFilter): Record<string, string | undefined> {
  const { page: _page, sort, ...rest } = filter;
  void _page;
  return { ...rest, sort: sort === "observedDesc" ? undefined : sort };
}
