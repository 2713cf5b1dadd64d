import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";

// Building blocks for what a page reads from its URL. Whatever a URL holds, these either
// yield a value the database can take or nothing: no over-long text, no NUL or other control
// characters (PostgreSQL refuses NUL in text), no impossible dates, no numbers beyond
// PostgreSQL's int4, no malformed ids. lib/route-params.ts applies them with safeParse.

/** PostgreSQL `integer`: the largest page or version number a query may carry. */
export const PG_INT_MAX = 2_147_483_647;

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Free text for a filter: trimmed, at most `max` characters, none of them control characters. */
export const filterText = (max = 100) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL.test(v))
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

/** A calendar date `YYYY-MM-DD` that exists (2024-02-30 does not), in years the database and
 * JavaScript both write the same way. */
export const filterDate = z.iso
  .date()
  .refine((v) => v >= "1900-01-01" && v <= "2999-12-31")
  .optional()
  .catch(undefined);

/** A page number: 1 unless the URL holds a whole number within int4. */
export const pageNumber = z.coerce.number().int().min(1).max(PG_INT_MAX).catch(1).default(1);

/** A positive whole number within int4, e.g. a version number in a path. */
export const positiveInt = z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().min(1).max(PG_INT_MAX));

export const uuidParam = z.uuid();

/** `/…/[id]` of a record. */
export const idParams = z.object({ id: uuidParam });

/** A one-time set-password link's token (base64url); anything else is a link that does not exist. */
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** `/stod-redigering/[locale]/…`. */
export const localeParams = z.object({ locale: z.enum(LOCALES) });

/** `/stod-redigering/[locale]/version/[number]`. */
export const versionParams = localeParams.extend({ number: positiveInt });

/** The editor overview's notice after a publication: `?publicerad=<version>&sprak=<locale>`. */
export const editorNoticeSchema = z.object({
  publicerad: z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().min(1).max(PG_INT_MAX)).nullable().catch(null).default(null),
  sprak: z.enum(LOCALES).optional().catch(undefined),
});

/** The sign-in page's `?error=` from next-auth: only its own codes have a text. */
export const signInErrorSchema = z.object({
  error: z.enum(["SsoNoAccount", "SsoNoEmail", "TooManyAttempts", "OAuthCallback", "OAuthSignin", "Callback", "AccessDenied"]).optional().catch(undefined),
});
