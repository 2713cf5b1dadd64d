"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createReportSchema, type CreateReportInput } from "@/lib/schemas/situation-report";
import { TextField } from "@/components/forms/text-field";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createReportAction } from "../actions";

export function CreateReportForm({ defaults }: { defaults: CreateReportInput }) {
  const t = useTranslations("reports.create");
  const router = useRouter();
  const kit = useActionForm(createReportSchema, createReportAction, {
    defaultValues: defaults,
    refresh: false,
    onSuccess: (data) => router.push(`/lagesbild/rapporter/${data?.id ?? ""}`),
  });
  return (
    <ActionForm kit={kit} className="max-w-xl rounded-lg border border-slate-200 bg-white p-5" fieldsetClassName="space-y-4">
      <TextField label={t("name")} error={kit.error("title")} {...kit.form.register("title")} />
      <div className="flex flex-wrap gap-4">
        <TextField label={t("periodStart")} type="date" error={kit.error("periodStart")} {...kit.form.register("periodStart")} />
        <TextField label={t("periodEnd")} type="date" error={kit.error("periodEnd")} {...kit.form.register("periodEnd")} />
      </div>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
