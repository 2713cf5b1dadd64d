"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import { reportEntryAction } from "../actions";

/** Includes a reviewed entry in a draft report, or leaves it out again. */
export function EntryToggle({ reportId, entryId, expectedVersion, include, date }: { reportId: string; entryId: string; expectedVersion: number; include: boolean; date: string }) {
  const t = useTranslations("reports.detail");
  const { run, pending, error } = useAction(reportEntryAction);
  return (
    <div>
      <button
        type="button"
        onClick={() => run({ reportId, entryId, expectedVersion, include })}
        disabled={pending}
        aria-label={t(include ? "includeLabel" : "excludeLabel", { date })}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {t(include ? "include" : "exclude")}
      </button>
      <FormError message={error} />
    </div>
  );
}
