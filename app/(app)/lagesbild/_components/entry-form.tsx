"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createEntrySchema, updateEntrySchema } from "@/lib/schemas/situation-entry";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm, useMessageText } from "@/components/forms/use-action-form";
import { personalDataKind, personalDataMessage } from "@/lib/validation/personal-data";
import { Select } from "@/components/forms/select";
import { TextArea } from "@/components/forms/text-area";
import { TextField } from "@/components/forms/text-field";
import { createEntryAction, updateEntryAction } from "../actions";

type Opt = { value: string; label: string };
export type EntryFormOptions = {
  divisions: Opt[];
  districts: Opt[];
  environments: Opt[];
  activities: Opt[];
  sources: Opt[];
  reliabilities: Opt[];
};
export type EntryValues = {
  observedOn: string;
  districtId: string;
  environment: string;
  activityType: string;
  source: string;
  reliability: string;
  genderPerspective: string;
  description: string;
};

/** The fields both forms share, in the order a network member thinks of them. */
type FieldsKit = {
  form: { register: (name: keyof EntryValues) => UseFormRegisterReturn; watch: (name: keyof EntryValues) => unknown };
  error: (name: keyof EntryValues) => string | undefined;
};

function EntryFields({ kit, options, withChoose }: { kit: FieldsKit; options: EntryFormOptions; withChoose: boolean }) {
  const t = useTranslations("entries");
  const { register } = kit.form;
  const flag = useMessageText();
  // Flagged while typing (the same guard the server applies on saving); the value itself is never shown.
  const guard = (name: "description" | "genderPerspective") => {
    const kind = personalDataKind(String(kit.form.watch(name) ?? ""));
    return kit.error(name) ?? (kind ? flag(personalDataMessage(kind)) : undefined);
  };
  const choose = (opts: Opt[]) => (withChoose ? [{ value: "", label: t("form.choose") }, ...opts] : opts);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField type="date" label={t("form.observedOn")} error={kit.error("observedOn")} {...register("observedOn")} />
        <Select label={t("form.district")} options={[{ value: "", label: t("form.wholeMunicipality") }, ...options.districts]} error={kit.error("districtId")} {...register("districtId")} />
        <Select label={t("form.environment")} options={choose(options.environments)} error={kit.error("environment")} {...register("environment")} />
        <Select label={t("form.activity")} options={choose(options.activities)} error={kit.error("activityType")} {...register("activityType")} />
        <Select label={t("form.source")} options={choose(options.sources)} error={kit.error("source")} {...register("source")} />
        <Select label={t("form.reliability")} options={choose(options.reliabilities)} error={kit.error("reliability")} {...register("reliability")} />
      </div>
      <TextArea label={t("form.description")} hint={t("form.descriptionHint")} rows={6} error={guard("description")} {...register("description")} />
      <TextArea label={t("form.genderPerspective")} hint={t("form.genderPerspectiveHint")} rows={3} error={guard("genderPerspective")} {...register("genderPerspective")} />
    </>
  );
}

export function CreateEntryForm({ options, today }: { options: EntryFormOptions; today: string }) {
  const t = useTranslations("entries");
  const router = useRouter();
  const kit = useActionForm(createEntrySchema, createEntryAction, {
    defaultValues: {
      divisionId: options.divisions[0]?.value ?? "", observedOn: today, districtId: "", environment: "" as never, activityType: "" as never,
      source: "" as never, reliability: "" as never, genderPerspective: "", description: "",
    },
    onSuccess: (data) => { if (data) router.push(`/lagesbild/${data.id}`); },
    refresh: false,
  });
  return (
    <ActionForm kit={kit} className="max-w-3xl" fieldsetClassName="space-y-4">
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("privacy")}</p>
      <Select label={t("form.division")} options={options.divisions} error={kit.error("divisionId")} {...kit.form.register("divisionId")} />
      <EntryFields kit={kit} options={options} withChoose />
      <div className="flex gap-3">
        <SubmitButton pendingLabel={t("form.saving")}>{t("form.save")}</SubmitButton>
        <Link href="/lagesbild" className="px-4 py-2 text-brand-700 underline">{t("form.cancel")}</Link>
      </div>
    </ActionForm>
  );
}

export function EditEntryForm({ id, version, values, options }: { id: string; version: number; values: EntryValues; options: EntryFormOptions }) {
  const t = useTranslations("entries");
  const tRoot = useTranslations();
  const router = useRouter();
  const kit = useActionForm(updateEntrySchema, updateEntryAction, {
    defaultValues: { id, version, ...values } as never,
    onSuccess: () => router.push(`/lagesbild/${id}`),
    refresh: false,
  });
  // A stale edit: nothing was saved; the form keeps the user's text and offers the current one.
  const isStale = kit.formError === tRoot("actionErrors.stale");
  return (
    <ActionForm kit={kit} className="max-w-3xl" fieldsetClassName="space-y-4">
      {isStale ? (
        <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="stale-edit">
          <p className="font-semibold">{t("stale.title")}</p>
          <p>{t("stale.body")}</p>
          <a href={`/lagesbild/${id}`} target="_blank" rel="noopener" className="text-brand-700 underline">{t("stale.viewCurrent")}</a>
        </div>
      ) : null}
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("privacy")}</p>
      <input type="hidden" {...kit.form.register("id")} />
      <input type="hidden" {...kit.form.register("version")} />
      <EntryFields kit={kit} options={options} withChoose={false} />
      <div className="flex gap-3">
        <SubmitButton pendingLabel={t("form.saving")}>{t("form.saveChanges")}</SubmitButton>
        <Link href={`/lagesbild/${id}`} className="px-4 py-2 text-brand-700 underline">{t("form.cancel")}</Link>
      </div>
    </ActionForm>
  );
}
