import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import type { DbTx } from "@/lib/server/db";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Viewer } from "@/lib/access/viewer";
import { recordAudit } from "./record";

/** How often one actor's refusals of one kind reach the trail: at most once per window. */
export const REFUSAL_WINDOW_MS = 60_000;
const THROTTLE_RETENTION_MS = 24 * 60 * 60_000;

/**
 * Counts one occurrence of `kind` for `actorKey` in the current minute, in PostgreSQL (one
 * atomic statement, so it holds across app instances and concurrent requests). True for the
 * first occurrence of the minute: only that one is written to the trail, so a flood of
 * refusals or failed sign-ins adds at most one event per actor, kind and minute.
 */
export async function firstInWindow(tx: DbTx, actorKey: string, kind: string, now = new Date()): Promise<boolean> {
  const minute = new Date(Math.floor(now.getTime() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS);
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "AuditThrottle" ("actorKey", "kind", "minute", "count") VALUES (${actorKey}, ${kind}, ${minute}, 1)
    ON CONFLICT ("actorKey", "kind", "minute") DO UPDATE SET "count" = "AuditThrottle"."count" + 1
    RETURNING "count"`;
  if (row?.count === 1) {
    // At most once per actor, kind and minute (indexed): windows older than a day say nothing any more.
    await tx.auditThrottle.deleteMany({ where: { minute: { lt: new Date(now.getTime() - THROTTLE_RETENTION_MS) } } });
  }
  return row?.count === 1;
}

export type RefusalKind = "access.denied" | "access.notFound";

/**
 * Audits a refusal — a permission the viewer lacks (a refused Server Action, a 403 page) or
 * a record it may not see (a guessed id) — rate-limited per viewer and kind. Its own
 * transaction, as the table owner: the refused work has rolled back, and the rate limit is
 * not the app role's to read. Never throws: a refusal must stay a refusal.
 */
export async function recordRefusal(
  viewer: Pick<Viewer, "id" | "role">,
  kind: RefusalKind,
  input: { entityType: string; entityId?: string | null; details?: Prisma.InputJsonObject },
): Promise<void> {
  try {
    await asSystem(async (tx) => {
      if (!(await firstInWindow(tx, `user:${viewer.id}`, kind))) return;
      await recordAudit(tx, viewer, { action: kind, entityType: input.entityType, entityId: input.entityId ?? null, details: input.details ?? {} });
    });
  } catch (error) {
    console.warn("Kunde inte logga en nekad åtkomst:", error instanceof Error ? error.message : error);
  }
}
