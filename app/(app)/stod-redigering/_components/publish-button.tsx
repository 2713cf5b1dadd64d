"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { publishDraftAction } from "../actions";

export function PublishButton({ draftId, expectedVersion, locale }: { draftId: string; expectedVersion: number; locale: string }) {
  const t = useTranslations("public.editor.preview");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function publish() {
    setError(null);
    startTransition(async () => {
      const result = await publishDraftAction(undefined, { draftId, expectedVersion });
      if (!result.ok) {
        setError(result.formError ?? null);
        return;
      }
      // The draft is gone once published: the overview says what happened.
      router.push(`/stod-redigering?publicerad=${result.data?.versionNumber ?? ""}&sprak=${locale}`);
    });
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <button
        type="button"
        onClick={publish}
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("publishing") : t("publish")}
      </button>
    </div>
  );
}
