"use client";

import { useTranslations } from "next-intl";
import { openCycleSchema } from "@/lib/schemas/follow-up";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { openCycleAction } from "../actions";

export function OpenCycleForm() {
  const t = useTranslations("followUp.open");
  const kit = useActionForm(openCycleSchema, openCycleAction, {
    defaultValues: { title: "", periodStart: "", periodEnd: "", dueDate: "" },
    onSuccess: (_data, form) => form.reset(),
  });
  const { register } = kit.form;
  return (
    <ActionForm
      kit={kit}
      className="rounded-lg border border-slate-200 bg-white p-4"
      fieldsetClassName="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      header={<legend className="mb-2 text-lg font-semibold sm:col-span-2 lg:col-span-4">{t("legend")}<span className="block text-sm font-normal text-slate-600">{t("hint")}</span></legend>}
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("done")}</p>}
    >
      <TextField label={t("title")} hint={t("titleHint")} error={kit.error("title")} {...register("title")} />
      <TextField type="date" label={t("periodStart")} error={kit.error("periodStart")} {...register("periodStart")} />
      <TextField type="date" label={t("periodEnd")} error={kit.error("periodEnd")} {...register("periodEnd")} />
      <TextField type="date" label={t("dueDate")} error={kit.error("dueDate")} {...register("dueDate")} />
      <div className="sm:col-span-2 lg:col-span-4">
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
