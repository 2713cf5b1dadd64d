"use client";

import { useTranslations } from "next-intl";
import { addNetworkMemberSchema, RESPONSIBILITIES } from "@/lib/schemas/network";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Select } from "@/components/forms/select";
import { Checkbox, CheckboxGroup } from "@/components/forms/checkbox";
import { addNetworkMemberAction } from "../actions";

export type Candidate = { userId: string; name: string; divisions: { id: string; name: string }[] };

export function AddMemberForm({ candidates }: { candidates: Candidate[] }) {
  const t = useTranslations("network");
  const kit = useActionForm(addNetworkMemberSchema, addNetworkMemberAction, {
    defaultValues: { userId: "", divisionId: "", responsibilities: [] },
    onSuccess: (_data, form) => form.reset({ userId: "", divisionId: "", responsibilities: [] }),
  });
  const { register, watch } = kit.form;
  const chosen = candidates.find((c) => c.userId === watch("userId"));
  return (
    <ActionForm kit={kit} className="max-w-xl" fieldsetClassName="space-y-4"
      header={<p className="text-sm text-slate-600">{t("roster.addHint")}</p>}
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("roster.added")}</p>}>
      <Select label={t("roster.user")} error={kit.error("userId")} {...register("userId")}
        options={[{ value: "", label: t("roster.chooseUser") }, ...candidates.map((c) => ({ value: c.userId, label: c.name }))]} />
      <Select label={t("roster.division")} error={kit.error("divisionId")} {...register("divisionId")}
        options={[{ value: "", label: t("roster.chooseDivision") }, ...(chosen?.divisions ?? []).map((d) => ({ value: d.id, label: d.name }))]} />
      <CheckboxGroup legend={t("roster.responsibilitiesLegend")} error={kit.error("responsibilities")} className="space-y-1">
        {RESPONSIBILITIES.map((r) => (
          <Checkbox key={r} value={r} label={t(`responsibilities.${r}`)} {...register("responsibilities")} />
        ))}
      </CheckboxGroup>
      <SubmitButton pendingLabel={t("roster.adding")}>{t("roster.add")}</SubmitButton>
    </ActionForm>
  );
}
