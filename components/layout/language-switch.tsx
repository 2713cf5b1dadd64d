"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/server/action";
import { SubmitButton } from "@/components/forms/action-form";

type Props<T> = {
  current: string;
  label: string;
  options: { locale: string; name: string }[];
  action: (state: FormState<T> | undefined, form: FormData) => Promise<FormState<T>>;
};

/**
 * One button per language; a plain form post (not `useActionForm`), so it works without
 * JavaScript too: there is no field to check and nothing to show but the page in the new language.
 */
export function LanguageSwitch<T>({ current, label, options, action }: Props<T>) {
  const [, formAction] = useActionState<FormState<T> | undefined, FormData>(action, undefined);
  return (
    <form action={formAction} className="flex items-center gap-1" aria-label={label}>
      <span className="sr-only">{label}</span>
      {options.map((o) => (
        <SubmitButton
          key={o.locale}
          name="locale"
          value={o.locale}
          lang={o.locale}
          aria-pressed={o.locale === current}
          className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 aria-pressed:font-semibold aria-pressed:text-brand-800 aria-pressed:underline"
        >
          {o.name}
        </SubmitButton>
      ))}
    </form>
  );
}
