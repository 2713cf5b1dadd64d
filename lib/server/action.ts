import "server-only";
import { markedUnavailable } from "@/lib/server/unavailable";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { may, type Action, type Resource } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { getViewer } from "@/lib/server/auth/viewer";
import { AccessDeniedError, DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { messageText } from "@/lib/i18n/message-key";

/** What every Server Action answers; forms put `fieldErrors` back into their fields. */
export type FormState<T = undefined> =
  | { ok: true; data?: T }
  | { ok: false; fieldErrors?: Record<string, string[]>; formError?: string };

type Options<S extends z.ZodType> = {
  schema: S;
  /** The permission checked before anything else (the use case checks scope again);
   * `"signedIn"` for what every signed-in user may do to their own account. */
  permission: [Resource, Action] | "signedIn";
  /** Paths to revalidate after success; `{ path, type: "layout" }` refreshes everything under it. */
  revalidate?: (string | { path: string; type: "layout" | "page" })[];
};

/**
 * A Server Action in the house order: who is calling → permission → `safeParse` with the
 * form's own schema → the use case → revalidate → a `FormState`. Schema messages are catalog
 * keys under `validation`; they are translated here, so forms show them as they come.
 * Works as `useActionState(action, …)` with FormData, or called with a plain object.
 */
export function serverAction<S extends z.ZodType, T = undefined>(
  options: Options<S>,
  handler: (viewer: Viewer, input: z.output<S>) => Promise<T>,
) {
  return async (_previous: FormState<T> | undefined, input: FormData | z.input<S>): Promise<FormState<T>> => {
    const t = await getTranslations();
    const viewer = await getViewer();
    if (!viewer) return { ok: false, formError: t("actionErrors.signedOut") };
    if (options.permission !== "signedIn" && !may(viewer.role, ...options.permission)) {
      const [resource, action] = options.permission;
      await recordRefusal(viewer, "access.denied", { entityType: resource, details: { action, via: "serverAction" } });
      return { ok: false, formError: t("actionErrors.forbidden") };
    }
    return run(t, options, input, (data) => handler(viewer, data), viewer);
  };
}

/**
 * A Server Action for someone who is not signed in (a one-time set-password link): the same
 * order without the caller step; the use case itself decides from what the input proves.
 */
export function publicServerAction<S extends z.ZodType, T = undefined>(
  options: Omit<Options<S>, "permission">,
  handler: (input: z.output<S>) => Promise<T>,
) {
  return async (_previous: FormState<T> | undefined, input: FormData | z.input<S>): Promise<FormState<T>> => {
    const t = await getTranslations();
    return run(t, options, input, handler, null);
  };
}

async function run<S extends z.ZodType, T>(
  t: Translator,
  options: Omit<Options<S>, "permission">,
  input: FormData | z.input<S>,
  handler: (input: z.output<S>) => Promise<T>,
  /** Who called, for the refusal's audit trace; null for a public action (nobody to name). */
  viewer: Pick<Viewer, "id" | "role"> | null,
): Promise<FormState<T>> {
  {
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".") || "_form";
        (fieldErrors[field] ??= []).push(messageText(t, issue.message));
      }
      return { ok: false, fieldErrors, formError: t("actionErrors.invalid") };
    }

    let data: T;
    try {
      data = await handler(parsed.data);
    } catch (error) {
      // A refusal leaves a trace (rate-limited): a missing permission, or a record the
      // viewer may not see — indistinguishable from one that does not exist, to the viewer.
      if (error instanceof AccessDeniedError) {
        if (viewer) await recordRefusal(viewer, "access.denied", { entityType: error.resource, details: { action: error.action, via: "serverAction" } });
        return { ok: false, formError: t("actionErrors.forbidden") };
      }
      if (error instanceof StaleEditError) return { ok: false, formError: t("actionErrors.stale") };
      if (error instanceof NotFoundError) {
        if (viewer) await recordRefusal(viewer, "access.notFound", { entityType: error.entityType, details: { via: "serverAction" } });
        return { ok: false, formError: t("actionErrors.notFound") };
      }
      if (error instanceof DomainRuleError) {
        const message = messageText(t, error.messageKey);
        return error.field
          ? { ok: false, fieldErrors: { [error.field]: [message] }, formError: t("actionErrors.invalid") }
          : { ok: false, formError: message };
      }
      // The database was overloaded (no connection in time, statement cancelled): the
      // transaction rolled back, so nothing was saved — the form says so instead of a 500.
      if (markedUnavailable()) return { ok: false, formError: t("actionErrors.unavailable") };
      throw error;
    }
    for (const entry of options.revalidate ?? []) {
      if (typeof entry === "string") revalidatePath(entry);
      else revalidatePath(entry.path, entry.type);
    }
    return { ok: true, data };
  }
}

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** FormData → object; repeated names become arrays, empty strings stay strings. */
function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
