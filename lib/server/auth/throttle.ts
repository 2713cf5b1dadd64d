import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import { createHash } from "node:crypto";

// The numbers are a trade-off (docs/decisions/005-sessions-and-sign-in-throttling.md):
// high enough that a person who mistypes is never stopped, low enough that guessing a
// password online is hopeless, and a fixed window so an attacker can lock an account for at
// most 15 minutes at a time.
export const ACCOUNT_FAILURE_LIMIT = 10;
export const ADDRESS_FAILURE_LIMIT = 50;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/** Keys never hold the e-mail itself: the table also sees addresses nobody has. */
export function accountKey(email: string): string {
  return `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

export function addressKey(ip: string): string {
  return `ip:${ip}`;
}

type Keys = { email: string; ip: string | null };

function keysWithLimits({ email, ip }: Keys): { key: string; limit: number }[] {
  const out = [{ key: accountKey(email), limit: ACCOUNT_FAILURE_LIMIT }];
  if (ip) out.push({ key: addressKey(ip), limit: ADDRESS_FAILURE_LIMIT });
  return out;
}

/** Seconds until sign-in may be tried again, or null when it may be tried now. */
export async function signInBlockedFor(keys: Keys, now = new Date()): Promise<number | null> {
  const limits = keysWithLimits(keys);
  const rows = await asSystem((tx) => tx.signInThrottle.findMany({
    where: { key: { in: limits.map((l) => l.key) }, windowStart: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
  }));
  let wait = 0;
  for (const row of rows) {
    const limit = limits.find((l) => l.key === row.key)!.limit;
    if (row.failures >= limit) {
      wait = Math.max(wait, Math.ceil((row.windowStart.getTime() + THROTTLE_WINDOW_MS - now.getTime()) / 1000));
    }
  }
  return wait > 0 ? wait : null;
}

/**
 * Counts one attempt against the account and the address, atomically (one statement per key),
 * and says whether it is within both limits. Sign-in counts every attempt *before* the password
 * is looked at and forgives it on success (forgiveSignInAttempt): of N attempts sent at once —
 * in parallel, on several app instances — at most the limit reach the password check, where
 * counting only failures afterwards would let every attempt already in flight through. A window
 * that has passed starts over.
 */
export async function countSignInAttempt(keys: Keys, now = new Date()): Promise<boolean> {
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  let within = true;
  for (const { key, limit } of keysWithLimits(keys)) {
    const [row] = await asSystem((tx) => tx.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" <= ${cutoff} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${cutoff} THEN ${now} ELSE "SignInThrottle"."windowStart" END
      RETURNING "failures"`);
    if ((row?.failures ?? 0) > limit) within = false;
  }
  // Keys of finished windows say nothing any more; without this the table only grows.
  await asSystem((tx) => tx.signInThrottle.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - STALE_AFTER_MS) } } }));
  return within;
}

/** Counts one failed attempt (see countSignInAttempt). */
export async function recordSignInFailure(keys: Keys, now = new Date()): Promise<void> {
  await countSignInAttempt(keys, now);
}

/**
 * A successful attempt: the account's count is cleared, and the attempt taken back from the
 * address's (which may be an office's shared address: its successes must not add up).
 */
export async function forgiveSignInAttempt(keys: Keys): Promise<void> {
  await resetAccountFailures(keys.email);
  if (keys.ip) {
    const key = addressKey(keys.ip);
    await asSystem((tx) => tx.$executeRaw`UPDATE "SignInThrottle" SET "failures" = greatest("failures" - 1, 0) WHERE "key" = ${key}`);
  }
}

const STALE_AFTER_MS = 24 * 60 * 60_000;

/** A successful sign-in clears the account's count (not the address's: it may be shared). */
export async function resetAccountFailures(email: string): Promise<void> {
  await asSystem((tx) => tx.signInThrottle.deleteMany({ where: { key: accountKey(email) } }));
}
