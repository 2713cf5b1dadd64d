"use client";

import { useTranslations } from "next-intl";
import { settingsSchema, type SettingName } from "@/lib/schemas/organisation";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateSettingsAction } from "../actions";

type Props = {
  values: { suppressionThreshold: number; reviewAfterMonths: number; reminderLeadDays: number; municipalityName: string; logoText: string };
  versions: Record<SettingName, number>;
};

export function SettingsForm({ values, versions }: Props) {
  const t = useTranslations("organisation.settings");
  const kit = useActionForm(settingsSchema, updateSettingsAction, { values: { ...values, versions } });
  const number = (name: "suppressionThreshold" | "reviewAfterMonths" | "reminderLeadDays", min: number, max: number) => (
    <TextField
      label={t(name)}
      hint={t(`${name}Hint`)}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      error={kit.error(name)}
      {...kit.form.register(name)}
    />
  );
  return (
    <ActionForm
      kit={kit}
      className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4"
      fieldsetClassName="space-y-4"
      success={<p className="text-sm text-green-900">{t("saved")}</p>}
    >
      <TextField label={t("municipalityName")} hint={t("municipalityNameHint")} error={kit.error("municipalityName")} {...kit.form.register("municipalityName")} />
      <TextField label={t("logoText")} hint={t("logoTextHint")} error={kit.error("logoText")} {...kit.form.register("logoText")} />
      {number("suppressionThreshold", 1, 100)}
      {number("reviewAfterMonths", 1, 36)}
      {number("reminderLeadDays", 1, 90)}
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
