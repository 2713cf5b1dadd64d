"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteContactSchema } from "@/lib/schemas/contact-log";
import { Checkbox } from "@/components/forms/checkbox";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { deleteContactAction } from "../actions";

/** Deleting asks for a confirmation first. */
export function DeleteContactForm({ id, expectedVersion }: { id: string; expectedVersion: number }) {
  const t = useTranslations("contactLog");
  const router = useRouter();
  const kit = useActionForm(deleteContactSchema, deleteContactAction, {
    values: { id, expectedVersion, confirmed: false as unknown as true },
    refresh: false,
    onSuccess: () => router.push("/kontaktlogg"),
  });
  return (
    <ActionForm kit={kit} className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5" fieldsetClassName="space-y-3">
      <Checkbox label={t("deleteConfirm")} {...kit.form.register("confirmed")} />
      {kit.error("confirmed") ? <p className="text-sm text-red-700">{kit.error("confirmed")}</p> : null}
      <SubmitButton pendingLabel={t("deleting")} className="rounded-md border border-red-300 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">{t("delete")}</SubmitButton>
    </ActionForm>
  );
}
