"use client";

import { useTranslations } from "next-intl";
import { legalBasisSchema, type LegalBasisInput } from "@/lib/schemas/situation-report";
import { Checkbox } from "@/components/forms/checkbox";
import { TextArea } from "@/components/forms/text-area";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveLegalBasisAction } from "../actions";

/** One legal basis of the list, or (without an id) a new one. */
export function LegalBasisForm({ values, uses }: { values: LegalBasisInput; uses?: string }) {
  const t = useTranslations("reports.legal");
  const fresh = values.id === "";
  const kit = useActionForm(legalBasisSchema, saveLegalBasisAction, {
    defaultValues: values,
    onSuccess: (_data, form) => {
      if (fresh) form.reset(values);
    },
  });
  return (
    <ActionForm
      kit={kit}
      className="rounded-lg border border-slate-200 bg-white p-5"
      fieldsetClassName="grid gap-3 md:grid-cols-2"
      header={fresh ? <legend className="mb-2 font-semibold">{t("add")}</legend> : undefined}
      success={<span className="text-sm text-green-900">{t("saved")}</span>}
    >
      <TextField label={t("label")} className="md:col-span-2" error={kit.error("label")} {...kit.form.register("label")} />
      <TextArea label={t("note")} rows={2} className="md:col-span-2" error={kit.error("note")} {...kit.form.register("note")} />
      <Checkbox label={t("toBeCheckedByLawyer")} {...kit.form.register("toBeCheckedByLawyer")} />
      <Checkbox label={t("active")} {...kit.form.register("active")} />
      <div className="flex items-center gap-4 md:col-span-2">
        <SubmitButton>{t("save")}</SubmitButton>
        {uses ? <span className="text-sm text-slate-600">{t("uses")}: {uses}</span> : null}
      </div>
    </ActionForm>
  );
}
