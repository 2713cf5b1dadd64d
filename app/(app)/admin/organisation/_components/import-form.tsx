"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { importSchema } from "@/lib/schemas/organisation";
import { TextArea } from "@/components/forms/text-area";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm, useMessageText } from "@/components/forms/use-action-form";
import { DataTable } from "@/components/layout/data-table";
import type { ImportResult } from "@/lib/organisation-csv";
import { importOrganisationAction } from "../actions";

/**
 * Paste or pick a CSV file, do a dry run (nothing changes) and read what would happen; only
 * then, after a confirmation, import. Editing the text after a dry run asks for a new one.
 */
export function ImportForm({ template }: { template: string }) {
  const t = useTranslations("organisation.import");
  const tKind = useTranslations("organisation.kind");
  const text = useMessageText();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const kit = useActionForm(importSchema, importOrganisationAction, {
    defaultValues: { csv: "", dryRun: true },
    onSuccess: (data) => {
      setResult(data ?? null);
      setConfirming(false);
    },
  });
  const csv = kit.form.register("csv", { onChange: () => setResult(null) });
  const submit = (dryRun: boolean) => kit.form.setValue("dryRun", dryRun);
  const readyToImport = result?.dryRun === true && result.problems.length === 0 && result.lines.some((l) => l.action !== "unchanged");

  return (
    <div className="space-y-6">
      <ActionForm kit={kit} className="rounded-lg border border-slate-200 bg-white p-4" fieldsetClassName="space-y-3">
        <div>
          <label htmlFor="csv-file" className="block text-sm font-medium text-slate-800">{t("file")}</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            className="mt-1 block text-sm"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              kit.form.setValue("csv", await file.text(), { shouldValidate: true });
              setResult(null);
            }}
          />
        </div>
        <TextArea label={t("csv")} rows={10} spellCheck={false} placeholder={template} className="font-mono" error={kit.error("csv")} {...csv} />
        <input type="hidden" {...kit.form.register("dryRun")} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton onClick={() => submit(true)}>{t("dryRun")}</SubmitButton>
          {readyToImport && !confirming ? (
            <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100">
              {t("run")}
            </button>
          ) : null}
        </div>
        {confirming ? (
          <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
            <p>{t("runConfirm")}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <SubmitButton onClick={() => submit(false)} className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
                {t("yes")}
              </SubmitButton>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-400 bg-white px-3 py-1.5">{t("cancel")}</button>
            </div>
          </div>
        ) : null}
      </ActionForm>

      <div role="status" aria-live="polite">
        {result ? (
          <section aria-labelledby="import-result" className="space-y-3">
            <h2 id="import-result" className="text-lg font-semibold">{result.dryRun ? t("resultDry") : t("resultDone")}</h2>
            <p>{t(result.dryRun ? "counts" : "countsDone", result.counts)}</p>
            {result.problems.length > 0 ? (
              <div className="rounded-md border border-red-300 bg-red-50 p-3">
                <h3 className="font-semibold text-red-900">{t("problemsTitle")}</h3>
                <ul className="mt-1 list-disc pl-5 text-sm text-red-900">
                  {result.problems.map((p) => (
                    <li key={`${p.line}-${p.messageKey}`}>{t("columns.line")} {p.line}: {text(p.messageKey)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {result.lines.length > 0 ? (
              <DataTable headers={(["line", "kind", "name", "code", "sortOrder", "action"] as const).map((c) => t(`columns.${c}`))}>
                {result.lines.map((l) => (
                  <tr key={l.line}>
                    <td className="px-3 py-2">{l.line}</td>
                    <td className="px-3 py-2">{tKind(l.kind)}</td>
                    <td className="px-3 py-2">{l.name}</td>
                    <td className="px-3 py-2">{l.code}</td>
                    <td className="px-3 py-2">{l.sortOrder}</td>
                    <td className="px-3 py-2">{t(`actions.${l.action}`, { previous: l.previousName ?? "" })}</td>
                  </tr>
                ))}
              </DataTable>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
