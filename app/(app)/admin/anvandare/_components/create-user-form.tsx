"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createUserSchema } from "@/lib/schemas/user";
import type { Role } from "@/lib/access/permissions";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import type { CreatedUser } from "@/lib/server/users/create-user";
import { createUserAction } from "../actions";
import { PasswordLinkBox } from "./password-link-box";
import { DivisionCheckboxes, RoleSelect, type DivisionOption } from "./user-fields";

export function CreateUserForm({ divisions, roles, requestOnly }: { divisions: DivisionOption[]; roles: Role[]; requestOnly: Role[] }) {
  const t = useTranslations("users");
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const kit = useActionForm(createUserSchema, createUserAction, {
    defaultValues: { name: "", email: "", role: "NETWORK_MEMBER", divisionIds: [] },
    onSuccess: (data) => setCreated(data ?? null),
    refresh: false,
  });
  const { register } = kit.form;

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
    <ActionForm kit={kit} className="max-w-xl" fieldsetClassName="space-y-4">
      <TextField label={t("form.name")} autoComplete="off" error={kit.error("name")} {...register("name")} />
      <TextField label={t("form.email")} type="email" autoComplete="off" error={kit.error("email")} {...register("email")} />
      <RoleSelect register={register} roles={roles} error={kit.error("role")} />
      {requestOnly.length > 0 ? <p className="text-sm text-slate-600">{t("form.requestHint")}</p> : null}
      <DivisionCheckboxes register={register} divisions={divisions} error={kit.error("divisionIds")} />
      <SubmitButton pendingLabel={t("form.creating")}>{t("form.create")}</SubmitButton>
    </ActionForm>
  );
}
