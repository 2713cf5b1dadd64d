"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import type { Role } from "@/lib/access/permissions";
import { Select } from "@/components/forms/select";
import { Checkbox, CheckboxGroup } from "@/components/forms/checkbox";

export type DivisionOption = { id: string; name: string; code: string };

export function RoleSelect<T extends FieldValues>({
  register, roles, error,
}: { register: UseFormRegister<T>; roles: Role[]; error?: string }) {
  const t = useTranslations();
  return (
    <Select
      label={t("users.form.role")}
      error={error}
      options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      {...register("role" as Path<T>)}
    />
  );
}

export function DivisionCheckboxes<T extends FieldValues>({
  register, divisions, error,
}: { register: UseFormRegister<T>; divisions: DivisionOption[]; error?: string }) {
  const t = useTranslations("users.form");
  return (
    <CheckboxGroup legend={t("divisions")} hint={t("divisionsHint")} error={error}>
      <div className="mt-2 grid gap-1 sm:grid-cols-2">
        {divisions.map((d) => (
          <Checkbox key={d.id} label={d.name} value={d.id} {...register("divisionIds" as Path<T>)} />
        ))}
      </div>
    </CheckboxGroup>
  );
}
