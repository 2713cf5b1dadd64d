"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { updateUserSchema, type UpdateUserInput } from "@/lib/schemas/user";
import type { Role } from "@/lib/access/permissions";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateUserAction } from "../actions";
import { DivisionCheckboxes, RoleSelect, type DivisionOption } from "./user-fields";

export function EditUserForm({
  user, divisions, roles,
}: { user: UpdateUserInput & { email: string }; divisions: DivisionOption[]; roles: Role[] }) {
  const t = useTranslations("users");
  const kit = useActionForm(updateUserSchema, updateUserAction, {
    defaultValues: { id: user.id, version: user.version, name: user.name, role: user.role, divisionIds: user.divisionIds },
    // The next save must carry the new version, or it would be refused as stale.
    onSuccess: (data, form) => {
      if (data) form.setValue("version", data.version);
    },
  });
  const { register, setValue } = kit.form;

  // (De)activation elsewhere on the page also bumps the version; follow it after a refresh.
  useEffect(() => setValue("version", user.version), [user.version, setValue]);

  return (
    <ActionForm
      kit={kit}
      className="max-w-xl"
      fieldsetClassName="space-y-4"
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("saved")}</p>}
    >
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <TextField label={t("form.email")} value={user.email} readOnly disabled />
      <TextField label={t("form.name")} autoComplete="off" error={kit.error("name")} {...register("name")} />
      <RoleSelect register={register} roles={roles} error={kit.error("role")} />
      <DivisionCheckboxes register={register} divisions={divisions} error={kit.error("divisionIds")} />
      <SubmitButton pendingLabel={t("form.saving")}>{t("form.save")}</SubmitButton>
    </ActionForm>
  );
}
