"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { draftSchema, type Draft, type DraftInput } from "@/lib/schemas/public-content";
import { TextField } from "@/components/forms/text-field";
import { TextArea } from "@/components/forms/text-area";
import { FormError } from "@/components/forms/form-error";
import { saveDraftAction } from "../actions";
import { useMessage } from "./use-message";

type Props = { values: DraftInput; basedOnVersion: number };

const buttonClass = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

export function DraftForm({ values, basedOnVersion }: Props) {
  const t = useTranslations("public.editor.form");
  const message = useMessage();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register, control, handleSubmit, setError, setValue,
    formState: { errors, isSubmitting },
  } = useForm<DraftInput, unknown, Draft>({ resolver: zodResolver(draftSchema), defaultValues: values });
  const sections = useFieldArray({ control, name: "sections" });
  const contacts = useFieldArray({ control, name: "contacts" });
  const guide = useFieldArray({ control, name: "guide" });
  const contactOptions = useWatch({ control, name: "contacts" });

  async function onSubmit(input: Draft) {
    setFormError(null);
    setSaved(false);
    const result = await saveDraftAction(undefined, input);
    if (!result.ok) {
      setFormError(result.formError ?? null);
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        setError(field as FieldPath<DraftInput>, { message: messages[0] });
      }
      return;
    }
    // Later saves of this form edit the draft that now exists.
    if (result.data) {
      setValue("draftId", result.data.id);
      setValue("expectedVersion", result.data.version);
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-3xl">
      <fieldset disabled={isSubmitting} className="space-y-6">
        <p className="text-sm text-slate-700">{t("basedOn", { number: basedOnVersion })}</p>
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">{t("markupHelp")}</p>
        <FormError message={formError} />
        <div role="status" aria-live="polite">
          {saved ? (
            <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
              {t("saved")}{" "}
              <Link href={`/stod-redigering/${values.locale}/forhandsgranska`} className="font-medium underline">
                {/* The preview is where the draft is published from. */}
                {t("savedPreview")}
              </Link>
            </p>
          ) : null}
        </div>

        <TextField label={t("pageTitle")} error={message(errors.title?.message)} {...register("title")} />
        <TextArea label={t("intro")} rows={3} error={message(errors.intro?.message)} {...register("intro")} />

        <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
          <legend className="px-1 text-lg font-semibold">{t("guideTitle")}</legend>
          {guide.fields.map((field, i) => (
            <fieldset key={field.id} className="space-y-2 border-t border-slate-200 pt-3 first-of-type:border-t-0">
              <legend className="text-sm font-semibold">{t("guideItem", { number: i + 1 })}</legend>
              <TextField label={t("situation")} error={message(errors.guide?.[i]?.situation?.message)} {...register(`guide.${i}.situation`)} />
              <div>
                <label htmlFor={`guide-${i}-contact`} className="block text-sm font-medium text-slate-800">{t("guideContact")}</label>
                <select
                  id={`guide-${i}-contact`}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
                  aria-invalid={errors.guide?.[i]?.contactKey ? true : undefined}
                  aria-describedby={errors.guide?.[i]?.contactKey ? `guide-${i}-contact-error` : undefined}
                  {...register(`guide.${i}.contactKey`)}
                >
                  {contactOptions.map((c, j) => (
                    <option key={j} value={c.key}>{c.name || c.key}</option>
                  ))}
                </select>
                {errors.guide?.[i]?.contactKey ? (
                  <p id={`guide-${i}-contact-error`} className="mt-1 text-sm text-red-700">{message(errors.guide[i]?.contactKey?.message)}</p>
                ) : null}
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" {...register(`guide.${i}.urgent`)} />
                {t("urgent")}
              </label>
              <button type="button" className={buttonClass} onClick={() => guide.remove(i)}>
                {t("removeGuideItem", { number: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className={buttonClass}
            onClick={() => guide.append({ situation: "", contactKey: contactOptions[0]?.key ?? "", urgent: false })}
          >
            {t("addGuideItem")}
          </button>
        </fieldset>

        <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
          <legend className="px-1 text-lg font-semibold">{t("contactsTitle")}</legend>
          {contacts.fields.map((field, i) => {
            const e = errors.contacts?.[i];
            return (
              <fieldset key={field.id} className="space-y-2 border-t border-slate-200 pt-3 first-of-type:border-t-0">
                <legend className="text-sm font-semibold">{t("contact", { number: i + 1 })}</legend>
                <TextField label={t("contactName")} error={message(e?.name?.message)} {...register(`contacts.${i}.name`)} />
                <TextField label={t("contactPhone")} type="tel" error={message(e?.phone?.message)} {...register(`contacts.${i}.phone`)} />
                <TextField label={t("contactHours")} error={message(e?.hours?.message)} {...register(`contacts.${i}.hours`)} />
                <TextField label={t("contactUrl")} type="url" error={message(e?.url?.message)} {...register(`contacts.${i}.url`)} />
                <TextArea label={t("contactDescription")} rows={2} error={message(e?.description?.message)} {...register(`contacts.${i}.description`)} />
                <TextField label={t("key")} error={message(e?.key?.message)} {...register(`contacts.${i}.key`)} />
                <button type="button" className={buttonClass} onClick={() => contacts.remove(i)}>
                  {t("removeContact", { number: i + 1 })}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            className={buttonClass}
            onClick={() => contacts.append({ key: `kontakt-${contacts.fields.length + 1}`, name: "", phone: "", hours: "", url: "", description: "" })}
          >
            {t("addContact")}
          </button>
        </fieldset>

        <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
          <legend className="px-1 text-lg font-semibold">{t("sectionsTitle")}</legend>
          {errors.sections?.root?.message || errors.sections?.message ? (
            <p className="text-sm text-red-700">{message(errors.sections?.root?.message ?? errors.sections?.message)}</p>
          ) : null}
          {sections.fields.map((field, i) => {
            const e = errors.sections?.[i];
            return (
              <fieldset key={field.id} className="space-y-2 border-t border-slate-200 pt-3 first-of-type:border-t-0">
                <legend className="text-sm font-semibold">{t("section", { number: i + 1 })}</legend>
                <TextField label={t("heading")} error={message(e?.heading?.message)} {...register(`sections.${i}.heading`)} />
                <TextArea label={t("body")} rows={6} error={message(e?.body?.message)} {...register(`sections.${i}.body`)} />
                <TextField label={t("key")} error={message(e?.key?.message)} {...register(`sections.${i}.key`)} />
                <button type="button" className={buttonClass} onClick={() => sections.remove(i)}>
                  {t("removeSection", { number: i + 1 })}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            className={buttonClass}
            onClick={() => sections.append({ key: `avsnitt-${sections.fields.length + 1}`, heading: "", body: "" })}
          >
            {t("addSection")}
          </button>
        </fieldset>

        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
            {isSubmitting ? t("saving") : t("save")}
          </button>
          <Link href="/stod-redigering" className="text-brand-700 underline">{t("back")}</Link>
        </div>
      </fieldset>
    </form>
  );
}
