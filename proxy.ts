// Runs before every page and route handler. Each concern is one small step that may add
// request headers (read by the app) and response headers.
import { NextResponse, type NextRequest } from "next/server";
import { DEFAULT_LOCALE, LOCALES, LOCALE_HEADER } from "@/lib/i18n/config";

type Step = (request: NextRequest, requestHeaders: Headers) => void;

/** Pages with their locale in the URL (/en/…) tell the app which language to render. */
const localeFromPath: Step = (request, requestHeaders) => {
  requestHeaders.delete(LOCALE_HEADER); // never trust a client-sent value
  const first = request.nextUrl.pathname.split("/")[1];
  const locale = LOCALES.find((l) => l === first && l !== DEFAULT_LOCALE);
  if (locale) requestHeaders.set(LOCALE_HEADER, locale);
};

const STEPS: Step[] = [localeFromPath];

export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  for (const step of STEPS) step(request, requestHeaders);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  // Everything but static assets.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
