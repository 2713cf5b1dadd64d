import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "./config";
import { MESSAGES } from "./messages";

// The signed-in app has no locale in its URLs: the language is a preference cookie. A page
// with the locale in its URL (the public page) passes it as `requestLocale`.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const fromCookie = isLocale(requested) ? undefined : (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return { locale, timeZone: "Europe/Stockholm", messages: MESSAGES[locale] };
});
