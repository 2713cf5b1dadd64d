"use client";

import { useTranslations } from "next-intl";

/** Schema messages are catalog keys: bare ones live under `validation`. */
export function useMessage() {
  const t = useTranslations();
  return (key?: string) => {
    if (!key) return undefined;
    // Server errors arrive already translated; only keys go through the catalog.
    if (!/^[\w.]+$/.test(key)) return key;
    const full = key.includes(".") ? key : `validation.${key}`;
    return t.has(full as never) ? t(full as never) : t("validation.invalid");
  };
}
