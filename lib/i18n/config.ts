export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sv";
export const LOCALE_COOKIE = "VARNA_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Set by proxy.ts for pages whose URL starts with a locale (e.g. /en/stod). */
export const LOCALE_HEADER = "x-varna-locale";

/** Each language's name in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { sv: "Svenska", en: "English" };

/** Set by proxy.ts on the public pages, which need no client-side messages at all. */
export const PUBLIC_PAGE_HEADER = "x-varna-public-page";
