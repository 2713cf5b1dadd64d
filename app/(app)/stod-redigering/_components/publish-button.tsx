"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { useAction } from "@/components/forms/use-action";
import { publishDraftAction } from "../actions";

export function PublishButton({ draftId, expectedVersion, locale }: { draftId: string; expectedVersion: number; locale: string }) {
  const t = useTranslations("public.editor.preview");
  const router = useRouter();
  const { run, pending, error } = useAction(publishDraftAction, {
    // The draft is gone once published: the overview says what happened.
    onSuccess: (data) => router.push(`/stod-redigering?publicerad=${data?.versionNumber ?? ""}&sprak=${locale}`),
    refresh: false,
  });

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <button
        type="button"
        onClick={() => run({ draftId, expectedVersion })}
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("publishing") : t("publish")}
      </button>
    </div>
  );
}
