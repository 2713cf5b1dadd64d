"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { saveEvaluationSchema, type SaveEvaluationInput } from "@/lib/schemas/evaluation";
import { TextArea } from "@/components/forms/text-area";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useAction } from "@/components/forms/use-action";
import { FormError } from "@/components/forms/form-error";
import { issueEvaluationAction, saveEvaluationAction } from "../actions";

/** The coordinator's text per plan section, saved as a draft. */
export function EvaluationTextForm({ values, sections }: { values: SaveEvaluationInput; sections: { number: number; title: string }[] }) {
  const t = useTranslations("evaluation.texts");
  const kit = useActionForm(saveEvaluationSchema, saveEvaluationAction, {
    defaultValues: values,
    onSuccess: (data, form) => {
      if (data) form.setValue("version", data.version);
    },
  });
  return (
    <ActionForm
      kit={kit}
      fieldsetClassName="space-y-4"
      header={<legend className="text-lg font-semibold">{t("legend")}</legend>}
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("saved")}</p>}
    >
      <input type="hidden" {...kit.form.register("year")} />
      <input type="hidden" {...kit.form.register("version")} />
      {sections.map((s) => (
        <TextArea key={s.number} label={t("section", { number: s.number, title: s.title })} rows={4} error={kit.error(`texts.${s.number}`)} {...kit.form.register(`texts.${s.number}`)} />
      ))}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}

/** Issuing freezes the evaluation: the button asks first. */
export function IssueEvaluation({ year, version }: { year: number; version: number }) {
  const t = useTranslations("evaluation.issue");
  const [asking, setAsking] = useState(false);
  const action = useAction(issueEvaluationAction);
  if (!asking) {
    return (
      <div>
        <button type="button" onClick={() => setAsking(true)} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("button")}</button>
      </div>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="issue-question" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p id="issue-question">{t("question")}</p>
      <FormError message={action.error} />
      <div className="flex gap-3">
        <button type="button" autoFocus disabled={action.pending} onClick={() => action.run({ year, version, confirmed: true })} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {action.pending ? t("working") : t("confirm")}
        </button>
        <button type="button" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">{t("cancel")}</button>
      </div>
    </div>
  );
}
