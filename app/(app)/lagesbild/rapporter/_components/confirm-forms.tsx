"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteReportSchema, finalizeReportSchema } from "@/lib/schemas/situation-report";
import { Checkbox } from "@/components/forms/checkbox";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { deleteReportAction, finalizeReportAction } from "../actions";

/** Finalising freezes the report for good: it asks for a confirmation first. */
export function FinalizeForm({ id, expectedVersion }: { id: string; expectedVersion: number }) {
  const t = useTranslations("reports.detail");
  const kit = useActionForm(finalizeReportSchema, finalizeReportAction, { values: { id, expectedVersion, confirmed: false as unknown as true } });
  return (
    <ActionForm kit={kit} className="rounded-lg border border-amber-300 bg-amber-50 p-5" fieldsetClassName="space-y-3">
      <Checkbox label={t("finalizeConfirm")} {...kit.form.register("confirmed")} />
      {kit.error("confirmed") ? <p className="text-sm text-red-700">{kit.error("confirmed")}</p> : null}
      <SubmitButton pendingLabel={t("finalizing")}>{t("finalize")}</SubmitButton>
    </ActionForm>
  );
}

export function DeleteDraftForm({ id, expectedVersion }: { id: string; expectedVersion: number }) {
  const t = useTranslations("reports.detail");
  const router = useRouter();
  const kit = useActionForm(deleteReportSchema, deleteReportAction, {
    values: { id, expectedVersion, confirmed: false as unknown as true },
    refresh: false,
    onSuccess: () => router.push("/lagesbild/rapporter"),
  });
  return (
    <ActionForm kit={kit} className="rounded-lg border border-slate-200 bg-white p-5" fieldsetClassName="space-y-3">
      <Checkbox label={t("deleteConfirm")} {...kit.form.register("confirmed")} />
      {kit.error("confirmed") ? <p className="text-sm text-red-700">{kit.error("confirmed")}</p> : null}
      <SubmitButton pendingLabel={t("deleting")} className="rounded-md border border-red-300 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">{t("delete")}</SubmitButton>
    </ActionForm>
  );
}
