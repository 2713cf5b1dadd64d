"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { planMeetingSchema, updateMeetingSchema, type PlanMeetingInput } from "@/lib/schemas/network";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/forms/text-field";
import { TextArea } from "@/components/forms/text-area";
import { planMeetingAction, updateMeetingAction } from "../actions";

type Values = { title: string; scheduledAt: string; durationMinutes: number; location: string; videoUrl: string; agenda: string };

type FieldName = keyof Values;
type FieldsProps = {
  register: (name: FieldName) => ReturnType<ReturnType<typeof useActionForm<PlanMeetingInput, unknown>>["form"]["register"]>;
  error: (name: FieldName) => string | undefined;
};

function Fields({ register, error }: FieldsProps) {
  const t = useTranslations("network.meetingForm");
  const kit = { error };
  return (
    <>
      <TextField label={t("title")} error={kit.error("title")} {...register("title")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField type="datetime-local" label={t("scheduledAt")} hint={t("scheduledAtHint")} error={kit.error("scheduledAt")} {...register("scheduledAt")} />
        <TextField type="number" inputMode="numeric" min={15} max={600} step={15} label={t("durationMinutes")} error={kit.error("durationMinutes")} {...register("durationMinutes")} />
      </div>
      <TextField label={t("location")} error={kit.error("location")} {...register("location")} />
      <TextField type="url" label={t("videoUrl")} hint={t("videoUrlHint")} error={kit.error("videoUrl")} {...register("videoUrl")} />
      <TextArea label={t("agenda")} rows={6} error={kit.error("agenda")} {...register("agenda")} />
    </>
  );
}

/** Plans a new meeting; after saving, the meeting's page opens. */
export function PlanMeetingForm({ defaults }: { defaults: Values }) {
  const t = useTranslations("network.meetingForm");
  const router = useRouter();
  const kit = useActionForm(planMeetingSchema, planMeetingAction, {
    defaultValues: defaults,
    refresh: false,
    onSuccess: (data) => { if (data) router.push(`/natverk/moten/${data.id}`); },
  });
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4"
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("saved")}</p>}>
      <Fields register={(n) => kit.form.register(n)} error={(n) => kit.error(n)} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}

/** Changes a planned meeting; the version travels with the form (a stale save is refused). */
export function EditMeetingForm({ id, version, defaults }: { id: string; version: number; defaults: Values }) {
  const t = useTranslations("network.meetingForm");
  const kit = useActionForm(updateMeetingSchema, updateMeetingAction, {
    defaultValues: { id, version, ...defaults },
    onSuccess: (data, form) => { if (data) form.setValue("version", data.version); },
  });
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-4"
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("saved")}</p>}>
      <input type="hidden" {...kit.form.register("id")} />
      <input type="hidden" {...kit.form.register("version")} />
      <Fields register={(n) => kit.form.register(n)} error={(n) => kit.error(n)} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
