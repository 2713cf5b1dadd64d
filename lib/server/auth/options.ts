import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import type { Role } from "@/lib/access/permissions";
import { authenticate } from "./authenticate";
import { OIDC_PROVIDER_ID, oidcConfig, oidcProvider, type OidcUser } from "./oidc";
import { ABSOLUTE_TIMEOUT_MS, endSession, startSession } from "./sessions";
import { clientAddressFrom } from "@/lib/server/client-address";
import { sameOriginRedirect } from "@/lib/net/callback-url";

export const SESSION_MAX_AGE_SECONDS = ABSOLUTE_TIMEOUT_MS / 1000;

/** Where a refused sign-on lands: the login page shows the Swedish text for the code. */
export const SIGN_IN_ERRORS = {
  unknownAccount: "SsoNoAccount",
  inactive: "SsoNoAccount",
  noEmail: "SsoNoEmail",
  unverifiedEmail: "SsoNoEmail",
  subjectMismatch: "SsoNoAccount",
} as const;

type SignedInUser = { id: string; role: Role; sessionVersion: number; refused?: string };

function buildAuthOptions(): NextAuthOptions {
  const sso = oidcConfig(env());
  return {
    // Credentials sign-in needs JWT sessions. The JWT carries only ids: the session row
    // (UserSession) decides whether it still works, and every request re-reads the user
    // (getViewer), so sign-out, timeouts, deactivation and role changes take effect at once.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Lokalt konto",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: async (credentials, req) => authenticate(credentials, { ip: clientAddressFrom(req?.headers ?? {}) }),
      }),
      ...(sso ? [oidcProvider(sso)] : []),
    ],
    callbacks: {
      signIn({ user, account }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const refused = (user as unknown as OidcUser).refused;
        return refused ? `/login?error=${SIGN_IN_ERRORS[refused]}` : true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          const signedIn = user as unknown as SignedInUser;
          const method = account?.provider === OIDC_PROVIDER_ID ? "oidc" : "credentials";
          token.sid = await startSession({ id: signedIn.id, role: signedIn.role }, method);
          token.uid = signedIn.id;
          token.sv = signedIn.sessionVersion;
          token.sub = signedIn.id;
          // Nothing from the provider's profile is kept in the cookie.
          delete token.picture;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv, sid: token.sid };
      },
      // The client chooses the callback URL (a parameter or a cookie): never another site, never a 500.
      redirect({ url, baseUrl }) {
        return sameOriginRedirect(url, baseUrl);
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
/** Built on first use, so the environment is read at run time, not at build time. */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

/** The single sign-on button of the login page, or null when SSO is not configured. */
export function singleSignOn(): { id: string; name: string } | null {
  const sso = oidcConfig(env());
  return sso ? { id: OIDC_PROVIDER_ID, name: sso.displayName } : null;
}
