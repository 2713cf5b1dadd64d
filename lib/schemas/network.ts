import { z } from "zod";
import { ACTION_STATUSES } from "@/lib/network/overdue";
import { fromStockholmLocal, parseDateOnly } from "@/lib/network/stockholm-time";
import { filterText, pageNumber, PG_INT_MAX } from "./params";

// The VBE network's forms (issue 9): members, meetings, action items, partners. Messages are
// catalog keys: `network.errors.*` or `validation.*` (short keys).

export const RESPONSIBILITIES = ["ENVIRONMENT_SCANNING", "KNOWLEDGE_GATHERING", "COMPETENCE_DEVELOPMENT", "INFORMATION_SHARING"] as const;
export const MEETING_STATUSES = ["PLANNED", "HELD", "CANCELLED"] as const;
export const PARTNER_KINDS = ["INTERNAL_FORUM", "EXTERNAL"] as const;
export const PARTNER_CATEGORIES = [
  "MUNICIPAL_FORUM", "POLICE", "SECURITY_SERVICE", "COUNTY_BOARD", "HOUSING", "RELIGIOUS_COMMUNITY", "SPORTS",
  "YOUTH_ORGANISATION", "CIVIL_SOCIETY", "OTHER_MUNICIPALITY", "NATIONAL_AUTHORITY", "OTHER",
] as const;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const id = z.uuid({ error: "invalid" });
const version = z.coerce.number().int().min(1).max(2_147_483_647);
/** Free text: trimmed, bounded, no control characters but line breaks (PostgreSQL refuses NUL). */
const text = (max: number, required = false) => {
  const base = z.string().trim().max(max, "tooLong").refine((v) => !CONTROL.test(v), "invalid");
  return required ? base.refine((v) => v.length > 0, "required") : base;
};
// The form kit sends the browser's parsed values to the Server Action, which parses them again:
// every schema's output must be valid input. So dates stay strings here (the use case reads
// them with parseDateOnly / fromStockholmLocal) and "none" is null on both sides.

/** An optional uuid from a select whose empty option means "none". */
const optionalId = z.union([z.literal(""), z.uuid({ error: "invalidChoice" })]).nullable().optional().transform((v) => v || null);
const confirmed = z.literal(true, { error: "network.errors.confirmRequired" });
/** `YYYY-MM-DD` that exists in the calendar. */
const dateOnly = z.string().trim().refine((v) => parseDateOnly(v) !== null, "invalidDate");

// ─────────── Members ───────────
export const addNetworkMemberSchema = z.object({
  userId: z.uuid({ error: "network.errors.memberRequired" }),
  divisionId: z.uuid({ error: "network.errors.divisionRequired" }),
  responsibilities: z
    .array(z.enum(RESPONSIBILITIES, { error: "invalidChoice" }))
    .max(4)
    .catch([])
    .refine((v) => v.length > 0, "network.errors.responsibilityRequired"),
});
export type AddNetworkMemberInput = z.input<typeof addNetworkMemberSchema>;

export const removeNetworkMemberSchema = z.object({ id, version, confirmed });
export type RemoveNetworkMemberInput = z.input<typeof removeNetworkMemberSchema>;

// ─────────── Meetings ───────────
const meetingFields = {
  title: text(200, true),
  /** Stockholm wall-clock time, `YYYY-MM-DDTHH:mm` (a datetime-local field). */
  scheduledAt: z.string().trim().refine((v) => fromStockholmLocal(v) !== null, "network.errors.dateTimeInvalid"),
  durationMinutes: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(15, "network.errors.durationRange").max(600, "network.errors.durationRange"),
  location: text(200),
  videoUrl: z
    .string()
    .trim()
    .max(500, "tooLong")
    .refine((v) => v === "" || /^https:\/\/[^\s<>"]+$/.test(v), "network.errors.videoUrlInvalid"),
  agenda: text(5000),
};
const placeOrLink = (v: { location: string; videoUrl: string }) => v.location.length > 0 || v.videoUrl.length > 0;

export const planMeetingSchema = z
  .object(meetingFields)
  .refine(placeOrLink, { message: "network.errors.placeOrLink", path: ["location"] });
export type PlanMeetingInput = z.input<typeof planMeetingSchema>;

export const updateMeetingSchema = z
  .object({ id, version, ...meetingFields })
  .refine(placeOrLink, { message: "network.errors.placeOrLink", path: ["location"] });
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;

export const recordMeetingSchema = z.object({
  id,
  version,
  minutes: text(20000, true),
  attendance: z.array(z.object({ userId: id, present: z.boolean() })).max(200),
  /** One decision per line; numbered in this order (see `decisionLines`). */
  decisions: text(10000).refine((v) => decisionLines(v).length <= 50, "network.errors.tooManyDecisions"),
});

/** A decisions field's lines, each one decision. */
export function decisionLines(value: string): string[] {
  return value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}
export type RecordMeetingInput = z.input<typeof recordMeetingSchema>;

export const cancelMeetingSchema = z.object({ id, version, reason: text(500), confirmed });
export type CancelMeetingInput = z.input<typeof cancelMeetingSchema>;

/** Sending the invitation to every member: the count of earlier sendings the page showed; a resend is confirmed. */
export const inviteMembersSchema = z.object({
  id,
  invitationsSent: z.number().int().min(0).max(PG_INT_MAX),
  resend: z.boolean().default(false),
});
export type InviteMembersInput = z.input<typeof inviteMembersSchema>;

export const meetingListSchema = z.object({
  status: z.enum(MEETING_STATUSES).optional().catch(undefined),
  page: pageNumber,
});
export type MeetingListQuery = z.infer<typeof meetingListSchema>;

// ─────────── Action items ───────────
const actionItemFields = {
  title: text(300, true),
  description: text(2000),
  ownerId: z.uuid({ error: "network.errors.ownerRequired" }),
  /** Empty: the item belongs to the whole network. */
  divisionId: optionalId,
  dueDate: dateOnly,
  comment: text(2000),
};

export const createActionItemSchema = z.object({
  ...actionItemFields,
  meetingId: optionalId,
  decisionId: optionalId,
});
export type CreateActionItemInput = z.input<typeof createActionItemSchema>;

export const editActionItemSchema = z.object({
  id,
  version,
  ...actionItemFields,
  status: z.enum(ACTION_STATUSES, { error: "invalidChoice" }),
});
export type EditActionItemInput = z.input<typeof editActionItemSchema>;

/** The owner's (or any member's of the item's division) report: status and comment only. */
export const actionItemProgressSchema = z.object({
  id,
  version,
  status: z.enum(ACTION_STATUSES, { error: "invalidChoice" }),
  comment: text(2000),
});
export type ActionItemProgressInput = z.input<typeof actionItemProgressSchema>;

export const ACTION_SORTS = ["due", "dueDesc", "created", "status"] as const;
export const actionItemListSchema = z.object({
  status: z.enum([...ACTION_STATUSES, "active"] as const).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
  division: z.uuid().optional().catch(undefined),
  meeting: z.uuid().optional().catch(undefined),
  q: filterText(100),
  sort: z.enum(ACTION_SORTS).catch("due").default("due"),
  page: pageNumber,
});
export type ActionItemListQuery = z.infer<typeof actionItemListSchema>;

// ─────────── Partners ───────────
const partnerFields = {
  name: text(200, true),
  kind: z.enum(PARTNER_KINDS, { error: "invalidChoice" }),
  category: z.enum(PARTNER_CATEGORIES, { error: "invalidChoice" }),
  description: text(4000),
};
export const createPartnerSchema = z.object(partnerFields);
export type CreatePartnerInput = z.input<typeof createPartnerSchema>;
export const updatePartnerSchema = z.object({ id, version, ...partnerFields, active: z.boolean() });
export type UpdatePartnerInput = z.input<typeof updatePartnerSchema>;

// Business contacts of partner organisations: names, phones and e-mails are the point here,
// so the personal-data guard of the situation picture does not apply (issue 9 point 4).
const contactFields = {
  name: text(200, true),
  title: text(200),
  email: z.string().trim().max(254, "tooLong").refine((v) => v === "" || z.email().safeParse(v).success, "network.errors.emailInvalid"),
  phone: z.string().trim().max(40, "tooLong").refine((v) => v === "" || /^\+?[0-9][0-9 \-()]{4,}$/.test(v), "network.errors.phoneInvalid"),
  /** Empty: never verified. */
  lastVerifiedAt: z.union([z.literal(""), dateOnly]),
};
export const addPartnerContactSchema = z.object({ partnerId: id, ...contactFields });
export type AddPartnerContactInput = z.input<typeof addPartnerContactSchema>;
export const updatePartnerContactSchema = z.object({ id, version, ...contactFields });
export type UpdatePartnerContactInput = z.input<typeof updatePartnerContactSchema>;
export const removePartnerContactSchema = z.object({ id, version, confirmed });
export type RemovePartnerContactInput = z.input<typeof removePartnerContactSchema>;
export const verifyPartnerContactSchema = z.object({ id, version });
export type VerifyPartnerContactInput = z.input<typeof verifyPartnerContactSchema>;

export const PARTNER_SORTS = ["name", "category", "verified"] as const;
export const partnerListSchema = z.object({
  kind: z.enum(PARTNER_KINDS).optional().catch(undefined),
  category: z.enum(PARTNER_CATEGORIES).optional().catch(undefined),
  stale: z.literal("1").optional().catch(undefined),
  q: filterText(100),
  sort: z.enum(PARTNER_SORTS).catch("name").default("name"),
  page: pageNumber,
});
export type PartnerListQuery = z.infer<typeof partnerListSchema>;
