"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { updateUserSchema, type UpdateUserInput } from "@/lib/schemas/user";
import type { Role } from "@/lib/access/permissions";
import { TextField } from "@/components/forms/text-field";
import { FormError } from "@/components/forms/form-error";
import { updateUserAction } from "../actions";
import { DivisionCheckboxes, RoleSelect, useErrorText, type DivisionOption } from "./user-fields";

export function EditUserForm({
  user, divisions, roles,
}: { user: UpdateUserInput & { email: string }; divisions: DivisionOption[]; roles: Role[] }) {
  const t = useTranslations("users");
  const router = useRouter();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserSchema),
    defaultValues: { id: user.id, version: user.version, name: user.name, role: user.role, divisionIds: user.divisionIds },
  });

  // (De)activation elsewhere on the page also bumps the version; follow it after a refresh.
  useEffect(() => setValue("version", user.version), [user.version, setValue]);

  async function onSubmit(values: UpdateUserInput) {
    setFormError(null);
    setSaved(false);
    const result = await updateUserAction(undefined, values);
    if (result.ok) {
      // The next save must carry the new version, or it would be refused as stale.
      if (result.data) setValue("version", result.data.version);
      setSaved(true);
      router.refresh();
      return;
    }
    setFormError(result.formError ?? null);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as keyof UpdateUserInput, { type: "server", message: messages[0] });
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-xl">
      <fieldset disabled={isSubmitting} className="space-y-4">
        <FormError message={formError} />
        <div role="status">{saved ? <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("saved")}</p> : null}</div>
        <input type="hidden" {...register("id")} />
        <input type="hidden" {...register("version")} />
        <TextField label={t("form.email")} value={user.email} readOnly disabled />
        <TextField label={t("form.name")} autoComplete="off" error={errorText(errors.name)} {...register("name")} />
        <RoleSelect register={register} roles={roles} error={errorText(errors.role)} />
        <DivisionCheckboxes register={register} divisions={divisions} error={errorText(errors.divisionIds as never)} />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {isSubmitting ? t("form.saving") : t("form.save")}
        </button>
      </fieldset>
    </form>
  );
}
