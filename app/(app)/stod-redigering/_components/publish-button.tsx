"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { publishDraftAction } from "../actions";

export function PublishButton({ draftId, expectedVersion }: { draftId: string; expectedVersion: number }) {
  const t = useTranslations("public.editor.preview");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<number | null>(null);

  function publish() {
    setError(null);
    startTransition(async () => {
      const result = await publishDraftAction(undefined, { draftId, expectedVersion });
      if (!result.ok) {
        setError(result.formError ?? null);
        return;
      }
      setPublished(result.data?.versionNumber ?? null);
      router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div role="status" aria-live="polite">
        {published !== null ? (
          <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
            {t("published", { number: published })}
          </p>
        ) : null}
      </div>
      {published === null ? (
        <button
          type="button"
          onClick={publish}
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("publishing") : t("publish")}
        </button>
      ) : null}
    </div>
  );
}
