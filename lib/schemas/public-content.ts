import { z } from "zod";
import { PG_INT_MAX } from "./params";
import { LOCALES } from "@/lib/i18n/config";
import { unsafeLinks } from "@/lib/markup/restricted";

// Shared by the editor's forms (zodResolver) and the Server Actions (serverAction). Messages
// are catalog keys: bare ones under `validation`, dotted ones as they stand.

const key = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "public.validation.key");
const text = (max: number) => z.string().trim().max(max, "tooLong");
const requiredText = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");
const markup = (max: number) =>
  text(max).refine((value) => unsafeLinks(value).length === 0, "public.validation.unsafeLink");

export const sectionSchema = z.object({
  key,
  heading: requiredText(120),
  body: markup(5000).pipe(z.string().min(1, "required")),
});

export const contactSchema = z.object({
  key,
  name: requiredText(120),
  phone: text(40).regex(/^[0-9+ \-()]*$/, "public.validation.phone"),
  hours: text(200),
  url: text(300).refine((value) => value === "" || /^https?:\/\/[^\s"'<>]+$/i.test(value), "public.validation.url"),
  description: text(1000),
});

export const guideItemSchema = z.object({
  situation: requiredText(200),
  contactKey: key,
  urgent: z.boolean(),
});

export const draftSchema = z
  .object({
    locale: z.enum(LOCALES, "invalidChoice"),
    /** The draft being edited, or "" when the form started from the published version. */
    draftId: z.union([z.uuid(), z.literal("")]),
    /** The draft's `version` when the form was opened (0: there was no draft). */
    expectedVersion: z.coerce.number().int().min(0).max(PG_INT_MAX),
    title: requiredText(120),
    intro: markup(2000),
    sections: z.array(sectionSchema).min(1, "public.validation.sectionsRequired").max(20, "tooLong"),
    contacts: z.array(contactSchema).max(20, "tooLong"),
    guide: z.array(guideItemSchema).max(12, "tooLong"),
  })
  .superRefine((draft, ctx) => {
    const seen = new Set<string>();
    draft.contacts.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: "custom", path: ["contacts", i, "key"], message: "public.validation.duplicateKey" });
      seen.add(c.key);
    });
    const sectionKeys = new Set<string>();
    draft.sections.forEach((s, i) => {
      if (sectionKeys.has(s.key)) ctx.addIssue({ code: "custom", path: ["sections", i, "key"], message: "public.validation.duplicateKey" });
      sectionKeys.add(s.key);
    });
    draft.guide.forEach((g, i) => {
      if (!seen.has(g.contactKey)) {
        ctx.addIssue({ code: "custom", path: ["guide", i, "contactKey"], message: "public.validation.unknownContact" });
      }
    });
  });
export type DraftInput = z.input<typeof draftSchema>;
export type Draft = z.output<typeof draftSchema>;

export const publishSchema = z.object({
  draftId: z.uuid("invalid"),
  expectedVersion: z.coerce.number().int().min(1).max(PG_INT_MAX),
});

export const rollbackSchema = z.object({
  targetId: z.uuid("invalid"),
  /** The version number published when the coordinator chose to roll back. */
  expectedPublishedVersion: z.coerce.number().int().min(0).max(PG_INT_MAX),
});

export const markVerifiedSchema = z.object({
  contactId: z.uuid("invalid"),
  expectedVersion: z.coerce.number().int().min(1).max(PG_INT_MAX),
});

export const reviewIntervalSchema = z.object({
  months: z.coerce.number("invalidNumber").int("invalidNumber").min(1, "public.validation.months").max(36, "public.validation.months"),
  expectedVersion: z.coerce.number().int().min(0).max(PG_INT_MAX),
});
export type ReviewIntervalInput = z.input<typeof reviewIntervalSchema>;

export const assignOwnerSchema = z.object({
  contactId: z.uuid("invalid"),
  ownerId: z.uuid("public.validation.owner"),
  expectedVersion: z.coerce.number().int().min(1).max(PG_INT_MAX),
});
