"use client";

import { useTranslations } from "next-intl";
import { linkFindingSchema } from "@/lib/schemas/measures";
import { Select } from "@/components/forms/select";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useAction } from "@/components/forms/use-action";
import { FormError } from "@/components/forms/form-error";
import { linkFindingAction, unlinkFindingAction } from "../actions";

export type ReportOption = { id: string; title: string; sections: { id: string; label: string }[] };

/** The coordinator links a situation report (or one environment's section) that motivates the measure. */
export function LinkFindingForm({ measureId, reports }: { measureId: string; reports: ReportOption[] }) {
  const t = useTranslations("measures.trace");
  const kit = useActionForm(linkFindingSchema, linkFindingAction, {
    defaultValues: { measureId, reportId: reports[0]?.id ?? "", sectionId: "", note: "" },
    onSuccess: (_d, form) => form.setValue("note", ""),
  });
  const reportId = String(kit.form.watch("reportId") ?? "");
  const sections = reports.find((r) => r.id === reportId)?.sections ?? [];
  if (reports.length === 0) return <p className="text-sm text-slate-600">{t("noReports")}</p>;
  return (
    <ActionForm kit={kit} fieldsetClassName="grid gap-3 md:grid-cols-3">
      <input type="hidden" {...kit.form.register("measureId")} />
      <Select label={t("report")} error={kit.error("reportId")} options={reports.map((r) => ({ value: r.id, label: r.title }))} {...kit.form.register("reportId")} />
      <Select label={t("section")} error={kit.error("sectionId")} options={[{ value: "", label: t("wholeReport") }, ...sections.map((s) => ({ value: s.id, label: s.label }))]} {...kit.form.register("sectionId")} />
      <TextField label={t("note")} error={kit.error("note")} {...kit.form.register("note")} />
      <div className="md:col-span-3"><SubmitButton pendingLabel={t("linking")}>{t("link")}</SubmitButton></div>
    </ActionForm>
  );
}

export function UnlinkFindingButton({ id }: { id: string }) {
  const t = useTranslations("measures.trace");
  const action = useAction(unlinkFindingAction);
  return (
    <>
      <button type="button" disabled={action.pending} onClick={() => action.run({ id })} className="text-sm text-red-800 underline disabled:opacity-60">{t("unlink")}</button>
      <FormError message={action.error} />
    </>
  );
}
