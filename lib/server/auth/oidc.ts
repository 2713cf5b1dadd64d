import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "@/lib/env";
import type { Role } from "@/lib/access/permissions";
import { recordAudit } from "@/lib/server/audit/record";
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

export type OidcClaims = {
  iss?: unknown;
  sub?: unknown;
  email?: unknown;
  preferred_username?: unknown;
  upn?: unknown;
  email_verified?: unknown;
};

export type OidcRefusal = "unknownAccount" | "inactive" | "noEmail" | "unverifiedEmail" | "subjectMismatch";

/** The user next-auth carries from the provider's profile to our callbacks. */
export type OidcUser =
  | { id: string; name: string; email: string; role: Role; sessionVersion: number; refused?: undefined }
  | { id: string; name: string; email: string; refused: OidcRefusal };

/** The e-mail an identity provider vouches for. Entra ID puts it in `email`, or only in `preferred_username`/`upn`. */
export function emailFromClaims(claims: OidcClaims): string | null {
  for (const value of [claims.email, claims.preferred_username, claims.upn]) {
    if (typeof value === "string" && /^[^@\s]+@[^@\s]+$/.test(value.trim())) return value.trim().toLowerCase();
  }
  return null;
}

const USER_SELECT = { id: true, name: true, email: true, role: true, active: true, sessionVersion: true } as const;

/**
 * Signs in an existing, active user by the provider's issuer + subject
 * (docs/decisions/010-grants-passwords-and-sso.md). An account is linked to its iss + sub at
 * its first sign-on: by an e-mail the provider says is verified (`email_verified: true`; a
 * missing claim is not verified — Entra ID does not send it), or by e-mail alone while the
 * link window an administrator opened by creating the account lasts. After that the account
 * is matched by iss + sub only: a changed e-mail still matches, and another subject with the
 * same e-mail is refused. Never creates a user and never changes a role: rights are what a
 * coordinator or an administrator granted in Värna. Refusals are audited.
 */
export async function matchOidcUser(claims: OidcClaims, configuredIssuer: string, now = new Date()): Promise<OidcUser> {
  const issuer = typeof claims.iss === "string" && claims.iss ? claims.iss : configuredIssuer;
  const sub = typeof claims.sub === "string" && claims.sub ? claims.sub : null;
  const email = emailFromClaims(claims);
  const refuse = async (refused: OidcRefusal, userId: string | null = null): Promise<OidcUser> => {
    const reason = refused === "noEmail" ? "unknownAccount" : refused;
    await recordSignInFailed(email ?? `${sub ?? "unknown"}@`, "oidc", reason, userId);
    return { id: `refused:${sub ?? "unknown"}`, name: "", email: email ?? "", refused };
  };
  if (!sub) return refuse("noEmail");

  const linked = await asSystem((tx) => tx.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: sub } }, select: USER_SELECT }));
  if (linked) {
    if (!linked.active) return refuse("inactive", linked.id);
    return { id: linked.id, name: linked.name, email: linked.email, role: linked.role, sessionVersion: linked.sessionVersion };
  }

  // First sign-on of this subject: link by e-mail, once.
  if (!email) return refuse("noEmail");
  // E-mails are stored lower-case; `insensitive` also matches rows written by hand.
  const user = await asSystem((tx) => tx.user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { ...USER_SELECT, oidcSubject: true, oidcLinkUntil: true },
  }));
  if (!user) return refuse("unknownAccount");
  if (user.oidcSubject !== null) return refuse("subjectMismatch", user.id);
  const vouched = claims.email_verified === true || (user.oidcLinkUntil !== null && user.oidcLinkUntil > now);
  if (!vouched) return refuse("unverifiedEmail", user.id);
  if (!user.active) return refuse("inactive", user.id);
  const linkedNow = await asSystem(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: user.id, oidcSubject: null },
      data: { oidcIssuer: issuer, oidcSubject: sub, oidcLinkUntil: null },
    });
    if (updated.count === 0) return false;
    await recordAudit(tx, user, {
      action: "auth.oidc.link",
      entityType: "User",
      entityId: user.id,
      details: { issuer, emailVerified: claims.email_verified === true },
    });
    return true;
  });
  if (!linkedNow) return refuse("subjectMismatch", user.id);
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
    profile: (claims) => matchOidcUser(claims, config.issuer) as never,
  };
}
