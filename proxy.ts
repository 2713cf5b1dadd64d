// Runs before every page and route handler. Each concern is one small step that may add
// request headers (read by the app) and response headers, or answer the request itself.
import { NextResponse, type NextRequest } from "next/server";
import { DEFAULT_LOCALE, LOCALES, LOCALE_HEADER, PUBLIC_PAGE_HEADER } from "@/lib/i18n/config";
import { env } from "@/lib/env";
import {
  CLIENT_ADDRESS_HEADER,
  PEER_ADDRESS_HEADER,
  deriveClientAddress,
  parseTrustedProxies,
  type TrustedProxies,
} from "@/lib/net/client-address";

type Step = (request: NextRequest, requestHeaders: Headers, responseHeaders: Headers) => Response | void;

/** The public pages, whose language comes from their URL alone (never from a cookie). */
const PUBLIC_PATHS = ["/stod"];

/** Pages with their locale in the URL (/en/…) tell the app which language to render; the
 * public pages without a prefix are in the default language whatever a cookie says. */
const localeFromPath: Step = (request, requestHeaders) => {
  requestHeaders.delete(LOCALE_HEADER); // never trust client-sent values
  requestHeaders.delete(PUBLIC_PAGE_HEADER);
  const path = request.nextUrl.pathname;
  const first = path.split("/")[1];
  const locale = LOCALES.find((l) => l === first && l !== DEFAULT_LOCALE);
  const unprefixed = locale ? path.slice(locale.length + 1) || "/" : path;
  const isPublic = PUBLIC_PATHS.some((p) => unprefixed === p || unprefixed.startsWith(`${p}/`));
  if (locale) requestHeaders.set(LOCALE_HEADER, locale);
  else if (isPublic) requestHeaders.set(LOCALE_HEADER, DEFAULT_LOCALE);
  if (isPublic) requestHeaders.set(PUBLIC_PAGE_HEADER, "1");
};

/**
 * A state-changing request (a Server Action, with or without JavaScript, or a route
 * handler) must come from a page of this app. Next checks Server Actions itself; this also
 * covers requests without an Origin and our own route handlers. next-auth's routes are left
 * to next-auth: they have their own CSRF token, and an identity provider may post back.
 */
const sameOriginWrites: Step = (request) => {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return;
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) {
    return new NextResponse("Förfrågan kommer från en annan webbplats och avvisades.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
};

/**
 * A malformed percent-escape in the path (`/lagesbild/%ZZ`) makes Next fail while decoding a
 * dynamic segment and answer 500. Such an address names no page: answer the not-found page
 * (404) before Next tries.
 */
const malformedPath: Step = (request, requestHeaders) => {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { status: 404, request: { headers: requestHeaders } });
  }
};

/** No page lives here: rewriting to it renders app/not-found.tsx. */
const NOT_FOUND_PATH = "/_ogiltig-adress";

/**
 * The client's address, derived once (lib/net/client-address.ts) from the socket's address
 * that scripts/server.mjs passes on and, behind a trusted proxy, X-Forwarded-For. The app
 * reads only the result; a copy sent by the client is removed first.
 */
const clientAddress: Step = (request, requestHeaders) => {
  requestHeaders.delete(CLIENT_ADDRESS_HEADER);
  requestHeaders.delete(PEER_ADDRESS_HEADER);
  const address = deriveClientAddress({
    peer: request.headers.get(PEER_ADDRESS_HEADER),
    forwardedFor: request.headers.get("x-forwarded-for"),
    trusted: trustedProxies(),
  });
  if (address) requestHeaders.set(CLIENT_ADDRESS_HEADER, address);
};

let trusted: TrustedProxies | undefined;
function trustedProxies(): TrustedProxies {
  trusted ??= parseTrustedProxies(env().TRUSTED_PROXIES);
  return trusted;
}

export const NONCE_HEADER = "x-nonce";

/**
 * A Content-Security-Policy with a fresh nonce per request: Next puts the nonce on its own
 * scripts when it renders a page (every page here is rendered per request). Styles allow
 * inline because React writes `style` attributes; scripts are what an attacker needs.
 */
const securityHeaders: Step = (request, requestHeaders, responseHeaders) => {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const dev = process.env.NODE_ENV === "development";
  const https =
    request.nextUrl.protocol === "https:" ||
    request.headers.get("x-forwarded-proto") === "https" ||
    (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  responseHeaders.set("Content-Security-Policy", csp);
  responseHeaders.set("X-Content-Type-Options", "nosniff");
  responseHeaders.set("Referrer-Policy", "strict-origin-when-cross-origin");
  responseHeaders.set("X-Frame-Options", "DENY");
  responseHeaders.set("Cross-Origin-Opener-Policy", "same-origin");
  responseHeaders.set(
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  );
  if (https) responseHeaders.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
};

const STEPS: Step[] = [securityHeaders, malformedPath, clientAddress, sameOriginWrites, localeFromPath];

/** What React's reply encoding may hold in a one-part (text/plain) body: no reference to another part. */
const SINGLE_PART_TAG = /^\$(?:\$|undefined$|Infinity$|-Infinity$|NaN$|-0$|D|n-?\d)/;
/** In a multipart body the root part may also name the form's fields (`$K1`: the parts `1_…`). */
const MULTIPART_TAG = /^\$(?:\$|undefined$|Infinity$|-Infinity$|NaN$|-0$|D|n-?\d|K[0-9a-f]+$)/;

function singlePartReply(value: unknown, tags = SINGLE_PART_TAG): boolean {
  if (typeof value === "string") return !value.startsWith("$") || tags.test(value);
  if (Array.isArray(value)) return value.every((v) => singlePartReply(v, tags));
  if (value && typeof value === "object") return Object.entries(value).every(([k, v]) => !k.startsWith("$") && singlePartReply(v, tags));
  return true;
}

/** The arguments (React's reply encoding, one JSON array) hold only what `tags` allows. */
function readableReply(text: unknown, tags: RegExp): boolean {
  if (typeof text !== "string") return false;
  try {
    const args: unknown = JSON.parse(text);
    return Array.isArray(args) && singlePartReply(args, tags);
  } catch {
    return false;
  }
}

/**
 * The most a Server Action's body may hold: Next's own default limit for Server Actions. Next
 * throws its "Body exceeded 1 MB limit" (meant as 413) and answers 500 (found by the fuzzing,
 * tests/e2e/zz-fuzz.spec.ts); the proxy answers 413 first.
 */
export const ACTION_BODY_LIMIT = 1024 * 1024;

const refuse = (status: number, text: string) =>
  new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A body Next would decode as a Server Action and fail on, answered before Next sees it (found
 * by the fuzzing, tests/e2e/zz-fuzz.spec.ts; each made Next answer 500):
 * - one over the size limit (413);
 * - a multipart body — a form posted with or without JavaScript — that does not parse (no
 *   boundary, cut off): Next's decoder threw "Unexpected end of form" (400); and a fetch
 *   action's multipart body whose root part "0" is missing, not a JSON array, or refers to a
 *   part other than the form's fields (`$K1`): "Invalid forward reference", "Connection closed" (400);
 * - a text/plain body that is not one JSON array of single-part values (React's reply
 *   encoding): not JSON, not an array, or a reference to a part such a body cannot have
 *   (`"$@1"`, `"$Q2"`) made Next's decoder throw (400).
 * Route handlers under /api/ read their own bodies and are left alone.
 */
async function malformedActionBody(request: NextRequest): Promise<Response | undefined> {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return;
  const isAction = !!request.headers.get("next-action");
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  if (!isAction && !multipart) return;
  const tooLarge = () => refuse(413, "Förfrågan är för stor och avvisades.");
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) return tooLarge();
  const body = new Uint8Array(await request.clone().arrayBuffer());
  if (body.byteLength > ACTION_BODY_LIMIT) return tooLarge();
  const unreadable = () => refuse(400, "Förfrågan kunde inte läsas och avvisades.");
  if (multipart) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type")! } }).formData();
    } catch {
      return unreadable();
    }
    // A fetch action's arguments are the root part "0" (a form without JavaScript has none).
    return !isAction || readableReply(form.get("0"), MULTIPART_TAG) ? undefined : unreadable();
  }
  if (readableReply(new TextDecoder().decode(body), SINGLE_PART_TAG)) return;
  return unreadable();
}

export async function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  const responseHeaders = new Headers();
  let response: Response | undefined;
  for (const step of STEPS) {
    response = step(request, requestHeaders, responseHeaders) ?? undefined;
    if (response) break;
  }
  response ??= await malformedActionBody(request);
  const out = response ?? NextResponse.next({ request: { headers: requestHeaders } });
  responseHeaders.forEach((value, key) => out.headers.set(key, value));
  return out;
}

export const config = {
  // Everything but static assets.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
