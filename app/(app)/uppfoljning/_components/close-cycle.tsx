"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { FormError } from "@/components/forms/form-error";
import { closeCycleAction } from "../actions";

/**
 * Closing a cycle: at once when every follow-up is approved; otherwise the button asks first,
 * saying how many are not, and only the confirmation closes it (the server counts again).
 */
export function CloseCycle({ id, version, title, unapproved }: { id: string; version: number; title: string; unapproved: number }) {
  const t = useTranslations("followUp.close");
  const [asking, setAsking] = useState(false);
  const action = useAction(closeCycleAction);
  const questionId = `close-question-${id}`;
  if (!asking) {
    return (
      <>
        <button
          type="button"
          disabled={action.pending}
          aria-label={t("buttonFor", { title })}
          onClick={() => (unapproved > 0 ? setAsking(true) : action.run({ id, version, confirmed: false }))}
          className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          {action.pending ? t("working") : t("button")}
        </button>
        <FormError message={action.error} />
      </>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby={questionId} className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
      <p id={questionId}>{t("question", { title, count: unapproved })}</p>
      <FormError message={action.error} />
      <div className="flex gap-2">
        <button type="button" autoFocus disabled={action.pending} onClick={() => action.run({ id, version, confirmed: true })} className="rounded-md bg-brand-700 px-3 py-1 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {action.pending ? t("working") : t("confirm")}
        </button>
        <button type="button" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100">{t("cancel")}</button>
      </div>
    </div>
  );
}
