"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { FormError } from "@/components/forms/form-error";
import { deleteMeasureAction } from "../actions";

/** Deleting takes two steps: the button asks, the confirmation deletes. */
export function DeleteMeasure({ id, version }: { id: string; version: number }) {
  const t = useTranslations("measures.delete");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const action = useAction(deleteMeasureAction, { refresh: false, onSuccess: () => router.push("/insatser") });
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className="rounded-md border border-red-300 px-4 py-2 font-medium text-red-800 hover:bg-red-50">
        {t("button")}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="delete-question" className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-4">
      <p id="delete-question">{t("question")}</p>
      <FormError message={action.error} />
      <div className="flex gap-3">
        <button type="button" autoFocus disabled={action.pending} onClick={() => action.run({ id, version, confirmed: true })} className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60">
          {action.pending ? t("deleting") : t("confirm")}
        </button>
        <button type="button" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
