"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { reviewEntrySchema } from "@/lib/schemas/situation-entry";
import type { EntryStep } from "@/lib/situation/workflow";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormError } from "@/components/forms/form-error";
import { TextArea } from "@/components/forms/text-area";
import { useAction } from "@/components/forms/use-action";
import { useActionForm, useMessageText } from "@/components/forms/use-action-form";
import { personalDataKind, personalDataMessage } from "@/lib/validation/personal-data";
import { archiveEntryAction, deleteEntryAction, reviewEntryAction, submitEntryAction } from "../actions";

const primary = "rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60";
const secondary = "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60";

/** A step behind a button; a destructive one asks first (keyboard: the confirm button takes the focus). */
function StepButton({ label, confirm, run, pending, className }: { label: string; confirm?: string; run: () => void; pending: boolean; className: string }) {
  const t = useTranslations("entries.workflow");
  const [asking, setAsking] = useState(false);
  if (!confirm) return <button type="button" className={className} disabled={pending} onClick={run}>{pending ? t("working") : label}</button>;
  if (!asking) return <button type="button" className={className} disabled={pending} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <div role="alertdialog" aria-label={confirm} className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm">{confirm}</p>
      <button type="button" autoFocus className={primary} disabled={pending} onClick={() => { run(); setAsking(false); }}>{t("confirm")}</button>
      <button type="button" className={secondary} onClick={() => setAsking(false)}>{t("cancel")}</button>
    </div>
  );
}

function ReviewForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("entries.workflow");
  const kit = useActionForm(reviewEntrySchema, reviewEntryAction, { defaultValues: { id, version, decision: "accept", comment: "" } });
  const { register, watch } = kit.form;
  const text = useMessageText();
  const kind = personalDataKind(watch("comment"));
  return (
    <ActionForm kit={kit} className="max-w-2xl" fieldsetClassName="space-y-3" header={<legend className="text-lg font-semibold">{t("reviewHeading")}</legend>}>
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <fieldset>
        <legend className="text-sm font-medium">{t("decision")}</legend>
        <label className="mr-4 inline-flex items-center gap-2 text-sm"><input type="radio" value="accept" {...register("decision")} /> {t("accept")}</label>
        <label className="inline-flex items-center gap-2 text-sm"><input type="radio" value="return" {...register("decision")} /> {t("return")}</label>
      </fieldset>
      <TextArea label={t("comment")} hint={t("commentHint")} rows={3} error={kit.error("comment") ?? (kind ? text(personalDataMessage(kind)) : undefined)} {...register("comment")} />
      <SubmitButton pendingLabel={t("working")}>{t("saveReview")}</SubmitButton>
    </ActionForm>
  );
}

/** The steps the viewer may take on this entry now (the server decides again on each). */
export function WorkflowPanel({ id, version, steps }: { id: string; version: number; steps: Record<EntryStep, boolean> }) {
  const t = useTranslations("entries.workflow");
  const router = useRouter();
  const submit = useAction(submitEntryAction);
  const archive = useAction(archiveEntryAction);
  const remove = useAction(deleteEntryAction, { onSuccess: () => router.push("/lagesbild"), refresh: false });
  const error = submit.error ?? archive.error ?? remove.error;
  const any = Object.values(steps).some(Boolean);
  return (
    <section aria-labelledby="workflow" className="mt-8 space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="workflow" className="text-lg font-semibold">{t("heading")}</h2>
      <FormError message={error} />
      <div role="status" aria-live="polite">{submit.succeeded ? <p className="text-sm text-green-800">{t("submitted")}</p> : null}</div>
      {!any ? <p className="text-sm text-slate-600">{t("noSteps")}</p> : null}
      <div className="flex flex-wrap items-start gap-3">
        {steps.edit ? <Link href={`/lagesbild/${id}/andra`} className={secondary}>{t("edit")}</Link> : null}
        {steps.submit ? <StepButton label={t("submit")} run={() => submit.run({ id, version })} pending={submit.pending} className={primary} /> : null}
        {steps.archive ? <StepButton label={t("archive")} confirm={t("archiveConfirm")} run={() => archive.run({ id, version })} pending={archive.pending} className={secondary} /> : null}
        {steps.delete ? <StepButton label={t("delete")} confirm={t("deleteConfirm")} run={() => remove.run({ id, version })} pending={remove.pending} className={secondary} /> : null}
      </div>
      {steps.review ? <ReviewForm id={id} version={version} /> : null}
    </section>
  );
}
