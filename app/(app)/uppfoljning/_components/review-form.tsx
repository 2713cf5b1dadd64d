"use client";

import { useTranslations } from "next-intl";
import { reviewFollowUpSchema } from "@/lib/schemas/follow-up";
import { TextArea } from "@/components/forms/text-area";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { reviewFollowUpAction } from "../actions";

/** The coordinator approves a submitted follow-up, or returns it with a comment. */
export function ReviewForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("followUp.review");
  const kit = useActionForm(reviewFollowUpSchema, reviewFollowUpAction, {
    defaultValues: { id, version, decision: "approve", reviewComment: "" },
    onSuccess: (data, form) => {
      if (data) form.setValue("version", data.version);
      form.setValue("reviewComment", "");
    },
  });
  const { register, setValue } = kit.form;
  const decide = (decision: "approve" | "return") => {
    setValue("decision", decision);
    void kit.onSubmit();
  };
  return (
    <ActionForm
      kit={kit}
      className="rounded-lg border border-brand-200 bg-white p-4"
      fieldsetClassName="space-y-4"
      header={<legend className="text-lg font-semibold">{t("legend")}</legend>}
      success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("done")}</p>}
    >
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <TextArea label={t("comment")} hint={t("commentHint")} rows={3} error={kit.error("reviewComment")} {...register("reviewComment")} />
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => decide("approve")} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {kit.pending ? t("working") : t("approve")}
        </button>
        <button type="button" onClick={() => decide("return")} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60">
          {t("return")}
        </button>
      </div>
    </ActionForm>
  );
}
