"use client";

import { useTranslations } from "next-intl";
import { saveFollowUpSchema, ASSESSMENTS, type SaveFollowUpInput } from "@/lib/schemas/follow-up";
import { Select } from "@/components/forms/select";
import { TextArea } from "@/components/forms/text-area";
import { TextField } from "@/components/forms/text-field";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveFollowUpAction } from "../actions";

export type FormLine = {
  id: string;
  kind: "measure" | "trainingNeed" | "actionItem";
  title: string;
  statuses: readonly string[];
};

/**
 * The division head's form: per line status, assessment and comment; overall assessment,
 * comment and gender perspective. "Spara utkast" keeps it as a draft, "Skicka in" sends it to
 * the coordinator (the server then asks for every assessment and the gender perspective).
 */
export function FollowUpForm({ lines, values }: { lines: FormLine[]; values: SaveFollowUpInput }) {
  const t = useTranslations("followUp");
  const kit = useActionForm(saveFollowUpSchema, saveFollowUpAction, {
    defaultValues: values,
    onSuccess: (data, form) => {
      if (data) form.setValue("version", data.version);
    },
  });
  const { register, setValue } = kit.form;
  const assessmentOptions = [{ value: "", label: t("form.chooseAssessment") }, ...ASSESSMENTS.map((a) => ({ value: a, label: t(`assessments.${a}`) }))];
  const send = (submit: boolean) => {
    setValue("submit", submit);
    void kit.onSubmit();
  };

  return (
    <ActionForm kit={kit} fieldsetClassName="space-y-6" success={<p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("form.saved")}</p>}>
      <input type="hidden" {...register("id")} />
      <input type="hidden" {...register("version")} />
      <section aria-labelledby="lines-heading" className="space-y-4">
        <h2 id="lines-heading" className="text-lg font-semibold">{t("detail.lines")}</h2>
        {lines.length === 0 ? <p className="text-sm text-slate-600">{t("detail.noLines")}</p> : null}
        {lines.map((line, index) => (
          <fieldset key={line.id} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3" aria-label={`${t(`kinds.${line.kind}`)}: ${line.title}`}>
            <legend className="px-1 font-medium">
              <span className="mr-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t(`kinds.${line.kind}`)}</span>
              {line.title}
            </legend>
            <input type="hidden" {...register(`items.${index}.id`)} />
            <Select
              label={t("form.reportedStatus")}
              error={kit.error(`items.${index}.reportedStatus`)}
              options={[{ value: "", label: t("form.sameStatus") }, ...line.statuses.map((s) => ({ value: s, label: t(`lineStatuses.${line.kind}.${s}` as never) }))]}
              {...register(`items.${index}.reportedStatus`)}
            />
            <Select label={t("form.assessment")} error={kit.error(`items.${index}.assessment`)} options={assessmentOptions} {...register(`items.${index}.assessment`)} />
            <TextField label={t("form.comment")} error={kit.error(`items.${index}.comment`)} {...register(`items.${index}.comment`)} />
          </fieldset>
        ))}
      </section>
      <section aria-labelledby="overall-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="overall-heading" className="text-lg font-semibold">{t("detail.overall")}</h2>
        <Select label={t("form.overallAssessment")} error={kit.error("assessment")} options={assessmentOptions} {...register("assessment")} />
        <TextArea label={t("form.overallComment")} rows={4} error={kit.error("comment")} {...register("comment")} />
        <TextArea label={t("form.genderPerspective")} hint={t("form.genderPerspectiveHint")} rows={3} error={kit.error("genderPerspective")} {...register("genderPerspective")} />
      </section>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => send(false)} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60">
          {kit.pending ? t("form.saving") : t("form.save")}
        </button>
        <button type="button" onClick={() => send(true)} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {t("form.submit")}
        </button>
      </div>
    </ActionForm>
  );
}
