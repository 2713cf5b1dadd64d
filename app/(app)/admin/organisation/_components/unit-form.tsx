"use client";

import { useRouter } from "next/navigation";
import type { UseFormRegister } from "react-hook-form";
import { useTranslations } from "next-intl";
import { createUnitSchema, updateUnitSchema, type UnitKind } from "@/lib/schemas/organisation";
import { TextField } from "@/components/forms/text-field";
import { TextArea } from "@/components/forms/text-area";
import { Checkbox } from "@/components/forms/checkbox";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createUnitAction, updateUnitAction } from "../actions";

type Values = { name: string; code: string; sortOrder: number; isCoordinating: boolean; description: string };

/** The fields a kind has: divisions a code, a description and the coordinator's flag too. */
type FieldsKit = {
  form: { register: UseFormRegister<Values> };
  error: (name: keyof Values) => string | undefined;
};

function UnitFields({ kind, kit }: { kind: UnitKind; kit: FieldsKit }) {
  const t = useTranslations("organisation.fields");
  const { register } = kit.form;
  const { error } = kit;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField label={t("name")} autoComplete="off" error={error("name")} {...register("name")} />
      {kind === "division" ? (
        <TextField label={t("code")} hint={t("codeHint")} autoComplete="off" className="uppercase" error={error("code")} {...register("code")} />
      ) : null}
      <TextField label={t("sortOrder")} hint={t("sortOrderHint")} type="number" inputMode="numeric" min={0} max={9999} error={error("sortOrder")} {...register("sortOrder")} />
      {kind === "division" ? (
        <>
          <TextArea label={t("description")} rows={2} className="sm:col-span-2" error={error("description")} {...register("description")} />
          <Checkbox label={t("isCoordinating")} {...register("isCoordinating")} />
        </>
      ) : null}
    </div>
  );
}

function useCreateKit(kind: UnitKind) {
  return useActionForm(createUnitSchema, createUnitAction, {
    defaultValues: { kind, name: "", code: "", sortOrder: 0, isCoordinating: false, description: "" },
    // A new row: an empty form for the next one.
    onSuccess: (_data, form) => form.reset({ kind, name: "", code: "", sortOrder: 0, isCoordinating: false, description: "" }),
  });
}

function useEditKit(kind: UnitKind, id: string, version: number, values: Values) {
  return useActionForm(updateUnitSchema, updateUnitAction, { values: { kind, id, expectedVersion: version, ...values } });
}

export function CreateUnitForm({ kind }: { kind: UnitKind }) {
  const t = useTranslations("organisation");
  const kit = useCreateKit(kind);
  return (
    <ActionForm
      kit={kit}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4"
      fieldsetClassName="space-y-3"
      header={<legend className="mb-2 font-semibold">{t("create.title", { kind: t(`kind.${kind}`) })}</legend>}
      success={<p className="text-sm text-green-900">{t("create.saved")}</p>}
    >
      <UnitFields kind={kind} kit={kit as unknown as FieldsKit} />
      <SubmitButton>{t("create.submit")}</SubmitButton>
    </ActionForm>
  );
}

/** Editing keeps the version it was opened at: a stale save says so and offers the current text. */
export function EditUnitForm({ kind, id, version, values }: { kind: UnitKind; id: string; version: number; values: Values }) {
  const t = useTranslations("organisation.edit");
  const router = useRouter();
  const kit = useEditKit(kind, id, version, values);
  return (
    <ActionForm
      kit={kit}
      className="rounded-lg border border-slate-200 bg-white p-4"
      fieldsetClassName="space-y-3"
      success={<p className="text-sm text-green-900">{t("saved")}</p>}
    >
      {kit.formError ? (
        <button type="button" onClick={() => router.refresh()} className="text-sm text-brand-800 underline">
          {t("showCurrent")}
        </button>
      ) : null}
      <UnitFields kind={kind} kit={kit as unknown as FieldsKit} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
