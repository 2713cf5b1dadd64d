"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { markVerifiedAction } from "../actions";

export function MarkVerifiedButton({ contactId, expectedVersion, name }: { contactId: string; expectedVersion: number; name: string }) {
  const t = useTranslations("public.editor.contacts");
  const { run, pending, error, succeeded } = useAction(markVerifiedAction);

  return (
    <div>
      <button
        type="button"
        disabled={pending || succeeded}
        onClick={() => run({ contactId, expectedVersion })}
        className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {t("markVerifiedShort")}
        {/* The visible words stay at the start of the name (WCAG 2.5.3), the contact follows. */}
        <span className="sr-only">{`(${name})`}</span>
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {error ? <p className="text-red-700">{error}</p> : succeeded ? <p className="text-green-900">{t("verified", { name })}</p> : null}
      </div>
    </div>
  );
}
