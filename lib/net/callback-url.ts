/**
 * Where next-auth may send the browser after signing in or out: a path of this app or an
 * address on its own origin; anything else — another site, or text that is no URL at all
 * (`?callbackUrl=-1`, or a forged callback-url cookie) — goes to the start page. next-auth's
 * default threw on text that is no URL and answered 500 (found by the fuzzing,
 * tests/e2e/zz-fuzz.spec.ts).
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {
    // not a URL: the start page
  }
  return baseUrl;
}

/**
 * Whether next-auth accepts this callback URL (a parameter or its callback-url cookie): an
 * http(s) address or a path. next-auth answers any other value with 500 ("a problem with the
 * server configuration") although the client sent it (found by the fuzzing); the auth route
 * refuses it with 400 first. The same test as next-auth's own (core/lib/assert.js).
 */
export function acceptableCallbackUrl(value: string, baseUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? baseUrl : undefined).protocol);
  } catch {
    return false;
  }
}
