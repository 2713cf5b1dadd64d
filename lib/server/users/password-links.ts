import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/audit/record";

/** How long a set-password link works. */
export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function passwordLinkPath(token: string): string {
  return `/losenord/${token}`;
}

/**
 * Issues a one-time set-password link inside the caller's transaction: 256 random bits, of
 * which only the SHA-256 is stored; earlier unused links of the account stop working. The
 * caller has checked that the viewer may (a coordinator for content-role accounts); the
 * database checks again (policy on PasswordToken).
 */
export async function issuePasswordToken(tx: DbTx, viewer: Viewer, userId: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS);
  await tx.passwordToken.createMany({ data: [{ userId, tokenHash: hashToken(token), expiresAt, createdById: viewer.id }] });
  await recordAudit(tx, viewer, {
    action: "user.passwordLink.issue",
    entityType: "User",
    entityId: userId,
    details: { expiresAt: expiresAt.toISOString() },
  });
  return { path: passwordLinkPath(token), expiresAt };
}
