import "server-only";
import type { Env } from "@/lib/env";
import { oidcConfig } from "./oidc";

export type LocalSignInPolicy = { mode: "on" | "breakglass" | "off"; breakGlassEmail: string | null };

/**
 * Who may sign in with a local password (docs/decisions/010-grants-passwords-and-sso.md).
 * With single sign-on configured, local sign-in is off for everyone but one named break-glass
 * coordinator account unless LOCAL_SIGN_IN says otherwise: an administrator who knows a local
 * password must not get past the identity provider's MFA. Without single sign-on it is on.
 */
export function localSignInPolicy(config: Env): LocalSignInPolicy {
  if (!oidcConfig(config)) return { mode: "on", breakGlassEmail: null };
  return { mode: config.LOCAL_SIGN_IN ?? "breakglass", breakGlassEmail: config.BREAK_GLASS_EMAIL ?? null };
}

/** Whether `email` may try a local password under `policy` (the account must also be a coordinator's for break-glass). */
export function localSignInAllowed(policy: LocalSignInPolicy, email: string, role: string | null): boolean {
  if (policy.mode === "on") return true;
  if (policy.mode === "off") return false;
  return policy.breakGlassEmail !== null && email.toLowerCase() === policy.breakGlassEmail && role === "COORDINATOR";
}
