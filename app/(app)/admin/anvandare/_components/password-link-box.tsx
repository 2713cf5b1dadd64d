"use client";

import { useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";

const noop = () => () => {};

/** A one-time set-password link, shown once, as a full address to hand over. */
export function PasswordLinkBox({ path, expiresAt }: { path: string; expiresAt: Date | string }) {
  const t = useTranslations("users.created");
  const format = useFormatter();
  const origin = useSyncExternalStore(noop, () => window.location.origin, () => "");
  return (
    <div className="mt-2">
      <p className="text-sm">{t("linkText")}</p>
      <p className="mt-4 text-sm font-medium">{t("link")}</p>
      <p className="break-all font-mono text-sm" data-testid="password-link">{`${origin}${path}`}</p>
      <p className="mt-2 text-sm text-slate-600">{t("linkExpires", { at: format.dateTime(new Date(expiresAt), { dateStyle: "short", timeStyle: "short" }) })}</p>
    </div>
  );
}
