import "server-only";
import { db, type DbTx } from "@/lib/server/db";

/** Events one sealing pass appends at most: one short transaction, even after a long pause. */
export const SEAL_BATCH = 5_000;

type Sql = Pick<DbTx, "$queryRaw">;

/**
 * One sealing pass (decision 024): the database's sealer appends the unsealed events of
 * transactions that have ended to the hash chain, in insertion order. Returns how many it
 * sealed, or null when another sealer (another app instance, a verification) is at work — that
 * one will seal them. Its own transaction: call it outside any other.
 */
export async function sealAuditEvents(client: Sql = db(), max = SEAL_BATCH): Promise<number | null> {
  const [row] = await client.$queryRaw<{ sealed: number | null }[]>`SELECT varna_audit_seal(${max}::int) AS sealed`;
  return row?.sealed ?? null;
}

/**
 * Seals until nothing is left — before a full verification, after a bulk load. It waits, for at
 * most `waitMs` in all, while another sealer holds the chain's head, and while events it can see
 * (so committed) are still held back by the sealer's horizon: a transaction anywhere in the
 * cluster that began before theirs ended. What is left then is reported by the verification as
 * waiting to be sealed.
 */
export async function sealAllAuditEvents(client: Sql = db(), { max = SEAL_BATCH, waitMs = 30_000 } = {}): Promise<number> {
  let sealed = 0;
  let waited = 0;
  const pause = async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    waited += 50;
  };
  for (;;) {
    const n = await sealAuditEvents(client, max);
    if (n === null) {
      if (waited >= waitMs) return sealed;
      await pause();
      continue;
    }
    sealed += n;
    if (n === max) continue;
    if (waited >= waitMs || (await heldBack(client)) === 0) return sealed;
    await pause();
  }
}

/** Unsealed events this caller can see that the sealer will take (not a forged seal, not one without a transaction). */
async function heldBack(client: Sql): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "AuditEvent"
    WHERE "chainSeq" IS NULL AND "prevHash" IS NULL AND hash IS NULL AND txid IS NOT NULL`;
  return row?.n ?? 0;
}
