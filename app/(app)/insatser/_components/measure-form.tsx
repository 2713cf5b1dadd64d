"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { z } from "zod";
import {
  createMeasureSchema, updateMeasureSchema, INVESTIGATION_STATUSES, MEASURE_STATUSES, PREVENTION_LEVELS,
  type CreateMeasureInput, type UpdateMeasureInput,
} from "@/lib/schemas/measures";
import { Select } from "@/components/forms/select";
import { TextArea } from "@/components/forms/text-area";
import { TextField } from "@/components/forms/text-field";
import { Checkbox } from "@/components/forms/checkbox";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import type { UseFormRegister, FieldValues, Path } from "react-hook-form";
import { createMeasureAction, updateMeasureAction } from "../actions";

export type MeasureOptions = {
  divisions: { id: string; name: string }[];
  planSections: { id: string; number: number; title: string }[];
  people: { id: string; name: string; divisionIds: string[] }[];
};

type Errors = (name: string) => string | undefined;

function Fields<T extends FieldValues>({ register, error, options, special, divisionId }: {
  register: UseFormRegister<T>; error: Errors; options: MeasureOptions; special: boolean; divisionId: string;
}) {
  const t = useTranslations("measures");
  const r = (name: string) => register(name as Path<T>);
  const none = { value: "", label: t("form.none") };
  const people = options.people.filter((p) => !divisionId || p.divisionIds.includes(divisionId));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField label={t("form.title")} className="md:col-span-2" error={error("title")} {...r("title")} />
      <Select label={t("form.division")} error={error("ownerDivisionId")} options={[{ value: "", label: t("form.chooseOne") }, ...options.divisions.map((d) => ({ value: d.id, label: d.name }))]} {...r("ownerDivisionId")} />
      <Select label={t("form.level")} error={error("level")} options={PREVENTION_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} {...r("level")} />
      <TextField label={t("form.targetGroup")} error={error("targetGroup")} {...r("targetGroup")} />
      <Select label={t("form.status")} error={error("status")} options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} {...r("status")} />
      <TextArea label={t("form.description")} className="md:col-span-2" rows={4} error={error("description")} {...r("description")} />
      <Select label={t("form.responsible")} error={error("responsibleUserId")} options={[none, ...people.map((p) => ({ value: p.id, label: p.name }))]} {...r("responsibleUserId")} />
      <Select label={t("form.planSection")} error={error("planSectionId")} options={[none, ...options.planSections.map((s) => ({ value: s.id, label: `${s.number}. ${s.title}` }))]} {...r("planSectionId")} />
      <TextArea label={t("form.resources")} hint={t("form.resourcesHint")} rows={2} error={error("resources")} {...r("resources")} />
      <TextArea label={t("form.genderPerspective")} hint={t("form.genderPerspectiveHint")} rows={2} error={error("genderPerspective")} {...r("genderPerspective")} />
      <TextField type="date" label={t("form.startDate")} error={error("startDate")} {...r("startDate")} />
      <TextField type="date" label={t("form.endDate")} error={error("endDate")} {...r("endDate")} />
      <TextField type="date" label={t("form.nextReviewDate")} error={error("nextReviewDate")} {...r("nextReviewDate")} />
      <div className="space-y-2 self-end">
        <Checkbox label={t("form.isSpecial")} {...r("isSpecial")} />
      </div>
      {special ? (
        <Select
          label={t("form.investigationStatus")}
          error={error("investigationStatus")}
          options={[{ value: "", label: t("form.chooseOne") }, ...INVESTIGATION_STATUSES.map((s) => ({ value: s, label: t(`investigation.${s}`) }))]}
          {...r("investigationStatus")}
        />
      ) : null}
    </div>
  );
}

export function CreateMeasureForm({ options, defaults }: { options: MeasureOptions; defaults: CreateMeasureInput }) {
  const t = useTranslations("measures.form");
  const router = useRouter();
  const kit = useActionForm(createMeasureSchema, createMeasureAction, {
    defaultValues: defaults,
    refresh: false,
    onSuccess: (data) => {
      if (data) router.push(`/insatser/${data.id}`);
    },
  });
  const special = kit.form.watch("isSpecial") === true;
  const divisionId = String(kit.form.watch("ownerDivisionId") ?? "");
  return (
    <ActionForm kit={kit} fieldsetClassName="space-y-4">
      <Fields register={kit.form.register} error={(n) => kit.error(n as Path<z.input<typeof createMeasureSchema>>)} options={options} special={special} divisionId={divisionId} />
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </ActionForm>
  );
}

export function EditMeasureForm({ options, values }: { options: MeasureOptions; values: UpdateMeasureInput }) {
  const t = useTranslations("measures.form");
  const kit = useActionForm(updateMeasureSchema, updateMeasureAction, {
    defaultValues: values,
    onSuccess: (data, form) => {
      if (data) form.setValue("version", data.version);
    },
  });
  const special = kit.form.watch("isSpecial") === true;
  const divisionId = String(kit.form.watch("ownerDivisionId") ?? "");
  return (
    <ActionForm kit={kit} fieldsetClassName="space-y-4" success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("saved")}</p>}>
      <input type="hidden" {...kit.form.register("id")} />
      <input type="hidden" {...kit.form.register("version")} />
      <Fields register={kit.form.register} error={(n) => kit.error(n as Path<z.input<typeof updateMeasureSchema>>)} options={options} special={special} divisionId={divisionId} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
