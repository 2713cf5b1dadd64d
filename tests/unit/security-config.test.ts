import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ACTION_BODY_LIMIT, proxy } from "@/proxy";
import { acceptableCallbackUrl, sameOriginRedirect } from "@/lib/net/callback-url";
import { parseEnv } from "@/lib/env";
import { grantableRoles } from "@/lib/access/user-admin";
import { ROLES } from "@/lib/access/permissions";

describe("single sign-on configuration", () => {
  it("is all of issuer, client id and secret, or none", () => {
    expect(parseEnv({}).OIDC_ISSUER).toBeUndefined();
    expect(() => parseEnv({ OIDC_CLIENT_ID: "x" })).toThrow(/OIDC_ISSUER saknas.*\n.*OIDC_CLIENT_SECRET saknas/);
    expect(() => parseEnv({ OIDC_ISSUER: "ftp://idp.example", OIDC_CLIENT_ID: "x", OIDC_CLIENT_SECRET: "y" })).toThrow(/OIDC_ISSUER/);
    const env = parseEnv({ OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "x", OIDC_CLIENT_SECRET: "y" });
    expect(env.OIDC_DISPLAY_NAME).toBe("Kommunens inloggning");
  });
});

describe("who may grant which role", () => {
  it("only a coordinator grants a content role (coordinator, division head, network member)", () => {
    expect(grantableRoles("COORDINATOR")).toEqual([...ROLES]);
    expect(grantableRoles("ADMIN")).toEqual(["ADMIN"]);
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"] as const) expect(grantableRoles(role)).toEqual([]);
  });
});

describe("proxy.ts", () => {
  const request = (init: { method?: string; headers?: Record<string, string> } = {}, path = "/login") =>
    new NextRequest(`http://varna.test${path}`, { method: init.method ?? "GET", headers: { host: "varna.test", ...init.headers } });

  it("sets a CSP with a fresh nonce and the hardening headers", async () => {
    const a = await proxy(request());
    const b = await proxy(request());
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS when served over https", async () => {
    const res = await proxy(request({ headers: { "x-forwarded-proto": "https" } }));
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("refuses a write from another origin or without one, but not from its own or next-auth's routes", async () => {
    const post = async (headers: Record<string, string>, path = "/admin/anvandare", body = '["$undefined",{}]') =>
      (await proxy(new NextRequest(`http://varna.test${path}`, { method: "POST", headers: { host: "varna.test", ...headers }, body }))).status;
    expect(await post({ origin: "https://angripare.example", "next-action": "x" })).toBe(403);
    expect(await post({ "next-action": "x" })).toBe(403);
    expect(await post({ origin: "null" })).toBe(403);
    expect(await post({ origin: "http://varna.test", "next-action": "x" })).toBe(200);
    expect(await post({ origin: "https://login.idp.example" }, "/api/auth/callback/oidc")).toBe(200);
  });

  // Regression (issue 15 part 2, found by tests/e2e/zz-fuzz.spec.ts): these bodies made Next's
  // reply decoder throw, answering 500. They are a 400 now, before Next decodes them.
  it("answers 400 to a Server Action body that is not one JSON array of single-part values", async () => {
    const post = async (body: string) =>
      (await proxy(new NextRequest("http://varna.test/samverkan/ny", { method: "POST", headers: { host: "varna.test", origin: "http://varna.test", "next-action": "x", "content-type": "text/plain;charset=UTF-8" }, body }))).status;
    for (const body of ["", "null", "NaN", "ÅÄÖ", "{}", "[1] 2", '"$Q1"', '["$undefined","$@0"]', '["$undefined",{"a":"$Q1"}]', '["$undefined",{"$$typeof":1}]']) {
      expect(await post(body), body).toBe(400);
    }
    for (const body of ['["$undefined",{}]', '[{"title":"$$pris"}]', '["$undefined",{"when":"$D2026-01-01T00:00:00.000Z","n":"$undefined"}]', "[]"]) {
      expect(await post(body), body).toBe(200);
    }
  });

  // Regression (issue 15 part 2, found by tests/e2e/zz-fuzz.spec.ts): Next threw "Body exceeded
  // 1 MB limit" (413 in name) and "Unexpected end of form" / "Boundary not found", answering 500.
  const actionPost = (body: BodyInit, headers: Record<string, string>, path = "/samverkan/ny") =>
    proxy(new NextRequest(`http://varna.test${path}`, { method: "POST", headers: { host: "varna.test", origin: "http://varna.test", ...headers }, body }));

  it("answers 413 to a Server Action body over the limit, whether or not it says its length", async () => {
    const huge = JSON.stringify(["$undefined", { title: "å".repeat(ACTION_BODY_LIMIT / 2) }]);
    const text = { "next-action": "x", "content-type": "text/plain;charset=UTF-8" };
    expect((await actionPost(huge, text)).status).toBe(413);
    expect(await (await actionPost(huge, text)).text()).toContain("för stor");
    expect((await actionPost(huge, { ...text, "content-length": String(new TextEncoder().encode(huge).byteLength) })).status).toBe(413);
    const stream = new Blob([huge]).stream();
    expect((await proxy(new NextRequest("http://varna.test/samverkan/ny", { method: "POST", headers: { host: "varna.test", origin: "http://varna.test", ...text }, body: stream, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]))).status).toBe(413);
    // A form posted without JavaScript (no Next-Action header, the action's id in the body).
    const form = new FormData();
    form.append("$ACTION_ID_x", "");
    form.append("description", "x".repeat(ACTION_BODY_LIMIT + 1));
    expect((await actionPost(form, {})).status).toBe(413);
    expect((await actionPost(JSON.stringify(["$undefined", { title: "lagom" }]), text)).status).toBe(200);
  });

  it("answers 400 to a multipart Server Action body that does not parse, and lets a well-formed one through", async () => {
    const cut = '------b\r\nContent-Disposition: form-data; name="1_title"\r\n\r\nhalv';
    expect((await actionPost(cut, { "next-action": "x", "content-type": "multipart/form-data; boundary=----b" })).status).toBe(400);
    expect((await actionPost("[]", { "next-action": "x", "content-type": "multipart/form-data" })).status).toBe(400);
    expect((await actionPost(cut, { "content-type": "multipart/form-data; boundary=----b" })).status).toBe(400);
    const form = new FormData();
    form.append("1_title", "Ett möte");
    form.append("0", '["$undefined","$K1"]');
    expect((await actionPost(form, { "next-action": "x" })).status).toBe(200);
    // The root part "0" of a fetch action: missing, not an array, or naming a part the body lacks.
    for (const root of [null, "", "[", "null", '"$K1"', '["$@1"]', '["$undefined","$Q1"]', '["$undefined","$B1"]', '["$undefined",{"a":"$T1"}]']) {
      const broken = new FormData();
      broken.append("1_title", "Ett möte");
      if (root !== null) broken.append("0", root);
      expect((await actionPost(broken, { "next-action": "x" })).status, String(root)).toBe(400);
    }
    const noFields = new FormData();
    noFields.append("0", '["$undefined","$K1"]');
    expect((await actionPost(noFields, { "next-action": "x" })).status).toBe(200);
    // Route handlers under /api/ read their own bodies.
    expect((await actionPost(cut, { "content-type": "multipart/form-data; boundary=----b" }, "/api/auth/callback/credentials")).status).toBe(200);
  });
});

// Regression (issue 15 part 2, found by tests/e2e/zz-fuzz.spec.ts): next-auth's default redirect
// callback threw on a callbackUrl that is no URL (`/api/auth/x?callbackUrl=-1`), answering 500.
describe("the sign-in callback URL", () => {
  const base = "http://varna.test";
  it("keeps a path or an address of this origin and sends anything else to the start page, without throwing", () => {
    expect(sameOriginRedirect("/lagesbild?page=2", base)).toBe("http://varna.test/lagesbild?page=2");
    expect(sameOriginRedirect("http://varna.test/oversikt", base)).toBe("http://varna.test/oversikt");
    for (const url of ["-1", "x", "", "http://", "%ZZ", "https://angripare.example/", "//angripare.example", "/\\angripare.example", "javascript:alert(1)", "\u0000"]) {
      expect(sameOriginRedirect(url, base), url).toBe(base);
    }
  });

  it("is next-auth's redirect callback", async () => {
    const { authOptions } = await import("@/lib/server/auth/options");
    expect(await authOptions().callbacks!.redirect!({ url: "-1", baseUrl: base })).toBe(base);
  });

  it("is refused with 400 by the auth route when next-auth would answer 500 (a parameter or a cookie that is no http(s) address or path)", async () => {
    for (const ok of ["/oversikt", "http://varna.test/x", "https://idp.example/"]) expect(acceptableCallbackUrl(ok, base), ok).toBe(true);
    for (const bad of ["x", "-1", "01a21203-6803-74fb-a794-f70354edb2f2", "javascript:alert(1)", "ftp://x", "http://"]) expect(acceptableCallbackUrl(bad, base), bad).toBe(false);
    const { GET } = await import("@/app/api/auth/[...nextauth]/route");
    const context = { params: Promise.resolve({ nextauth: ["session"] }) };
    const get = (query: string, cookie?: string) =>
      GET(new NextRequest(`${base}/api/auth/session${query}`, { headers: { host: "varna.test", ...(cookie ? { cookie } : {}) } }), context);
    expect((await get("?callbackUrl=-1")).status).toBe(400);
    expect((await get("?callbackUrl=%2Foversikt&callbackUrl=x")).status).toBe(400);
    expect((await get("", "next-auth.callback-url=x")).status).toBe(400);
    expect(await (await get("?callbackUrl=x")).text()).toContain("ogiltig");
  });

  it("answers a GET of the password sign-in callback with 405, not next-auth's 500 (found by the fuzzing, seed 573996589)", async () => {
    const { GET } = await import("@/app/api/auth/[...nextauth]/route");
    const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
    const response = await GET(new NextRequest(`${base}/api/auth/callback/credentials?page=Fuzz`, { headers: { host: "varna.test" } }), context);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.text()).toContain("POST");
  });
});
