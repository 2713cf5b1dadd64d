"use client";

import Link from "next/link";
import { useFieldArray, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { draftSchema, type DraftInput } from "@/lib/schemas/public-content";
import { TextField } from "@/components/forms/text-field";
import { TextArea } from "@/components/forms/text-area";
import { Select } from "@/components/forms/select";
import { Checkbox } from "@/components/forms/checkbox";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveDraftAction } from "../actions";

type Props = { values: DraftInput; basedOnVersion: number };

const buttonClass = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

export function DraftForm({ values, basedOnVersion }: Props) {
  const t = useTranslations("public.editor.form");
  const kit = useActionForm(draftSchema, saveDraftAction, {
    defaultValues: values,
    // Later saves of this form edit the draft that now exists.
    onSuccess: (data, form) => {
      if (!data) return;
      form.setValue("draftId", data.id);
      form.setValue("expectedVersion", data.version);
    },
  });
  const { register, control } = kit.form;
  const { error } = kit;
  const sections = useFieldArray({ control, name: "sections" });
  const contacts = useFieldArray({ control, name: "contacts" });
  const guide = useFieldArray({ control, name: "guide" });
  const contactOptions = useWatch({ control, name: "contacts" });

  return (
    <ActionForm
      kit={kit}
      className="max-w-3xl"
      fieldsetClassName="space-y-6"
      header={
        <>
          <p className="text-sm text-slate-700">{t("basedOn", { number: basedOnVersion })}</p>
          <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">{t("markupHelp")}</p>
        </>
      }
      success={
        <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("saved")}{" "}
          <Link href={`/stod-redigering/${values.locale}/forhandsgranska`} className="font-medium underline">
            {/* The preview is where the draft is published from. */}
            {t("savedPreview")}
          </Link>
        </p>
      }
    >

        <TextField label={t("pageTitle")} error={error("title")} {...register("title")} />
        <TextArea label={t("intro")} rows={3} error={error("intro")} {...register("intro")} />

        <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
          <legend className="px-1 text-lg font-semibold">{t("guideTitle")}</legend>
          {guide.fields.map((field, i) => (
            <fieldset key={field.id} className="space-y-2 border-t border-slate-200 pt-3 first-of-type:border-t-0">
              <legend className="text-sm font-semibold">{t("guideItem", { number: i + 1 })}</legend>
              <TextField label={t("situation")} error={error(`guide.${i}.situation`)} {...register(`guide.${i}.situation`)} />
              <Select
                label={t("guideContact")}
                error={error(`guide.${i}.contactKey`)}
                options={contactOptions.map((c) => ({ value: c.key, label: c.name || c.key }))}
                {...register(`guide.${i}.contactKey`)}
              />
              <Checkbox label={t("urgent")} {...register(`guide.${i}.urgent`)} />
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
          {contacts.fields.map((field, i) => (
            <fieldset key={field.id} className="space-y-2 border-t border-slate-200 pt-3 first-of-type:border-t-0">
              <legend className="text-sm font-semibold">{t("contact", { number: i + 1 })}</legend>
              <TextField label={t("contactName")} error={error(`contacts.${i}.name`)} {...register(`contacts.${i}.name`)} />
              <TextField label={t("contactPhone")} type="tel" error={error(`contacts.${i}.phone`)} {...register(`contacts.${i}.phone`)} />
              <TextField label={t("contactHours")} error={error(`contacts.${i}.hours`)} {...register(`contacts.${i}.hours`)} />
              <TextField label={t("contactUrl")} type="url" error={error(`contacts.${i}.url`)} {...register(`contacts.${i}.url`)} />
              <TextArea label={t("contactDescription")} rows={2} error={error(`contacts.${i}.description`)} {...register(`contacts.${i}.description`)} />
              <TextField label={t("key")} error={error(`contacts.${i}.key`)} {...register(`contacts.${i}.key`)} />
              <button type="button" className={buttonClass} onClick={() => contacts.remove(i)}>
                {t("removeContact", { number: i + 1 })}
              </button>
            </fieldset>
          ))}
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
          {error("sections") ? <p className="text-sm text-red-700">{error("sections")}</p> : null}
          {sections.fields.map((field, i) => (
            <fieldset key={field.id} className="space-y-2 border-t border-slate-200 pt-3 first-of-type:border-t-0">
              <legend className="text-sm font-semibold">{t("section", { number: i + 1 })}</legend>
              <TextField label={t("heading")} error={error(`sections.${i}.heading`)} {...register(`sections.${i}.heading`)} />
              <TextArea label={t("body")} rows={6} error={error(`sections.${i}.body`)} {...register(`sections.${i}.body`)} />
              <TextField label={t("key")} error={error(`sections.${i}.key`)} {...register(`sections.${i}.key`)} />
              <button type="button" className={buttonClass} onClick={() => sections.remove(i)}>
                {t("removeSection", { number: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className={buttonClass}
            onClick={() => sections.append({ key: `avsnitt-${sections.fields.length + 1}`, heading: "", body: "" })}
          >
            {t("addSection")}
          </button>
        </fieldset>

        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
          <Link href="/stod-redigering" className="text-brand-700 underline">{t("back")}</Link>
        </div>
    </ActionForm>
  );
}
