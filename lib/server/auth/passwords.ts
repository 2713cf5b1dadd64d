import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import { changePasswordSchema, setPasswordSchema, type ChangePasswordInput, type SetPasswordInput } from "@/lib/schemas/user";
import { hashToken } from "@/lib/server/users/password-links";
import { countSignInAttempt, resetAccountFailures, signInBlockedFor } from "./throttle";
import type { Viewer } from "@/lib/access/viewer";

// Set-password links and the change of one's own password. Like sign-in, these run as the
// database owner, outside withViewer (docs/decisions/008): the link has no signed-in viewer,
// and a person changing their own password is not administering users.

/** Whether a set-password link can still be used (for the page, before the form is shown). */
export async function passwordTokenUsable(token: string, now = new Date()): Promise<boolean> {
  if (token.length < 20 || token.length > 100) return false;
  const row = await asSystem((tx) => tx.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { active: true } } },
  }));
  return !!row && !row.usedAt && row.expiresAt > now && row.user.active;
}

/**
 * Sets the password of the account a one-time link was issued for. The link works once,
 * until it expires, and only for an active account; every open session of the account ends.
 */
export async function setPasswordWithToken(input: SetPasswordInput, now = new Date()): Promise<{ userId: string }> {
  const data = setPasswordSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return asSystem(async (tx) => {
    const row = await tx.passwordToken.findUnique({
      where: { tokenHash: hashToken(data.token) },
      select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, role: true, active: true } } },
    });
    if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) throw new DomainRuleError("users.errors.linkInvalid");
    // Single use even when two requests race: only one sees usedAt still null.
    const claimed = await tx.passwordToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw new DomainRuleError("users.errors.linkInvalid");
    await tx.user.update({ where: { id: row.user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.userSession.updateMany({ where: { userId: row.user.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, row.user, { action: "auth.password.set", entityType: "User", entityId: row.user.id, details: { tokenId: row.id } });
    return { userId: row.user.id };
  });
}

/**
 * Changes the signed-in user's own password: the current one is required, and every other
 * session of the account ends (this one goes on).
 */
export async function changeOwnPassword(viewer: Viewer, sessionId: string, input: ChangePasswordInput, now = new Date()) {
  const data = changePasswordSchema.parse(input);
  // Guessing the current password from a session is throttled like signing in, on the same
  // account count: a hijacked session must not try passwords at full speed.
  const keys = { email: viewer.email, ip: null };
  if ((await signInBlockedFor(keys)) !== null || !(await countSignInAttempt(keys))) {
    throw new DomainRuleError("users.errors.currentPasswordThrottled", "current");
  }
  const user = await asSystem((tx) => tx.user.findUnique({ where: { id: viewer.id }, select: { id: true, role: true, passwordHash: true } }));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, data.current))) {
    throw new DomainRuleError("users.errors.currentPasswordWrong", "current");
  }
  await resetAccountFailures(viewer.email);
  const passwordHash = await hashPassword(data.password);
  await asSystem(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await tx.userSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: sessionId } },
      data: { revokedAt: now },
    });
    await tx.passwordToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await recordAudit(tx, user, { action: "auth.password.change", entityType: "User", entityId: user.id, details: { otherSessionsEnded: ended.count } });
  });
}

/** Whether the viewer has a local password to change (single-sign-on-only accounts have none). */
export async function hasLocalPassword(viewer: Viewer): Promise<boolean> {
  const user = await asSystem((tx) => tx.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } }));
  return !!user?.passwordHash;
}
