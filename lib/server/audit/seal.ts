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
 * Seals until nothing sealable is left — before a full verification, after a bulk load. While
 * another sealer holds the chain's head it waits for it, for at most `waitMs` in all; what is
 * left then is reported by the verification as waiting to be sealed.
 */
export async function sealAllAuditEvents(client: Sql = db(), { max = SEAL_BATCH, waitMs = 30_000 } = {}): Promise<number> {
  let sealed = 0;
  let waited = 0;
  for (;;) {
    const n = await sealAuditEvents(client, max);
    if (n === null) {
      if (waited >= waitMs) return sealed;
      await new Promise((resolve) => setTimeout(resolve, 50));
      waited += 50;
      continue;
    }
    sealed += n;
    if (n < max) return sealed;
  }
}
