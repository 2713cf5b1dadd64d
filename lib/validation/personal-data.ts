import Personnummer from "personnummer";
import { z } from "zod";

// The personal-data guard (PRODUCT.md, rules of the domain): the situation picture and the
// contact log describe environments and activities, never persons. Free text that contains a
// checksum-valid Swedish personal identity number or co-ordination number, an e-mail address or
// a phone number is refused — on the server by the shared zod schema, and flagged in the form
// as the user types (the same function runs in the browser). The matched value is never
// returned, logged or put in a message: callers learn only its kind.
//
// The number checks use the maintained `personnummer` package (Luhn checksum, real dates,
// co-ordination numbers = day + 60); finding candidates inside free text is ours. Organisation
// numbers (third digit ≥ 2, e.g. 212000-0142), dates, years, postcodes, amounts and numbers with
// a wrong checksum pass.

export type PersonalDataKind = "personalIdentityNumber" | "coordinationNumber" | "email" | "phone";

/** 6 or 8 digits, an optional `-`, `+` or space, 4 digits; not part of a longer run of digits. */
const IDENTITY_CANDIDATE = /(?<![\d\p{L}])(\d{6}|\d{8})[-+ ]?(\d{4})(?![\d\p{L}])/gu;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/**
 * A Swedish phone number: +46/0046 or a leading 0, then digits in groups separated by spaces,
 * hyphens, slashes or brackets. Checked further by its digit count below.
 */
const PHONE_CANDIDATE = /(?<![\d\p{L}])(?:\+\s?46|0046|0)[\s\-/()]*\d(?:[\s\-/()]*\d){5,11}(?![\d\p{L}])/gu;

/** dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy and dd-mm-yy: a date, not a phone number. */
const DATE_LIKE = /^(0[1-9]|[12]\d|3[01])[-./](0[1-9]|1[0-2])[-./](\d{2}|\d{4})$/;

function identityKind(candidate: string): PersonalDataKind | null {
  // personnummer accepts the forms it knows; a candidate with a space is tried without it.
  const pin = candidate.replace(" ", "");
  const options = { allowCoordinationNumber: true, allowInterimNumber: false };
  if (!Personnummer.valid(pin, options)) return null;
  try {
    return Personnummer.parse(pin, options).isCoordinationNumber() ? "coordinationNumber" : "personalIdentityNumber";
  } catch {
    return "personalIdentityNumber";
  }
}

function isSwedishPhone(candidate: string): boolean {
  const compact = candidate.trim();
  if (DATE_LIKE.test(compact)) return false;
  let digits = compact.replace(/\D/g, "");
  if (/^\+\s?46/.test(compact)) digits = "0" + digits.slice(2);
  else if (digits.startsWith("0046")) digits = "0" + digits.slice(4);
  // A Swedish number is 0 + area code/operator prefix + subscriber number: 8 to 10 digits in
  // all (e.g. 0155-24 50 00, 08-123 456 78, 070-123 45 67); the digit after the 0 is never 0.
  return digits.length >= 8 && digits.length <= 10 && digits[1] !== "0";
}

/** The first kind of personal data found in the text, or null. Never the value itself. */
export function personalDataKind(text: string | null | undefined): PersonalDataKind | null {
  if (!text) return null;
  for (const match of text.matchAll(IDENTITY_CANDIDATE)) {
    const kind = identityKind(match[0]);
    if (kind) return kind;
  }
  if (EMAIL.test(text)) return "email";
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    if (isSwedishPhone(match[0])) return "phone";
  }
  return null;
}

/** The catalog key that explains the refusal (`validation.personalData.*`). */
export function personalDataMessage(kind: PersonalDataKind): string {
  return `validation.personalData.${kind}`;
}

/**
 * A free-text field of the situation picture or the contact log: trimmed, bounded, and refused
 * when it holds personal data. `required` fields refuse an empty or blank text.
 */
export function guardedText({ max, required = false }: { max: number; required?: boolean }) {
  const base = z.string({ error: required ? "required" : "invalid" }).trim().max(max, "tooLong");
  const checked = (required ? base.min(1, "required") : base).superRefine((value, ctx) => {
    const kind = personalDataKind(value);
    // The issue carries the kind only: no `input`, so the value cannot reach a log or a response.
    if (kind) ctx.addIssue({ code: "custom", message: personalDataMessage(kind) });
  });
  return checked;
}
