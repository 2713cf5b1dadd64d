"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { reviewIntervalSchema, type ReviewIntervalInput } from "@/lib/schemas/public-content";
import { TextField } from "@/components/forms/text-field";
import { FormError } from "@/components/forms/form-error";
import { reviewIntervalAction } from "../actions";
import { useMessage } from "./use-message";

export function ReviewIntervalForm({ months, expectedVersion }: { months: number; expectedVersion: number }) {
  const t = useTranslations("public.editor.interval");
  const message = useMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register, handleSubmit, setError, formState: { errors, isSubmitting },
  } = useForm<ReviewIntervalInput, unknown, { months: number; expectedVersion: number }>({
    resolver: zodResolver(reviewIntervalSchema),
    values: { months, expectedVersion },
  });

  async function onSubmit(input: { months: number; expectedVersion: number }) {
    setFormError(null);
    setSaved(false);
    const result = await reviewIntervalAction(undefined, input);
    if (!result.ok) {
      setFormError(result.formError ?? null);
      if (result.fieldErrors?.months) setError("months", { message: result.fieldErrors.months[0] });
      return;
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <fieldset disabled={isSubmitting} className="flex flex-wrap items-end gap-3">
        <legend className="mb-2 font-semibold">{t("title")}</legend>
        <FormError message={formError} />
        <TextField
          label={t("months")}
          type="number"
          inputMode="numeric"
          min={1}
          max={36}
          className="w-40"
          error={message(errors.months?.message)}
          {...register("months")}
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {t("save")}
        </button>
        <span role="status" aria-live="polite" className="text-sm text-green-900">{saved ? t("saved") : null}</span>
      </fieldset>
    </form>
  );
}
