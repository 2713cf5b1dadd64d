"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { approveGrantAction, rejectGrantAction } from "../actions";
import { PasswordLinkBox } from "./password-link-box";

/** A coordinator approves or rejects an administrator's request for a content role. */
export function GrantDecisionForm({ request }: { request: { id: string; version: number } }) {
  const t = useTranslations("users.grant");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [link, setLink] = useState<{ path: string; expiresAt: Date } | null>(null);
  const [pending, startTransition] = useTransition();

  function decide(approve: boolean) {
    setFormError(null);
    startTransition(async () => {
      const input = { id: request.id, version: request.version };
      if (approve) {
        const result = await approveGrantAction(undefined, input);
        if (!result.ok) return setFormError(result.formError ?? null);
        if (result.data) setLink(result.data.passwordLink);
        return;
      }
      const result = await rejectGrantAction(undefined, input);
      if (!result.ok) return setFormError(result.formError ?? null);
      router.refresh();
    });
  }

  if (link) {
    return (
      <div className="mt-4 rounded-md border border-green-200 bg-green-50 p-4" role="status">
        <p className="font-medium">{t("approved")}</p>
        <PasswordLinkBox path={link.path} expiresAt={link.expiresAt} />
      </div>
    );
  }
  return (
    <div className="mt-4">
      <FormError message={formError} />
      <div className="flex gap-2">
        <button type="button" disabled={pending} onClick={() => decide(true)} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {t("approve")}
        </button>
        <button type="button" disabled={pending} onClick={() => decide(false)} className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
          {t("reject")}
        </button>
      </div>
    </div>
  );
}
