import "server-only";
import { db } from "@/lib/server/db";
import { verifyAuditChain, type ChainBreak } from "./verify-chain";

export type ChainState = {
  ok: boolean;
  /** Events verified in all, up to the checkpoint (and now past it). */
  events: number;
  breaks: ChainBreak[];
  /** When the chain was last verified without a break (null: never). */
  verifiedAt: Date | null;
};

/**
 * Verifies only what was appended since the last verified event (the checkpoint, kept in
 * PostgreSQL), so a view of the log does not re-read the whole trail. When nothing is broken
 * the checkpoint moves to the chain's head; when something is, it stays where it was, so every
 * later view reports the break again. A full verification, from the first event and against
 * the anchors kept outside the database, is `npm run audit:verify`.
 *
 * Runs as the table owner outside `withViewer`, like sign-in: the checkpoint is not the app
 * role's to read or write (a forged checkpoint would hide a break). Callers check the viewer.
 */
export async function verifyAuditChainSinceCheckpoint(now = new Date()): Promise<ChainState> {
  return db().$transaction(async (tx) => {
    // One verifier at a time; a second view waits and then finds the checkpoint moved on.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7660136018)`;
    const checkpoint = await tx.auditCheckpoint.findUnique({ where: { id: 1 } });
    const report = await verifyAuditChain(tx, checkpoint ? { chainSeq: checkpoint.chainSeq, hash: checkpoint.hash } : undefined);
    // The checkpoint's own event was counted before.
    const before = checkpoint ? checkpoint.events - 1 : 0;
    if (!report.ok || !report.head) {
      return { ok: report.ok, events: before + report.events, breaks: report.breaks, verifiedAt: checkpoint?.verifiedAt ?? null };
    }
    const events = before + report.events;
    const data = { chainSeq: BigInt(report.head.chainSeq), hash: report.head.hash, events, verifiedAt: now };
    await tx.auditCheckpoint.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    return { ok: true, events, breaks: [], verifiedAt: now };
  }, { timeout: 120_000 });
}
