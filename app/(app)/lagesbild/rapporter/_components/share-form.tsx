"use client";

import { useTranslations } from "next-intl";
import { shareReportSchema } from "@/lib/schemas/situation-report";
import { Select } from "@/components/forms/select";
import { TextArea } from "@/components/forms/text-area";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { shareReportAction } from "../actions";

export function ShareForm({ reportId, today, bases }: { reportId: string; today: string; bases: { value: string; label: string }[] }) {
  const t = useTranslations("reports.share");
  const kit = useActionForm(shareReportSchema, shareReportAction, {
    defaultValues: { reportId, recipient: "", sharedOn: today, legalBasisId: "", note: "" },
    onSuccess: (_data, form) => form.reset({ reportId, recipient: "", sharedOn: today, legalBasisId: "", note: "" }),
  });
  return (
    <ActionForm
      kit={kit}
      className="rounded-lg border border-slate-200 bg-white p-5"
      fieldsetClassName="grid gap-4 sm:grid-cols-2"
      success={<span className="text-sm text-green-900">{t("saved")}</span>}
    >
      <TextField label={t("recipient")} error={kit.error("recipient")} {...kit.form.register("recipient")} />
      <TextField label={t("sharedOn")} type="date" error={kit.error("sharedOn")} {...kit.form.register("sharedOn")} />
      <Select
        label={t("legalBasis")}
        className="sm:col-span-2"
        error={kit.error("legalBasisId")}
        options={[{ value: "", label: t("chooseLegalBasis") }, ...bases]}
        {...kit.form.register("legalBasisId")}
      />
      <TextArea label={t("note")} rows={3} className="sm:col-span-2" error={kit.error("note")} {...kit.form.register("note")} />
      <div><SubmitButton>{t("submit")}</SubmitButton></div>
    </ActionForm>
  );
}
