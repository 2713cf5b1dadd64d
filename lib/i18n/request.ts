import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALE_HEADER, isLocale } from "./config";
import { MESSAGES } from "./messages";

// Which language to render: a locale in the URL (proxy.ts turns /en/… into a header) wins;
// the signed-in app has no locale in its URLs and uses the preference cookie.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  let locale = isLocale(requested) ? requested : undefined;
  if (!locale) {
    const fromUrl = (await headers()).get(LOCALE_HEADER);
    const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(fromUrl) ? fromUrl : isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  }
  return { locale, timeZone: "Europe/Stockholm", messages: MESSAGES[locale] };
});
