import "server-only";
import { createHash } from "node:crypto";
import { db, type DbTx } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/audit/record";
import { firstInWindow } from "@/lib/server/audit/refusal";
import type { Role } from "@/lib/access/permissions";

// Timeouts of a session (docs/decisions/005-sessions-and-sign-in-throttling.md).
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60_000;
/** Writing last-seen on every request would make every page view a write. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
const SESSION_RETENTION_MS = 30 * 24 * 60 * 60_000;

export type SignInMethod = "credentials" | "oidc";

/** What the audit trail keeps of an e-mail that failed to sign in: never the address itself. */
export function emailFingerprint(email: string): { emailDomain: string | null; emailHash: string } {
  const normalised = email.trim().toLowerCase();
  const at = normalised.lastIndexOf("@");
  return {
    emailDomain: at > 0 ? normalised.slice(at + 1).slice(0, 100) : null,
    emailHash: createHash("sha256").update(normalised).digest("hex").slice(0, 16),
  };
}

/** Starts a session and records the sign-in, together; returns the id the JWT carries. */
export async function startSession(user: { id: string; role: Role }, method: SignInMethod, now = new Date()): Promise<string> {
  return db().$transaction(async (tx) => {
    const session = await tx.userSession.create({
      data: { userId: user.id, method, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS) },
      select: { id: true },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    // Ended sessions are kept a while for support questions, then dropped (the audit trail
    // keeps the sign-ins and sign-outs).
    await tx.userSession.deleteMany({ where: { userId: user.id, expiresAt: { lt: new Date(now.getTime() - SESSION_RETENTION_MS) } } });
    await recordAudit(tx, user, {
      action: "auth.signIn",
      entityType: "User",
      entityId: user.id,
      details: { method, sessionId: session.id },
    });
    return session.id;
  });
}

export type SignInFailureReason =
  | "badPassword"
  | "unknownAccount"
  | "inactive"
  | "throttled"
  | "noLocalPassword"
  | "localSignInOff"
  | "unverifiedEmail"
  | "subjectMismatch";

/**
 * Password sign-ins that a flood can repeat without bound — a blocked caller trying on, or
 * made-up e-mails — reach the trail at most once a minute per address (or once a minute in all
 * when the address is unknown). Failures on a real account are each kept: the throttle stops
 * them after ACCOUNT_FAILURE_LIMIT, and from then on they are "throttled". Single sign-on
 * refusals are each kept: each one needs a completed sign-on at the identity provider.
 */
const FLOODABLE: ReadonlySet<SignInFailureReason> = new Set(["throttled", "unknownAccount"]);

export async function recordSignInFailed(
  email: string,
  method: SignInMethod,
  reason: SignInFailureReason,
  userId: string | null = null,
  ip: string | null = null,
): Promise<void> {
  await db().$transaction(async (tx) => {
    if (method === "credentials" && FLOODABLE.has(reason) && !(await firstInWindow(tx, `ip:${ip ?? "unknown"}`, `auth.signIn.failed:${method}:${reason}`))) return;
    await recordAudit(tx, null, {
      action: "auth.signIn.failed",
      entityType: "User",
      entityId: userId,
      details: { method, reason, ...emailFingerprint(email) },
    });
  });
}

/**
 * Whether the session may serve this request: not signed out, not idle longer than the idle
 * timeout, not older than the absolute timeout, and belonging to this user. Refreshes
 * last-seen at most once a minute.
 */
export async function touchSession(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const session = await db().userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, lastSeenAt: true, expiresAt: true, revokedAt: true },
  });
  if (!session || session.userId !== userId || session.revokedAt) return false;
  if (session.expiresAt <= now) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return false;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // Conditional, so concurrent requests of the same session write once.
    await db().userSession.updateMany({
      where: { id: sessionId, lastSeenAt: session.lastSeenAt, revokedAt: null },
      data: { lastSeenAt: now },
    });
  }
  return true;
}

/** Sign-out: the session stops working on every app instance, whatever the cookie says. */
export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      select: { id: true, revokedAt: true, user: { select: { id: true, role: true } } },
    });
    if (!session || session.revokedAt) return;
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: now } });
    await recordAudit(tx, session.user, {
      action: "auth.signOut",
      entityType: "User",
      entityId: session.user.id,
      details: { sessionId },
    });
  });
}

/** Ends every open session of a user (deactivation): belt and braces with `sessionVersion`. */
export async function revokeAllSessions(tx: DbTx, userId: string, now = new Date()) {
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}
