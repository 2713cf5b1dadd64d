"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/schemas/user";
import { TextField } from "@/components/forms/text-field";
import { FormError } from "@/components/forms/form-error";
import { useMessageText } from "@/components/forms/use-action-form";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const t = useTranslations("password");
  const messageText = useMessageText();
  // Schema messages are catalog keys; errors from the server arrive translated.
  const errorText = (error?: { message?: string; type?: string }) => (error?.type === "server" ? error.message : messageText(error?.message));
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, reset, formState: { errors, isSubmitting } } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { current: "", password: "", confirm: "" },
  });

  async function onSubmit(values: ChangePasswordInput) {
    setFormError(null);
    setDone(false);
    const result = await changePasswordAction(undefined, values);
    if (result.ok) {
      reset();
      setDone(true);
      return;
    }
    setFormError(result.formError ?? null);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as keyof ChangePasswordInput, { type: "server", message: messages[0] });
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-xl">
      <fieldset disabled={isSubmitting} className="space-y-4">
        {done ? <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm" data-testid="password-changed">{t("changed")}</p> : null}
        <FormError message={formError} />
        <TextField label={t("current")} type="password" autoComplete="current-password" error={errorText(errors.current)} {...register("current")} />
        <TextField label={t("new")} hint={t("rules")} type="password" autoComplete="new-password" error={errorText(errors.password)} {...register("password")} />
        <TextField label={t("confirm")} type="password" autoComplete="new-password" error={errorText(errors.confirm)} {...register("confirm")} />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {isSubmitting ? t("saving") : t("save")}
        </button>
      </fieldset>
    </form>
  );
}
