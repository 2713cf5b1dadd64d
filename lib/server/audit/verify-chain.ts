import "server-only";
import type { DbTx } from "@/lib/server/db";

export type ChainReport =
  | { ok: true; events: number }
  | { ok: false; events: number; firstBrokenId: string; reason: "hash" | "link" };

/**
 * Recomputes every event's hash with the database's own function and checks each event
 * points at the one before it. An edited, deleted or inserted-in-between row breaks it.
 */
export async function verifyAuditChain(tx: DbTx): Promise<ChainReport> {
  const rows = await tx.$queryRaw<{ id: bigint; hash_ok: boolean; link_ok: boolean }[]>`
    SELECT e.id,
           e.hash IS NOT DISTINCT FROM varna_audit_hash(e) AS hash_ok,
           e."prevHash" IS NOT DISTINCT FROM lag(e.hash) OVER (ORDER BY e.id) AS link_ok
    FROM "AuditEvent" e
    ORDER BY e.id`;
  for (const row of rows) {
    if (!row.hash_ok) return { ok: false, events: rows.length, firstBrokenId: row.id.toString(), reason: "hash" };
    if (!row.link_ok) return { ok: false, events: rows.length, firstBrokenId: row.id.toString(), reason: "link" };
  }
  return { ok: true, events: rows.length };
}
