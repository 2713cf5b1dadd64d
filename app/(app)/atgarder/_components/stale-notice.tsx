"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/**
 * After a save refused as stale (someone else saved first): a way to see the current text.
 * The form follows the page's values (`values`), so a refresh brings the current version in.
 */
export function StaleNotice({ formError }: { formError: string | null }) {
  const t = useTranslations();
  const router = useRouter();
  const [reloaded, setReloaded] = useState<string | null>(null);
  if (formError !== t("actionErrors.stale")) return null;
  if (reloaded === formError) return <p className="text-sm text-slate-700">{t("network.itemForm.staleHint")}</p>;
  return (
    <button type="button" onClick={() => { router.refresh(); setReloaded(formError); }}
      className="mb-2 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
      {t("network.itemForm.showCurrent")}
    </button>
  );
}
