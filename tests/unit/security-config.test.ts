import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
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
    expect(grantableRoles("ADMIN")).toEqual(["OBSERVER", "ADMIN"]);
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"] as const) expect(grantableRoles(role)).toEqual([]);
  });
});

describe("proxy.ts", () => {
  const request = (init: { method?: string; headers?: Record<string, string> } = {}, path = "/login") =>
    new NextRequest(`http://varna.test${path}`, { method: init.method ?? "GET", headers: { host: "varna.test", ...init.headers } });

  it("sets a CSP with a fresh nonce and the hardening headers", () => {
    const a = proxy(request());
    const b = proxy(request());
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS when served over https", () => {
    const res = proxy(request({ headers: { "x-forwarded-proto": "https" } }));
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("refuses a write from another origin or without one, but not from its own or next-auth's routes", () => {
    const post = (headers: Record<string, string>, path = "/admin/anvandare") => proxy(request({ method: "POST", headers }, path));
    expect(post({ origin: "https://angripare.example", "next-action": "x" }).status).toBe(403);
    expect(post({ "next-action": "x" }).status).toBe(403);
    expect(post({ origin: "null" }).status).toBe(403);
    expect(post({ origin: "http://varna.test", "next-action": "x" }).status).toBe(200);
    expect(post({ origin: "https://login.idp.example" }, "/api/auth/callback/oidc").status).toBe(200);
  });
});
