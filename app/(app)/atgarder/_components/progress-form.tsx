"use client";

import { useTranslations } from "next-intl";
import { ACTION_STATUSES } from "@/lib/network/overdue";
import { actionItemProgressSchema } from "@/lib/schemas/network";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextArea } from "@/components/forms/text-area";
import { Select } from "@/components/forms/select";
import { reportActionItemProgressAction } from "../actions";
import { StaleNotice } from "./stale-notice";

type Props = { item: { id: string; version: number; status: (typeof ACTION_STATUSES)[number]; comment: string } };

/** The owner's report: status and a comment, refused as stale when someone saved in between. */
export function ProgressForm({ item }: Props) {
  const t = useTranslations("network");
  const kit = useActionForm(actionItemProgressSchema, reportActionItemProgressAction, {
    values: item,
    onSuccess: (data, form) => { if (data) form.setValue("version", data.version); },
  });
  const { register } = kit.form;
  return (
    <ActionForm kit={kit} className="max-w-xl" fieldsetClassName="space-y-4"
      header={<StaleNotice formError={kit.formError} />}
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("itemForm.saved")}</p>}>
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <Select label={t("itemForm.status")} options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`items.statuses.${s}`) }))}
        error={kit.error("status")} {...register("status")} />
      <TextArea label={t("itemForm.comment")} rows={3} error={kit.error("comment")} {...register("comment")} />
      <SubmitButton pendingLabel={t("itemForm.saving")}>{t("itemForm.save")}</SubmitButton>
    </ActionForm>
  );
}
