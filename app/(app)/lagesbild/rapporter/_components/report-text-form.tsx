"use client";

import { useTranslations } from "next-intl";
import { updateReportSchema, type UpdateReportInput } from "@/lib/schemas/situation-report";
import { TextArea } from "@/components/forms/text-area";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateReportAction } from "../actions";

/** A draft's texts: title, each environment's section, trends, assessment, recommended measures. */
export function ReportTextForm({ values, environmentLabels }: { values: UpdateReportInput; environmentLabels: Record<string, string> }) {
  const t = useTranslations("reports.detail");
  const tr = useTranslations("reports");
  const kit = useActionForm(updateReportSchema, updateReportAction, { values });
  return (
    <ActionForm
      kit={kit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      fieldsetClassName="space-y-4"
      header={<legend className="mb-2 text-lg font-semibold">{t("edit")}</legend>}
      success={<span className="text-sm text-green-900">{t("saved")}</span>}
    >
      {/* A refusal with no field at fault is a stale edit or a frozen report: offer the current text. */}
      {kit.formError && Object.keys(kit.form.formState.errors).length === 0 ? (
        <p className="text-sm">
          {t("staleHint")} <a href="" className="text-brand-700 underline">{t("reload")}</a>
        </p>
      ) : null}
      <TextField label={tr("create.name")} error={kit.error("title")} {...kit.form.register("title")} />
      {values.sections.map((section, i) => (
        <fieldset key={section.environment} className="space-y-3 rounded-md border border-slate-200 p-4">
          <legend className="px-1 font-medium">{environmentLabels[section.environment]}</legend>
          <TextArea label={t("summary")} rows={3} error={kit.error(`sections.${i}.summary`)} {...kit.form.register(`sections.${i}.summary`)} />
          <TextArea label={t("presence")} rows={3} error={kit.error(`sections.${i}.presence`)} {...kit.form.register(`sections.${i}.presence`)} />
          <TextArea label={t("activities")} rows={3} error={kit.error(`sections.${i}.activities`)} {...kit.form.register(`sections.${i}.activities`)} />
        </fieldset>
      ))}
      <TextArea label={t("trendsText")} rows={4} error={kit.error("trends")} {...kit.form.register("trends")} />
      <TextArea label={t("assessment")} rows={5} error={kit.error("assessment")} {...kit.form.register("assessment")} />
      <TextArea label={t("recommendedMeasures")} rows={5} error={kit.error("recommendedMeasures")} {...kit.form.register("recommendedMeasures")} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
