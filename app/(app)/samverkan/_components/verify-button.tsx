"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import { verifyPartnerContactAction } from "../actions";

/** Confirms a contact still holds (today); not destructive, so no confirmation step. */
export function VerifyContactButton({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("network.partners");
  const { run, pending, error, succeeded } = useAction(verifyPartnerContactAction);
  return (
    <div className="space-y-1">
      <FormError message={error} />
      <div role="status" aria-live="polite">{succeeded ? <p className="text-sm text-green-900">{t("verified")}</p> : null}</div>
      <button type="button" disabled={pending} onClick={() => run({ id, version })}
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
        {t("markVerified", { name })}
      </button>
    </div>
  );
}
