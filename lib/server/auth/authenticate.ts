import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import { signInSchema } from "@/lib/schemas/sign-in";
import type { Role } from "@/lib/access/permissions";
import { countSignInAttempt, forgiveSignInAttempt, signInBlockedFor } from "./throttle";
import { recordSignInFailed, type SignInFailureReason } from "./sessions";
import { env } from "@/lib/env";
import { localSignInAllowed, localSignInPolicy, type LocalSignInPolicy } from "./local-sign-in";

export type AuthenticatedUser = { id: string; name: string; email: string; role: Role; sessionVersion: number };

// Verified against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong
// password and the answer does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a local account's e-mail and password; null for any failure, without saying why.
 * Every attempt is counted for throttling before the password is checked (forgiven on success),
 * every failure audited (with the e-mail's domain and a hash,
 * never the password; a flood rate-limited, see recordSignInFailed); a blocked account or
 * address is refused before the password is looked at. The session itself (and the success event) is started by the JWT callback.
 */
export async function authenticate(
  input: unknown,
  context: { ip?: string | null; policy?: LocalSignInPolicy } = {},
): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const { password } = parsed.data;
  const keys = { email, ip: context.ip ?? null };

  // The attempt is already counted (below): a failure is only audited.
  const fail = async (reason: SignInFailureReason, userId: string | null = null) => {
    await recordSignInFailed(email, "credentials", reason, userId, keys.ip);
    return null;
  };

  if ((await signInBlockedFor(keys)) !== null) return fail("throttled");
  // Counted before the password is looked at, so parallel attempts cannot overtake the limit.
  if (!(await countSignInAttempt(keys))) return fail("throttled");

  const user = await asSystem((tx) => tx.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  }));
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return fail(user ? "noLocalPassword" : "unknownAccount", user?.id ?? null);
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) return fail("badPassword", user.id);
  // Local sign-in switched off (single sign-on configured): only the break-glass coordinator.
  if (!localSignInAllowed(context.policy ?? localSignInPolicy(env()), email, user.role)) return fail("localSignInOff", user.id);
  if (!user.active) return fail("inactive", user.id);
  await forgiveSignInAttempt(keys);
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}
