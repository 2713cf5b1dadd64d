"use client";

import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/schemas/user";
import { TextField } from "@/components/forms/text-field";
import { FormError } from "@/components/forms/form-error";
import { useMessageText } from "@/components/forms/use-action-form";
import { setPasswordAction } from "../actions";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("password");
  const messageText = useMessageText();
  // Schema messages are catalog keys; errors from the server arrive translated.
  const errorText = (error?: { message?: string; type?: string }) => (error?.type === "server" ? error.message : messageText(error?.message));
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<SetPasswordInput>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { token, password: "", confirm: "" },
  });

  async function onSubmit(values: SetPasswordInput) {
    setFormError(null);
    const result = await setPasswordAction(undefined, values);
    if (result.ok) {
      setDone(true);
      return;
    }
    setFormError(result.formError ?? null);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as keyof SetPasswordInput, { type: "server", message: messages[0] });
    }
  }

  if (done) {
    return (
      <div role="status">
        <p className="text-sm" data-testid="password-set">{t("setDone")}</p>
        <Link href="/login" className="mt-4 inline-block underline">{t("toLogin")}</Link>
      </div>
    );
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <fieldset disabled={isSubmitting} className="space-y-4">
        <FormError message={formError} />
        <input type="hidden" {...register("token")} />
        <TextField label={t("new")} hint={t("rules")} type="password" autoComplete="new-password" error={errorText(errors.password)} {...register("password")} />
        <TextField label={t("confirm")} type="password" autoComplete="new-password" error={errorText(errors.confirm)} {...register("confirm")} />
        <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {isSubmitting ? t("saving") : t("save")}
        </button>
      </fieldset>
    </form>
  );
}
