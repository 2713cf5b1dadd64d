import { z } from "zod";

const optionalText = z.string().trim().max(100).optional().transform((v) => v || undefined);
const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined));

/** The audit page's filters, from its URL (a GET form: works without JavaScript). */
export const auditFilterSchema = z.object({
  action: optionalText,
  entityType: optionalText,
  actor: optionalText,
  /** A record's id: its own events and the list views that showed it ("who saw entry X"). */
  entityId: optionalText,
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
