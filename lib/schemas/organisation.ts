import { z } from "zod";
import { PG_INT_MAX } from "@/lib/schemas/params";

// The organisation as data (issue 16): divisions, districts, staff categories, settings and
// the CSV import. Shared by the forms (zodResolver) and the Server Actions (serverAction).
// Messages are catalog keys: bare ones under `validation`, dotted ones as they stand.

/** Divisions (förvaltningar), districts (områden), staff categories (personalkategorier). */
export const UNIT_KINDS = ["division", "district", "staffCategory"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const unitKind = z.enum(UNIT_KINDS, "invalidChoice");

const CONTROL = /[\u0000-\u001f\u007f]/;
const name = z
  .string()
  .trim()
  .min(1, "required")
  .max(100, "tooLong")
  .refine((v) => !CONTROL.test(v), "organisation.validation.controlCharacters");
/** A division's short code (BUK, DSO …): letters and digits, stored in capitals. */
const code = z
  .string()
  .trim()
  .toUpperCase()
  .max(10, "tooLong")
  .regex(/^[A-ZÅÄÖ0-9]*$/, "organisation.validation.code");
const sortOrder = z.coerce.number("invalidNumber").int("invalidNumber").min(0, "organisation.validation.sortOrder").max(9999, "organisation.validation.sortOrder");
const description = z.string().trim().max(500, "tooLong").refine((v) => !CONTROL.test(v.replace(/[\r\n\t]/g, "")), "organisation.validation.controlCharacters");
const expectedVersion = z.coerce.number().int().min(1).max(PG_INT_MAX);

const unitFields = z.object({
  kind: unitKind,
  name,
  /** Divisions only; the other kinds ignore it. */
  code: code.default(""),
  sortOrder,
  /** Divisions only: the one that hosts the strategic coordinator. */
  isCoordinating: z.boolean().default(false),
  description: description.default(""),
});

const codeRequiredForDivisions = (unit: { kind: UnitKind; code: string }, ctx: z.RefinementCtx) => {
  if (unit.kind === "division" && unit.code === "") ctx.addIssue({ code: "custom", path: ["code"], message: "required" });
};

export const createUnitSchema = unitFields.superRefine(codeRequiredForDivisions);
export type CreateUnitInput = z.output<typeof createUnitSchema>;

export const updateUnitSchema = unitFields.extend({ id: z.uuid("invalid"), expectedVersion }).superRefine(codeRequiredForDivisions);
export type UpdateUnitInput = z.output<typeof updateUnitSchema>;

export const setUnitActiveSchema = z.object({ kind: unitKind, id: z.uuid("invalid"), expectedVersion, active: z.boolean() });
export const deleteUnitSchema = z.object({ kind: unitKind, id: z.uuid("invalid") });

export const mergeDivisionsSchema = z
  .object({
    sourceId: z.uuid("organisation.validation.chooseDivision"),
    targetId: z.uuid("organisation.validation.chooseDivision"),
  })
  .refine((m) => m.sourceId !== m.targetId, { path: ["targetId"], message: "organisation.validation.sameDivision" });

// ───────────── Settings ─────────────

/** The settings this module owns, by their key in the `Setting` table, with their defaults. */
export const SETTING_KEYS = {
  suppressionThreshold: "aggregates.suppressionThreshold",
  reviewAfterMonths: "publicContact.reviewAfterMonths",
  reminderLeadDays: "followUp.reminderLeadDays",
  municipalityName: "municipality.name",
  logoText: "municipality.logoText",
} as const;
export type SettingName = keyof typeof SETTING_KEYS;
export const SETTING_NAMES = Object.keys(SETTING_KEYS) as SettingName[];

export const SETTING_DEFAULTS: { [K in SettingName]: K extends "municipalityName" | "logoText" ? string : number } = {
  suppressionThreshold: 5,
  reviewAfterMonths: 6,
  // A follow-up's "due soon" reminder a week ahead unless the municipality says otherwise.
  reminderLeadDays: 7,
  municipalityName: "Nyköpings kommun",
  logoText: "",
};

const wholeNumber = (min: number, max: number, key: string) =>
  z.coerce.number("invalidNumber").int("invalidNumber").min(min, key).max(max, key);

/** Each value on its own, as stored (also what a stored value is read back through). */
export const SETTING_VALUE_SCHEMAS = {
  suppressionThreshold: wholeNumber(1, 100, "organisation.validation.suppressionThreshold"),
  reviewAfterMonths: wholeNumber(1, 36, "organisation.validation.reviewAfterMonths"),
  reminderLeadDays: wholeNumber(1, 90, "organisation.validation.reminderLeadDays"),
  municipalityName: name,
  logoText: z.string().trim().max(40, "tooLong").refine((v) => !CONTROL.test(v), "organisation.validation.controlCharacters"),
} satisfies Record<SettingName, z.ZodType>;

export const settingsSchema = z.object({
  ...SETTING_VALUE_SCHEMAS,
  /** Each setting's `version` when the form was opened (0: not stored yet, the default applies). */
  versions: z.object(Object.fromEntries(SETTING_NAMES.map((n) => [n, z.coerce.number().int().min(0).max(PG_INT_MAX)])) as Record<SettingName, z.ZodCoercedNumber<unknown>>),
});
export type SettingsInput = z.output<typeof settingsSchema>;

// ───────────── CSV import ─────────────

/** At most this much CSV text (about 2 000 lines): an organisation, not a data dump. */
export const IMPORT_MAX_CHARS = 100_000;

export const importSchema = z.object({
  csv: z.string().min(1, "required").max(IMPORT_MAX_CHARS, "tooLong"),
  /** true: only say what would happen; false: do it. */
  dryRun: z.boolean(),
});

// ───────────── Page params ─────────────

export const organisationListQuerySchema = z.object({
  typ: unitKind.catch("division").default("division"),
  page: z.coerce.number().int().min(1).max(PG_INT_MAX).catch(1).default(1),
});

export const unitParams = z.object({ kind: unitKind, id: z.uuid() });

export const mergeQuerySchema = z.object({
  fran: z.uuid().optional().catch(undefined),
  till: z.uuid().optional().catch(undefined),
});
