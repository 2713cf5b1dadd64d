import "server-only";
import type { DbTx } from "@/lib/server/db";

/**
 * One place where the chain does not hold. `hash`: the event's content does not match its
 * hash (edited). `link`: it does not point at the event before it in chain order (one was
 * deleted, inserted or re-hashed). `unchained`: it has no place in the chain (written with the
 * trigger switched off). `checkpoint`: the last verified event is gone or changed since.
 */
export type ChainBreak = { id: string; chainSeq: string | null; reason: "hash" | "link" | "unchained" | "checkpoint" };

export type ChainReport = {
  ok: boolean;
  /** Events verified (from the start, or from the checkpoint on). */
  events: number;
  /** Every break, in chain order — not only the first. */
  breaks: ChainBreak[];
  /** The chain's last event, to anchor or to keep as the next checkpoint. */
  head: { chainSeq: string; hash: string } | null;
};

type From = { chainSeq: bigint; hash: string };

/**
 * Recomputes each event's hash with the database's own function and checks each event points
 * at the one before it in `chainSeq` order — the order in which inserts took the chain's lock.
 * With `from`, starts at that (already verified) event, which must still carry its hash.
 */
export async function verifyAuditChain(tx: DbTx, from?: From): Promise<ChainReport> {
  const start = from?.chainSeq ?? 0n;
  const breaks = await tx.$queryRaw<{ id: bigint; chainSeq: bigint | null; reason: ChainBreak["reason"] }[]>`
    WITH c AS (
      SELECT e.id, e."chainSeq", e.hash,
             e.hash IS NOT DISTINCT FROM varna_audit_hash(e) AS hash_ok,
             e."prevHash" IS NOT DISTINCT FROM lag(e.hash) OVER (ORDER BY e."chainSeq") AS link_ok,
             e."chainSeq" = ${start} AS is_start
      FROM "AuditEvent" e
      WHERE e."chainSeq" >= ${start}
    )
    SELECT id, "chainSeq", CASE WHEN NOT hash_ok THEN 'hash' ELSE 'link' END AS reason
    FROM c
    WHERE NOT hash_ok OR (NOT link_ok AND NOT is_start)
    UNION ALL
    SELECT e.id, NULL, 'unchained' FROM "AuditEvent" e WHERE e."chainSeq" IS NULL
    ORDER BY 2 NULLS LAST, 1`;
  const found: ChainBreak[] = breaks.map((b) => ({ id: b.id.toString(), chainSeq: b.chainSeq?.toString() ?? null, reason: b.reason }));

  if (from) {
    const anchor = await tx.$queryRaw<{ id: bigint; hash: string | null }[]>`
      SELECT id, hash FROM "AuditEvent" WHERE "chainSeq" = ${from.chainSeq}`;
    if (anchor[0]?.hash !== from.hash) {
      found.unshift({ id: anchor[0]?.id.toString() ?? "–", chainSeq: from.chainSeq.toString(), reason: "checkpoint" });
    }
  }

  const [counted] = await tx.$queryRaw<{ events: bigint }[]>`
    SELECT count(*) AS events FROM "AuditEvent" WHERE "chainSeq" >= ${start}`;
  const head = await tx.$queryRaw<{ chainSeq: bigint; hash: string }[]>`
    SELECT "chainSeq", hash FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1`;
  return {
    ok: found.length === 0,
    events: Number(counted?.events ?? 0n),
    breaks: found,
    head: head[0] ? { chainSeq: head[0].chainSeq.toString(), hash: head[0].hash } : null,
  };
}
