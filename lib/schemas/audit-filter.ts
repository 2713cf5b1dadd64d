import { z } from "zod";
import { filterDate, filterText, pageNumber } from "./params";

/** The audit page's filters, from its URL (a GET form: works without JavaScript). */
export const auditFilterSchema = z.object({
  action: filterText(),
  entityType: filterText(),
  actor: filterText(),
  /** A record's id: its own events and the list views that showed it ("who saw entry X"). */
  entityId: filterText(),
  from: filterDate,
  to: filterDate,
  page: pageNumber,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
