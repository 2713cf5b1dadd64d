"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createUserSchema } from "@/lib/schemas/user";
import type { Role } from "@/lib/access/permissions";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createUserAction } from "../actions";
import { DivisionCheckboxes, RoleSelect, type DivisionOption } from "./user-fields";

export function CreateUserForm({ divisions, roles }: { divisions: DivisionOption[]; roles: Role[] }) {
  const t = useTranslations("users");
  const [created, setCreated] = useState<{ id: string; temporaryPassword: string } | null>(null);
  const kit = useActionForm(createUserSchema, createUserAction, {
    defaultValues: { name: "", email: "", role: "NETWORK_MEMBER", divisionIds: [] },
    onSuccess: (data) => setCreated(data ?? null),
    refresh: false,
  });
  const { register } = kit.form;

  if (created) {
    return (
      <section aria-labelledby="created-title" className="max-w-xl rounded-lg border border-green-200 bg-green-50 p-6">
        <h2 id="created-title" className="text-lg font-semibold">{t("created.title")}</h2>
        <p className="mt-2 text-sm">{t("created.text")}</p>
        <p className="mt-4 text-sm font-medium">{t("created.password")}</p>
        <p className="font-mono text-lg" data-testid="temporary-password">{created.temporaryPassword}</p>
        <Link href={`/admin/anvandare/${created.id}`} className="mt-4 inline-block underline">{t("created.toUser")}</Link>
      </section>
    );
  }

  return (
    <ActionForm kit={kit} className="max-w-xl" fieldsetClassName="space-y-4">
      <TextField label={t("form.name")} autoComplete="off" error={kit.error("name")} {...register("name")} />
      <TextField label={t("form.email")} type="email" autoComplete="off" error={kit.error("email")} {...register("email")} />
      <RoleSelect register={register} roles={roles} error={kit.error("role")} />
      <DivisionCheckboxes register={register} divisions={divisions} error={kit.error("divisionIds")} />
      <SubmitButton pendingLabel={t("form.creating")}>{t("form.create")}</SubmitButton>
    </ActionForm>
  );
}
