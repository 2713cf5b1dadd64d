"use client";

import { useTranslations } from "next-intl";
import { RECOMMENDATION_STATUSES, updateRecommendationSchema, type UpdateRecommendationInput } from "@/lib/schemas/recommendations";
import { Select } from "@/components/forms/select";
import { TextArea } from "@/components/forms/text-area";
import { TextField } from "@/components/forms/text-field";
import { Checkbox } from "@/components/forms/checkbox";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useAction } from "@/components/forms/use-action";
import { FormError } from "@/components/forms/form-error";
import { recommendationMeasureSchema } from "@/lib/schemas/recommendations";
import { linkMeasureAction, unlinkMeasureAction, updateRecommendationAction } from "../actions";

type Option = { id: string; label: string };

/** The coordinator edits the wording (replacing the paraphrase), status and evidence. */
export function RecommendationForm({ values, planSections, people }: { values: UpdateRecommendationInput; planSections: Option[]; people: Option[] }) {
  const t = useTranslations("recommendations");
  const kit = useActionForm(updateRecommendationSchema, updateRecommendationAction, {
    defaultValues: values,
    onSuccess: (data, form) => {
      if (data) form.setValue("version", data.version);
    },
  });
  const { register } = kit.form;
  const none = { value: "", label: t("form.none") };
  return (
    <ActionForm
      kit={kit}
      className="rounded-lg border border-slate-200 bg-white p-4"
      fieldsetClassName="grid gap-4 md:grid-cols-2"
      header={<legend className="text-lg font-semibold md:col-span-2">{t("form.legend")}</legend>}
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("form.saved")}</p>}
    >
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <TextField label={t("form.title")} className="md:col-span-2" error={kit.error("title")} {...register("title")} />
      <Checkbox className="flex items-center gap-2 text-sm md:col-span-2" label={t("form.isParaphrase")} {...register("isParaphrase")} />
      <TextArea label={t("form.description")} className="md:col-span-2" rows={3} error={kit.error("description")} {...register("description")} />
      <Select label={t("form.status")} error={kit.error("status")} options={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} {...register("status")} />
      <TextField type="date" label={t("form.dueDate")} error={kit.error("dueDate")} {...register("dueDate")} />
      <TextArea label={t("form.evidence")} hint={t("form.evidenceHint")} className="md:col-span-2" rows={4} error={kit.error("evidence")} {...register("evidence")} />
      <Select label={t("form.planSection")} error={kit.error("planSectionId")} options={[none, ...planSections.map((s) => ({ value: s.id, label: s.label }))]} {...register("planSectionId")} />
      <Select label={t("form.responsible")} error={kit.error("responsibleUserId")} options={[none, ...people.map((p) => ({ value: p.id, label: p.label }))]} {...register("responsibleUserId")} />
      <div className="md:col-span-2"><SubmitButton pendingLabel={t("form.saving")}>{t("form.save")}</SubmitButton></div>
    </ActionForm>
  );
}

/** Traceability: link a measure that answers the recommendation. */
export function LinkMeasureForm({ recommendationId, measures }: { recommendationId: string; measures: Option[] }) {
  const t = useTranslations("recommendations.form");
  const kit = useActionForm(recommendationMeasureSchema, linkMeasureAction, {
    defaultValues: { recommendationId, measureId: "" },
    onSuccess: (_d, form) => form.setValue("measureId", ""),
  });
  return (
    <ActionForm kit={kit} fieldsetClassName="flex flex-wrap items-end gap-3">
      <input type="hidden" {...kit.form.register("recommendationId")} />
      <Select label={t("measure")} error={kit.error("measureId")} options={[{ value: "", label: t("chooseMeasure") }, ...measures.map((m) => ({ value: m.id, label: m.label }))]} {...kit.form.register("measureId")} />
      <SubmitButton pendingLabel={t("linking")}>{t("link")}</SubmitButton>
    </ActionForm>
  );
}

export function UnlinkMeasureButton({ recommendationId, measureId }: { recommendationId: string; measureId: string }) {
  const t = useTranslations("recommendations.form");
  const action = useAction(unlinkMeasureAction);
  return (
    <>
      <button type="button" disabled={action.pending} onClick={() => action.run({ recommendationId, measureId })} className="text-sm text-red-800 underline disabled:opacity-60">{t("unlink")}</button>
      <FormError message={action.error} />
    </>
  );
}
