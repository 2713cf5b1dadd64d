"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { FieldError, FieldValues, Path, UseFormRegister } from "react-hook-form";
import type { Role } from "@/lib/access/permissions";

export type DivisionOption = { id: string; name: string; code: string };

/** Schema messages are catalog keys; errors from the server arrive translated (type "server"). */
export function useErrorText() {
  const t = useTranslations();
  return (error?: FieldError | { message?: string; type?: string }) => {
    if (!error?.message) return undefined;
    if (error.type === "server") return error.message;
    const key = error.message.includes(".") ? error.message : `validation.${error.message}`;
    return t.has(key as never) ? t(key as never) : t("validation.invalid");
  };
}

export function RoleSelect<T extends FieldValues>({
  register, roles, error,
}: { register: UseFormRegister<T>; roles: Role[]; error?: string }) {
  const t = useTranslations();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{t("users.form.role")}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
        {...register("role" as Path<T>)}
      >
        {roles.map((role) => <option key={role} value={role}>{t(`roles.${role}`)}</option>)}
      </select>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

export function DivisionCheckboxes<T extends FieldValues>({
  register, divisions, error,
}: { register: UseFormRegister<T>; divisions: DivisionOption[]; error?: string }) {
  const t = useTranslations("users.form");
  const id = useId();
  return (
    <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
      <legend className="block text-sm font-medium text-slate-800">{t("divisions")}</legend>
      <p id={`${id}-hint`} className="text-sm text-slate-600">{t("divisionsHint")}</p>
      <div className="mt-2 grid gap-1 sm:grid-cols-2">
        {divisions.map((d) => (
          <label key={d.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={d.id} {...register("divisionIds" as Path<T>)} />
            {d.name}
          </label>
        ))}
      </div>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
