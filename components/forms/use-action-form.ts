"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { FormState } from "@/lib/server/action";
import { messageText } from "@/lib/i18n/message-key";

/** A Server Action made by `serverAction(…)`, called with the form's parsed values. */
export type FormAction<TOutput, TData> = (previous: undefined, input: TOutput) => Promise<FormState<TData>>;

type Options<TInput extends FieldValues, TOutput, TData> = {
  defaultValues?: DefaultValues<TInput>;
  /**
   * Values that follow the props: the form starts with them and is reset when the server sends
   * different ones (e.g. the record's new version after a save and refresh).
   */
  values?: TInput;
  /** After a success, before the refresh: e.g. carry the record's new version into the form. */
  onSuccess?: (data: TData | undefined, form: UseFormReturn<TInput, unknown, TOutput>) => void;
  /** `router.refresh()` after a success, so the server-rendered page shows the change (default). */
  refresh?: boolean;
};

/** Turns a message key (a schema's or a domain rule's) into catalog text. */
export function useMessageText() {
  const t = useTranslations();
  return (key: string | undefined) => (key ? messageText(t, key) : undefined);
}

/**
 * The one way to write a form: the zod schema from `lib/schemas` checks the fields in the
 * browser (zodResolver) and again in the Server Action (`serverAction`), whose field errors
 * come back into the same fields; the fieldset is disabled while the action runs; success
 * refreshes the page. Render it with `<ActionForm kit={…}>` and `<SubmitButton>`.
 */
export function useActionForm<TInput extends FieldValues, TOutput, TData = undefined>(
  schema: z.ZodType<TOutput, TInput>,
  action: FormAction<TOutput, TData>,
  { defaultValues, values, onSuccess, refresh = true }: Options<TInput, TOutput, TData> = {},
) {
  const router = useRouter();
  const text = useMessageText();
  const [formError, setFormError] = useState<string | null>(null);
  const [succeeded, setSucceeded] = useState(false);
  // Not react-hook-form's own `values` option: it resets the form in an effect after mounting,
  // and a value typed between the mount and that effect (a fast user, a test, a slow machine)
  // was replaced by the old one and saved. The form starts with the values instead, and an
  // effect resets it only when the props bring different ones.
  const form = useForm<TInput, unknown, TOutput>({
    resolver: zodResolver(schema),
    defaultValues: (values ?? defaultValues) as DefaultValues<TInput> | undefined,
  });
  const valuesKey = values === undefined ? undefined : JSON.stringify(values);
  const appliedKey = useRef(valuesKey);
  const { reset } = form;
  useEffect(() => {
    if (valuesKey === undefined || valuesKey === appliedKey.current) return;
    appliedKey.current = valuesKey;
    reset(JSON.parse(valuesKey) as TInput);
  }, [valuesKey, reset]);
  // The success is shown together with the refreshed page, never before it: until then the
  // page's other forms may still carry the record's previous version (a stale edit).
  const [refreshing, startRefresh] = useTransition();
  const pending = form.formState.isSubmitting || refreshing;
  // The field the server found fault with; focused once the fieldset is enabled again
  // (a disabled control cannot take the focus while the action is still "submitting").
  const [focusRequest, setFocusRequest] = useState<{ name: Path<TInput> } | null>(null);
  const { setFocus } = form;
  useEffect(() => {
    if (!pending && focusRequest) setFocus(focusRequest.name);
  }, [pending, focusRequest, setFocus]);

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    setSucceeded(false);
    setFocusRequest(null);
    const result = await action(undefined, input);
    if (!result.ok) {
      const { _form: formLevel, ...fields } = result.fieldErrors ?? {};
      setFormError(formLevel?.[0] ?? result.formError ?? null);
      // Server messages arrive translated ("server"); the first field with one gets the focus.
      const names = Object.keys(fields) as Path<TInput>[];
      for (const name of names) form.setError(name, { type: "server", message: fields[name]![0] });
      if (names[0]) setFocusRequest({ name: names[0] });
      return;
    }
    onSuccess?.(result.data, form);
    if (!refresh) return setSucceeded(true);
    // One transition: the confirmation commits with the refreshed server-rendered page.
    startRefresh(() => {
      router.refresh();
      setSucceeded(true);
    });
  });

  /** The text of a field's error: the browser's check gives a key, the server's the text. */
  function error(name: Path<TInput>): string | undefined {
    const found = get(form.formState.errors, name) as { message?: string; type?: string; root?: { message?: string } } | undefined;
    const leaf = found?.message ? found : found?.root; // an array's own error (e.g. "at least one")
    if (!leaf?.message) return undefined;
    return (leaf as { type?: string }).type === "server" ? leaf.message : text(leaf.message);
  }

  return { form, onSubmit, error, formError, succeeded, pending };
}

export type ActionFormKit = Pick<ReturnType<typeof useActionForm>, "onSubmit" | "formError" | "succeeded" | "pending">;
