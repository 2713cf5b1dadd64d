"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { contactSchema, type ContactInput } from "@/lib/schemas/contact-log";
import { AGE_BANDS, CHANNELS, ENVIRONMENTS, GENDERS, REFERRALS, REQUESTERS } from "@/lib/situation-reports/figures";
import { personalDataKind, personalDataMessage } from "@/lib/validation/personal-data";
import { Select } from "@/components/forms/select";
import { TextArea } from "@/components/forms/text-area";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm, useMessageText } from "@/components/forms/use-action-form";
import { saveContactAction } from "../actions";

type Props = {
  divisions: { id: string; name: string }[];
  /** `id` "" and version 0 for a new contact. */
  values: ContactInput;
};

/** Records a contact, or edits one (versioned). The note is checked for personal data while typing. */
export function ContactForm({ divisions, values }: Props) {
  const t = useTranslations("contactLog");
  const ts = useTranslations("situation");
  const text = useMessageText();
  const router = useRouter();
  const kit = useActionForm(contactSchema, saveContactAction, {
    defaultValues: values,
    refresh: false,
    onSuccess: () => router.push("/kontaktlogg"),
  });
  const note = kit.form.watch("note");
  const flagged = personalDataKind(note ?? "");
  const options = <K extends string>(keys: readonly K[], group: string) => keys.map((k) => ({ value: k, label: t(`${group}.${k}` as never) }));

  return (
    <ActionForm kit={kit} className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5" fieldsetClassName="grid gap-4 sm:grid-cols-2">
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:col-span-2">{t("noIdentities")}</p>
      <Select label={t("division")} error={kit.error("divisionId")} options={divisions.map((d) => ({ value: d.id, label: d.name }))} {...kit.form.register("divisionId")} />
      <TextField label={t("fields.contactedOn")} type="date" error={kit.error("contactedOn")} {...kit.form.register("contactedOn")} />
      <Select label={t("fields.channel")} error={kit.error("channel")} options={options(CHANNELS, "channels")} {...kit.form.register("channel")} />
      <Select label={t("fields.requester")} error={kit.error("requester")} options={options(REQUESTERS, "requesters")} {...kit.form.register("requester")} />
      <Select
        label={t("fields.environment")}
        error={kit.error("environment")}
        options={[{ value: "", label: t("fields.environmentUnknown") }, ...ENVIRONMENTS.map((e) => ({ value: e, label: ts(`environments.${e}`) }))]}
        {...kit.form.register("environment")}
      />
      <Select label={t("fields.referral")} error={kit.error("referral")} options={options(REFERRALS, "referrals")} {...kit.form.register("referral")} />
      <Select label={t("fields.gender")} error={kit.error("gender")} options={options(GENDERS, "genders")} {...kit.form.register("gender")} />
      <Select label={t("fields.ageBand")} error={kit.error("ageBand")} options={options(AGE_BANDS, "ageBands")} {...kit.form.register("ageBand")} />
      <TextArea
        label={t("fields.note")}
        hint={t("fields.noteHint")}
        rows={3}
        className="sm:col-span-2"
        error={kit.error("note") ?? (flagged ? text(personalDataMessage(flagged)) : undefined)}
        {...kit.form.register("note")}
      />
      <div><SubmitButton>{t("save")}</SubmitButton></div>
    </ActionForm>
  );
}
