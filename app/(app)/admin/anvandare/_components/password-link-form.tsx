"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { issuePasswordLinkAction } from "../actions";
import { PasswordLinkBox } from "./password-link-box";

/** A new one-time set-password link for an account (earlier links stop working). */
export function PasswordLinkForm({ userId }: { userId: string }) {
  const t = useTranslations("users.passwordLink");
  const [formError, setFormError] = useState<string | null>(null);
  const [link, setLink] = useState<{ path: string; expiresAt: Date } | null>(null);
  const [pending, startTransition] = useTransition();

  function issue() {
    setFormError(null);
    startTransition(async () => {
      const result = await issuePasswordLinkAction(undefined, { id: userId });
      if (!result.ok) setFormError(result.formError ?? null);
      else if (result.data) setLink(result.data);
    });
  }

  return (
    <section aria-labelledby="password-link-title" className="mt-10 max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="password-link-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm">{t("intro")}</p>
      <FormError message={formError} />
      {link ? (
        <PasswordLinkBox path={link.path} expiresAt={link.expiresAt} />
      ) : (
        <button type="button" disabled={pending} onClick={issue} className="mt-4 rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60">
          {t("issue")}
        </button>
      )}
    </section>
  );
}
