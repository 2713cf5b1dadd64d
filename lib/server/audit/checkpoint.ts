import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import { sealAuditEvents } from "./seal";
import { verifyAuditChain, type ChainBreak, type Pending } from "./verify-chain";

/** Sealed events one view of the log verifies at most: one view stays well within the statement timeout. */
export const VERIFY_BATCH = 10_000;

export type ChainState = {
  ok: boolean;
  /** Events verified in all, from the chain's start up to the checkpoint (and now past it). */
  events: number;
  /** Events in the chain (sealed). */
  sealed: number;
  /** Sealed events after the checkpoint, still to verify: the next view goes on with them. */
  remaining: number;
  /** Events waiting to be sealed (and those waiting too long: a break). */
  pending: Pending;
  breaks: ChainBreak[];
  /** When the chain was last verified without a break (null: never). */
  verifiedAt: Date | null;
};

/**
 * Verifies the next `batch` sealed events after the last verified one (the checkpoint, kept in
 * PostgreSQL), so a view of the log never reads the whole trail — 200,000 events are twenty
 * views, each well within the statement timeout — and says how far it got. First it seals what
 * has been inserted since the sealer last ran, so the page shows the trail up to now. When
 * nothing is broken the checkpoint moves to the last event verified; when something is, it
 * stays where it was, so every later view reports the break again. A full verification, from
 * the first event and against the anchors kept outside the database, is `npm run audit:verify`.
 *
 * Runs as the system (`asSystem`, decision 023) outside `withViewer`, like sign-in: the checkpoint is not the app
 * role's to read or write (a forged checkpoint would hide a break). Callers check the viewer.
 */
export async function verifyAuditChainSinceCheckpoint({ now = new Date(), batch = VERIFY_BATCH } = {}): Promise<ChainState> {
  try {
    await asSystem((tx) => sealAuditEvents(tx));
  } catch (error) {
    // A sealer that fails (e.g. on an event forged after the chain's head) must not hide the
    // log: the verification below reports what is wrong.
    console.warn("Granskningsloggen: förseglingen misslyckades.", error instanceof Error ? error.message : error);
  }
  // One snapshot for the checkpoint, the head and the walk (see verifyAuditChain).
  const { checkpoint, report } = await asSystem(
    async (tx) => {
      const checkpoint = await tx.auditCheckpoint.findUnique({ where: { id: 1 } });
      const report = await verifyAuditChain(tx, {
        from: checkpoint ? { chainSeq: checkpoint.chainSeq, hash: checkpoint.hash } : undefined,
        limit: batch,
        now,
      });
      return { checkpoint, report };
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );

  const before = checkpoint?.events ?? 0;
  const sealed = Number(report.head.chainSeq);
  // Events waiting too long for the sealer are reported, but they are not a break in what was
  // verified: the checkpoint still moves past a sound stretch of the chain.
  const intact = report.breaks.length === 0;
  const reached = intact && report.last ? Number(report.last.chainSeq) : Number(checkpoint?.chainSeq ?? 0n);
  const state = { sealed, remaining: Math.max(0, sealed - reached), pending: report.pending, breaks: report.breaks };
  if (!intact || !report.last?.hash) {
    return { ok: report.ok, events: before + (intact ? report.events : 0), ...state, verifiedAt: checkpoint?.verifiedAt ?? null };
  }

  const events = before + report.events;
  const data = { chainSeq: BigInt(report.last.chainSeq), hash: report.last.hash, events, verifiedAt: now };
  // Moved only from where this view started: a view that verified the same events at the same
  // time and moved it already is as good (its count is the same).
  if (checkpoint) {
    await asSystem((tx) => tx.auditCheckpoint.updateMany({ where: { id: 1, chainSeq: checkpoint.chainSeq }, data }));
  } else {
    await asSystem((tx) => tx.auditCheckpoint.createMany({ data: [{ id: 1, ...data }], skipDuplicates: true }));
  }
  return { ok: report.ok, events, ...state, verifiedAt: now };
}
