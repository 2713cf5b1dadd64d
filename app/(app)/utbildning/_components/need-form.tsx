"use client";

import { useTranslations } from "next-intl";
import { logNeedSchema, PRIORITIES, TRAINING_LEVELS } from "@/lib/schemas/training";
import { TextField } from "@/components/forms/text-field";
import { TextArea } from "@/components/forms/text-area";
import { Select } from "@/components/forms/select";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { logNeedAction } from "../actions";

type Option = { id: string; name: string };

/** A division head (or the coordinator) logs a training need for a division. */
export function NeedForm({ divisions, staffCategories }: { divisions: Option[]; staffCategories: Option[] }) {
  const t = useTranslations("training");
  const defaults = {
    divisionId: divisions[0]?.id ?? "",
    staffCategoryId: staffCategories[0]?.id ?? "",
    level: "BASIC" as const,
    headcount: "",
    material: "",
    priority: "MEDIUM" as const,
    wantedBy: "",
    comment: "",
  };
  const kit = useActionForm(logNeedSchema, logNeedAction, {
    defaultValues: defaults,
    onSuccess: (_data, form) => form.reset(defaults),
  });
  const { register } = kit.form;
  return (
    <ActionForm
      kit={kit}
      className="rounded-lg border border-slate-200 bg-white p-4"
      fieldsetClassName="grid gap-4 sm:grid-cols-2"
      header={<legend className="mb-2 text-lg font-semibold">{t("needs.logTitle")}</legend>}
      success={<p className="text-sm text-green-800 sm:col-span-2">{t("needs.saved")}</p>}
    >
      <Select label={t("needs.form.division")} error={kit.error("divisionId")} options={divisions.map((d) => ({ value: d.id, label: d.name }))} {...register("divisionId")} />
      <Select label={t("needs.form.staffCategory")} error={kit.error("staffCategoryId")} options={staffCategories.map((c) => ({ value: c.id, label: c.name }))} {...register("staffCategoryId")} />
      <Select label={t("needs.form.level")} error={kit.error("level")} options={TRAINING_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} {...register("level")} />
      <TextField label={t("needs.form.headcount")} type="number" inputMode="numeric" min={1} error={kit.error("headcount")} {...register("headcount")} />
      <TextField label={t("needs.form.material")} hint={t("needs.form.materialHint")} error={kit.error("material")} {...register("material")} />
      <Select label={t("needs.form.priority")} error={kit.error("priority")} options={PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) }))} {...register("priority")} />
      <TextField label={t("needs.form.wantedBy")} type="date" error={kit.error("wantedBy")} {...register("wantedBy")} />
      <TextArea label={t("needs.form.comment")} hint={t("needs.form.commentHint")} rows={2} error={kit.error("comment")} {...register("comment")} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={t("needs.form.saving")}>{t("needs.form.submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
