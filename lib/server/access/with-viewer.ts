import "server-only";
import { db, type DbTx } from "@/lib/server/db";
import type { Viewer } from "@/lib/access/viewer";
import { rethrowNotingOverload } from "@/lib/server/unavailable";

type TxOptions = { timeout?: number; maxWait?: number; isolationLevel?: "ReadCommitted" | "RepeatableRead" | "Serializable" };

/**
 * Runs `work` in one transaction as the database role `varna_app`, with the viewer's role,
 * divisions and id set for this transaction only (`varna_set_viewer()`, i.e. `set_config(…, true)`). Row-level security
 * then limits every statement to what the viewer may see — the second wall behind the
 * access layer's own filters. Settings end with the transaction, so a pooled connection
 * never carries one viewer's scope into another's query.
 */
export async function withViewer<T>(viewer: Viewer, work: (tx: DbTx) => Promise<T>, options?: TxOptions): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT varna_set_viewer(${viewer.role}, ${viewer.divisionIds.join(",")}, ${viewer.id})`;
    await tx.$executeRawUnsafe("SET LOCAL ROLE varna_app");
    return work(tx);
  }, options).catch(rethrowNotingOverload);
}
