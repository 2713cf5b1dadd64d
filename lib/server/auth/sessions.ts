import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import { createHash } from "node:crypto";
import type { DbTx } from "@/lib/server/db";
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
  return asSystem(async (tx) => {
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
  await asSystem(async (tx) => {
    if (method === "credentials" && FLOODABLE.has(reason) && !(await firstInWindow(tx, `ip:${ip ?? "unknown"}`, `auth.signIn.failed:${method}:${reason}`))) return;
    await recordAudit(tx, null, {
      action: "auth.signIn.failed",
      entityType: "User",
      entityId: userId,
      details: { method, reason, ...emailFingerprint(email) },
    });
  });
}

/** What a live session says about its user: read with the session, in the same statement. */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  sessionVersion: number;
  divisionIds: string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session, its user and the user's divisions in ONE statement — what every signed-in request
 * reads first (issue 12: it used to be a session read, a user read and a membership read). Null
 * when the session may not serve this request: signed out, idle longer than the idle timeout,
 * older than the absolute timeout, or not this user's. Refreshes last-seen at most once a minute
 * (a conditional write, so concurrent requests of one session write once).
 */
export async function readSession(sessionId: string, userId: string, now = new Date()): Promise<SessionUser | null> {
  if (!UUID.test(sessionId) || !UUID.test(userId)) return null;
  const rows = await asSystem((tx) => tx.$queryRaw<
    { lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null; userId: string; name: string; email: string; role: Role; active: boolean; sessionVersion: number; divisionIds: string[] }[]
  >`SELECT s."lastSeenAt", s."expiresAt", s."revokedAt", u.id::text AS "userId", u.name, u.email, u.role::text AS role, u.active, u."sessionVersion",
           array(SELECT m."divisionId"::text FROM "DivisionMembership" m WHERE m."userId" = u.id ORDER BY m."createdAt", m."divisionId") AS "divisionIds"
      FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${sessionId}::uuid AND s."userId" = ${userId}::uuid`);
  const row = rows[0];
  if (!row || row.revokedAt) return null;
  if (row.expiresAt <= now) return null;
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (idle > IDLE_TIMEOUT_MS) return null;
  if (idle >= LAST_SEEN_RESOLUTION_MS) {
    await asSystem((tx) => tx.userSession.updateMany({
      where: { id: sessionId, lastSeenAt: row.lastSeenAt, revokedAt: null },
      data: { lastSeenAt: now },
    }));
  }
  return {
    id: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    active: row.active,
    sessionVersion: row.sessionVersion,
    divisionIds: row.divisionIds,
  };
}

/** Whether the session may serve this request (see `readSession`). */
export async function touchSession(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  return (await readSession(sessionId, userId, now)) !== null;
}

/** Sign-out: the session stops working on every app instance, whatever the cookie says. */
export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  await asSystem(async (tx) => {
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
