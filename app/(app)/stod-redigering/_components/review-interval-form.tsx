"use client";

import { useTranslations } from "next-intl";
import { reviewIntervalSchema } from "@/lib/schemas/public-content";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { reviewIntervalAction } from "../actions";

export function ReviewIntervalForm({ months, expectedVersion }: { months: number; expectedVersion: number }) {
  const t = useTranslations("public.editor.interval");
  const kit = useActionForm(reviewIntervalSchema, reviewIntervalAction, { values: { months, expectedVersion } });

  return (
    <ActionForm
      kit={kit}
      fieldsetClassName="flex flex-wrap items-end gap-3"
      header={<legend className="mb-2 font-semibold">{t("title")}</legend>}
      success={<span className="text-sm text-green-900">{t("saved")}</span>}
    >
      <TextField
        label={t("months")}
        type="number"
        inputMode="numeric"
        min={1}
        max={36}
        className="w-40"
        error={kit.error("months")}
        {...kit.form.register("months")}
      />
      <SubmitButton>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
