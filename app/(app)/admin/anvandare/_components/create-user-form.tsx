"use client";

import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/user";
import type { Role } from "@/lib/access/permissions";
import { TextField } from "@/components/forms/text-field";
import { FormError } from "@/components/forms/form-error";
import type { CreatedUser } from "@/lib/server/users/create-user";
import { createUserAction } from "../actions";
import { PasswordLinkBox } from "./password-link-box";
import { DivisionCheckboxes, RoleSelect, useErrorText, type DivisionOption } from "./user-fields";

export function CreateUserForm({ divisions, roles, requestOnly }: { divisions: DivisionOption[]; roles: Role[]; requestOnly: Role[] }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: "", email: "", role: "NETWORK_MEMBER", divisionIds: [] },
  });

  async function onSubmit(values: CreateUserInput) {
    setFormError(null);
    const result = await createUserAction(undefined, values);
    if (result.ok) {
      setCreated(result.data ?? null);
      return;
    }
    setFormError(result.formError ?? null);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as keyof CreateUserInput, { type: "server", message: messages[0] });
    }
  }

  if (created) {
    return (
      <section aria-labelledby="created-title" className="max-w-xl rounded-lg border border-green-200 bg-green-50 p-6">
        <h2 id="created-title" className="text-lg font-semibold">{created.passwordLink ? t("created.title") : t("created.requestTitle")}</h2>
        {created.passwordLink ? (
          <PasswordLinkBox path={created.passwordLink.path} expiresAt={created.passwordLink.expiresAt} />
        ) : (
          <p className="mt-2 text-sm" data-testid="grant-requested">{t("created.requestText")}</p>
        )}
        <Link href={`/admin/anvandare/${created.id}`} className="mt-4 inline-block underline">{t("created.toUser")}</Link>
      </section>
    );
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-xl">
      <fieldset disabled={isSubmitting} className="space-y-4">
        <FormError message={formError} />
        <TextField label={t("form.name")} autoComplete="off" error={errorText(errors.name)} {...register("name")} />
        <TextField label={t("form.email")} type="email" autoComplete="off" error={errorText(errors.email)} {...register("email")} />
        <RoleSelect register={register} roles={roles} error={errorText(errors.role)} />
        {requestOnly.length > 0 ? <p className="text-sm text-slate-600">{t("form.requestHint")}</p> : null}
        <DivisionCheckboxes register={register} divisions={divisions} error={errorText(errors.divisionIds as never)} />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {isSubmitting ? t("form.creating") : t("form.create")}
        </button>
      </fieldset>
    </form>
  );
}
