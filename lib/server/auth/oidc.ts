import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "@/lib/server/db";
import type { Env } from "@/lib/env";
import type { Role } from "@/lib/access/permissions";
import { recordSignInFailed } from "./sessions";

export const OIDC_PROVIDER_ID = "oidc";

export type OidcConfig = { issuer: string; wellKnown: string; clientId: string; clientSecret: string; displayName: string };

/** Single sign-on is on when the issuer, client id and secret are set (lib/env.ts checks all-or-none). */
export function oidcConfig(config: Env): OidcConfig | null {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return null;
  const issuer = config.OIDC_ISSUER.replace(/\/+$/, "");
  return {
    issuer,
    wellKnown: config.OIDC_WELL_KNOWN ?? `${issuer}/.well-known/openid-configuration`,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    displayName: config.OIDC_DISPLAY_NAME,
  };
}

export type OidcClaims = { sub?: unknown; email?: unknown; preferred_username?: unknown; upn?: unknown; email_verified?: unknown };

/** The user next-auth carries from the provider's profile to our callbacks. */
export type OidcUser =
  | { id: string; name: string; email: string; role: Role; sessionVersion: number; refused?: undefined }
  | { id: string; name: string; email: string; refused: "unknownAccount" | "inactive" | "noEmail" | "unverifiedEmail" };

/** The e-mail an identity provider vouches for. Entra ID puts it in `email`, or only in `preferred_username`/`upn`. */
export function emailFromClaims(claims: OidcClaims): string | null {
  for (const value of [claims.email, claims.preferred_username, claims.upn]) {
    if (typeof value === "string" && /^[^@\s]+@[^@\s]+$/.test(value.trim())) return value.trim().toLowerCase();
  }
  return null;
}

/**
 * Signs in an existing, active user whose e-mail the provider vouches for. Never creates a
 * user and never changes one: the role and divisions are what a coordinator or an
 * administrator granted in Värna, whatever the provider says. Refusals are audited.
 */
export async function matchOidcUser(claims: OidcClaims): Promise<OidcUser> {
  const email = emailFromClaims(claims);
  const sub = typeof claims.sub === "string" ? claims.sub : "unknown";
  if (!email) {
    await recordSignInFailed(`${sub}@`, "oidc", "unknownAccount");
    return { id: `refused:${sub}`, name: "", email: "", refused: "noEmail" };
  }
  if (claims.email_verified === false) {
    await recordSignInFailed(email, "oidc", "unknownAccount");
    return { id: `refused:${sub}`, name: "", email, refused: "unverifiedEmail" };
  }
  // E-mails are stored lower-case; `insensitive` also matches rows written by hand.
  const user = await db().user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true, name: true, email: true, role: true, active: true, sessionVersion: true },
  });
  if (!user) {
    await recordSignInFailed(email, "oidc", "unknownAccount");
    return { id: `refused:${sub}`, name: "", email, refused: "unknownAccount" };
  }
  if (!user.active) {
    await recordSignInFailed(email, "oidc", "inactive", user.id);
    return { id: `refused:${sub}`, name: "", email, refused: "inactive" };
  }
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

export function oidcProvider(config: OidcConfig): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.displayName,
    type: "oauth",
    wellKnown: config.wellKnown,
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    // Only what matching needs is read from the provider; see matchOidcUser.
    profile: (claims) => matchOidcUser(claims) as never,
  };
}
