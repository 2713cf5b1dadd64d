"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import { rollbackAction } from "../actions";

/** Restoring a version replaces what the public sees, so it asks first, in the page itself. */
export function RollbackButton({
  targetId, versionNumber, expectedPublishedVersion,
}: { targetId: string; versionNumber: number; expectedPublishedVersion: number }) {
  const t = useTranslations("public.editor");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const { run, pending, error } = useAction(rollbackAction, {
    onSuccess: (data) => {
      setConfirming(false);
      setDone(t("rolledBack", { number: versionNumber, newNumber: data?.versionNumber ?? 0 }));
    },
  });
  const rollback = () => run({ targetId, expectedPublishedVersion });

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div role="status" aria-live="polite">
        {done ? <p className="text-sm text-green-900">{done}</p> : null}
      </div>
      {confirming ? (
        <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
          <p>{t("rollbackConfirm", { number: versionNumber })}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              ref={confirmRef}
              type="button"
              onClick={rollback}
              disabled={pending}
              className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {t("rollbackYes", { number: versionNumber })}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-400 bg-white px-3 py-1.5">
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : done ? null : (
        <button
          type="button"
          onClick={() => {
            setConfirming(true);
            setTimeout(() => confirmRef.current?.focus(), 0);
          }}
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
        >
          {t("rollback", { number: versionNumber })}
        </button>
      )}
    </div>
  );
}
