"use client";

import { useTranslations } from "next-intl";
import { recordMeetingSchema } from "@/lib/schemas/network";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextArea } from "@/components/forms/text-area";
import { Checkbox, CheckboxGroup } from "@/components/forms/checkbox";
import { recordMeetingAction } from "../actions";

type Props = {
  id: string;
  version: number;
  minutes: string;
  decisions: string[];
  attendance: { userId: string; name: string; division: string | null; present: boolean | null }[];
};

/** Minutes, attendance per member (present or absent) and the decisions, one per line. */
export function RecordMeetingForm({ id, version, minutes, decisions, attendance }: Props) {
  const t = useTranslations("network.meetingForm");
  const kit = useActionForm(recordMeetingSchema, recordMeetingAction, {
    defaultValues: {
      id, version, minutes, decisions: decisions.join("\n"),
      attendance: attendance.map((a) => ({ userId: a.userId, present: a.present ?? false })),
    },
    onSuccess: (data, form) => { if (data) form.setValue("version", data.version); },
  });
  const { register } = kit.form;
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4"
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("recorded")}</p>}>
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <TextArea label={t("minutes")} rows={8} error={kit.error("minutes")} {...register("minutes")} />
      <CheckboxGroup legend={t("attendanceLegend")} error={kit.error("attendance")} className="space-y-1">
        {attendance.map((a, i) => (
          <div key={a.userId}>
            <input type="hidden" {...register(`attendance.${i}.userId`)} />
            <Checkbox label={t("presentLabel", { name: a.division ? `${a.name} (${a.division})` : a.name })} {...register(`attendance.${i}.present`)} />
          </div>
        ))}
      </CheckboxGroup>
      <TextArea label={t("decisions")} hint={t("decisionsHint")} rows={5} error={kit.error("decisions")} {...register("decisions")} />
      <SubmitButton pendingLabel={t("saving")}>{t("record")}</SubmitButton>
    </ActionForm>
  );
}
