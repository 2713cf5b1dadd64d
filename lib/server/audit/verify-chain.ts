import "server-only";
import type { DbTx } from "@/lib/server/db";

/**
 * One place where the chain does not hold (decision 024):
 * - `hash`: the event's content (or its place, or its link) does not match its hash — edited,
 *   or moved (two events' places or contents swapped);
 * - `gap`: the event before it in the chain is missing — deleted;
 * - `link`: it does not point at the event before it — one inserted, deleted and renumbered, or
 *   re-hashed;
 * - `unchained`: it carries a seal but no place in the chain — written around the sealer;
 * - `head`: the chain does not end where the sealer left it (events cut off its end, or added
 *   after it);
 * - `checkpoint`: the last event verified before is gone or changed since.
 */
export type ChainBreak = {
  id: string;
  chainSeq: string | null;
  reason: "hash" | "gap" | "link" | "unchained" | "head" | "checkpoint";
};

/** Events inserted but not yet sealed into the chain; `stale` of them for longer than UNSEALED_ALARM_MS. */
export type Pending = { count: number; stale: number; oldestAt: Date | null };

export type ChainLink = { chainSeq: string; hash: string | null };

export type ChainReport = {
  /** No break and no event left unsealed for too long. */
  ok: boolean;
  /** Events verified by this call. */
  events: number;
  /** Every break found, in chain order — not only the first. */
  breaks: ChainBreak[];
  /** The last event verified (where the next call may go on from); null when none was. */
  last: ChainLink | null;
  /** Where the sealer left the chain's end. */
  head: ChainLink;
  /** Verified to the head: nothing sealed is left after `last`. */
  complete: boolean;
  pending: Pending;
};

/**
 * An event waits for the sealer for a second or two; a transaction still open keeps its events
 * back longer, but never this long (statements time out after 15 s). Longer means the sealer
 * is not running or the event was written around it — reported, not hidden as "pending".
 */
export const UNSEALED_ALARM_MS = 10 * 60_000;

/** Rows read by one statement of the walk. */
const WALK_BATCH = 20_000;

type From = { chainSeq: bigint; hash: string | null };

type Head = { chainSeq: bigint; hash: string | null; legacyEnd: bigint };

type WalkRow = { id: bigint; chainSeq: bigint; hash: string | null; reason: ChainBreak["reason"] | null; n: bigint; is_last: boolean };

/**
 * Walks the sealed chain in `chainSeq` order from `from` (an event verified before, which must
 * still carry its hash; from the chain's start without it), at most `limit` events: recomputes
 * each event's hash with the database's own function and checks it follows the event before it
 * without a gap. When the walk reaches the head, checks the chain ends there. Also counts the
 * events still waiting for the sealer and reports events that carry a seal without a place.
 *
 * Run it in a REPEATABLE READ transaction: the head, the walk and the counts must see one
 * snapshot, or a seal committed in between would look like an event added after the head.
 */
export async function verifyAuditChain(
  tx: DbTx,
  options: { from?: From; limit?: number; now?: Date } = {},
): Promise<ChainReport> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const breaks: ChainBreak[] = [];

  const [headRow] = await tx.$queryRaw<Head[]>`
    SELECT "chainSeq", hash, "legacyEnd" FROM "AuditChainHead" WHERE id = 1`;
  if (!headRow) breaks.push({ id: "–", chainSeq: null, reason: "head" });
  const head: Head = headRow ?? { chainSeq: 0n, hash: null, legacyEnd: 0n };

  if (options.from && options.from.chainSeq > 0n) {
    const [anchor] = await tx.$queryRaw<{ id: bigint; hash: string | null }[]>`
      SELECT id, hash FROM "AuditEvent" WHERE "chainSeq" = ${options.from.chainSeq}`;
    if (anchor?.hash !== options.from.hash) {
      breaks.push({ id: anchor?.id.toString() ?? "–", chainSeq: options.from.chainSeq.toString(), reason: "checkpoint" });
    }
  }

  let cursor: From = options.from ?? { chainSeq: 0n, hash: null };
  let lastId: bigint | null = null;
  let events = 0;
  let complete = cursor.chainSeq >= head.chainSeq;
  while (!complete && events < limit) {
    const size = Math.min(WALK_BATCH, limit - events);
    // The hash of events chained before decision 024 (up to legacyEnd) leaves out the place
    // and the transaction; the link and the gap check cover those events' order.
    const rows = await tx.$queryRaw<WalkRow[]>`
      WITH b AS (
        SELECT e.id, e."chainSeq", e."prevHash", e.hash,
               CASE WHEN e."chainSeq" <= ${head.legacyEnd}::bigint THEN varna_audit_hash(e) ELSE varna_audit_seal_hash(e) END AS computed
        FROM "AuditEvent" e
        WHERE e."chainSeq" > ${cursor.chainSeq}::bigint AND e."chainSeq" <= ${head.chainSeq}::bigint
        ORDER BY e."chainSeq"
        LIMIT ${size}::int
      ), c AS (
        SELECT id, "chainSeq", hash,
          CASE
            WHEN hash IS DISTINCT FROM computed THEN 'hash'
            WHEN "chainSeq" <> lag("chainSeq", 1, ${cursor.chainSeq}::bigint) OVER w + 1 THEN 'gap'
            WHEN "prevHash" IS DISTINCT FROM lag(hash, 1, ${cursor.hash}::text) OVER w THEN 'link'
          END AS reason,
          count(*) OVER () AS n,
          lead(id) OVER w IS NULL AS is_last
        FROM b
        WINDOW w AS (ORDER BY "chainSeq")
      )
      SELECT id, "chainSeq", hash, reason, n, is_last FROM c
      WHERE reason IS NOT NULL OR is_last
      ORDER BY "chainSeq"`;
    const n = Number(rows[0]?.n ?? 0n);
    for (const row of rows) {
      if (row.reason) breaks.push({ id: row.id.toString(), chainSeq: row.chainSeq.toString(), reason: row.reason });
      if (row.is_last) {
        cursor = { chainSeq: row.chainSeq, hash: row.hash };
        lastId = row.id;
      }
    }
    events += n;
    complete = n < size || cursor.chainSeq >= head.chainSeq;
  }

  if (complete) {
    // The chain must end where the sealer left it: not before (events cut off its end) and
    // not after (events added behind the sealer's back).
    if (cursor.chainSeq < head.chainSeq) {
      breaks.push({ id: "–", chainSeq: head.chainSeq.toString(), reason: "head" });
    } else if (head.chainSeq > 0n && cursor.hash !== head.hash) {
      breaks.push({ id: lastId?.toString() ?? "–", chainSeq: head.chainSeq.toString(), reason: "head" });
    }
    const beyond = await tx.$queryRaw<{ id: bigint; chainSeq: bigint }[]>`
      SELECT id, "chainSeq" FROM "AuditEvent" WHERE "chainSeq" > ${head.chainSeq}::bigint ORDER BY "chainSeq" LIMIT 1000`;
    for (const row of beyond) breaks.push({ id: row.id.toString(), chainSeq: row.chainSeq.toString(), reason: "head" });
  }

  // Without a place in the chain: waiting for the sealer, or carrying a seal nobody gave it.
  const staleBefore = new Date(now.getTime() - UNSEALED_ALARM_MS);
  const [unsealed] = await tx.$queryRaw<{ count: bigint; stale: bigint; oldest: Date | null }[]>`
    SELECT count(*) AS count, count(*) FILTER (WHERE "occurredAt" < ${staleBefore}) AS stale, min("occurredAt") AS oldest
    FROM "AuditEvent" WHERE "chainSeq" IS NULL AND hash IS NULL AND "prevHash" IS NULL`;
  const forged = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM "AuditEvent" WHERE "chainSeq" IS NULL AND (hash IS NOT NULL OR "prevHash" IS NOT NULL) ORDER BY id LIMIT 1000`;
  for (const row of forged) breaks.push({ id: row.id.toString(), chainSeq: null, reason: "unchained" });

  const pending: Pending = {
    count: Number(unsealed?.count ?? 0n),
    stale: Number(unsealed?.stale ?? 0n),
    oldestAt: unsealed?.oldest ?? null,
  };
  const walked = cursor.chainSeq > 0n || options.from ? { chainSeq: cursor.chainSeq.toString(), hash: cursor.hash } : null;
  return {
    ok: breaks.length === 0 && pending.stale === 0,
    events,
    breaks,
    last: walked,
    head: { chainSeq: head.chainSeq.toString(), hash: head.hash },
    complete,
    pending,
  };
}
