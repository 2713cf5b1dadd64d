import "server-only";
import { db, type Db, type DbTx } from "@/lib/server/db";
import { rethrowNotingOverload } from "@/lib/server/unavailable";

type TxOptions = { timeout?: number; maxWait?: number; isolationLevel?: "ReadCommitted" | "RepeatableRead" | "Serializable" };

/**
 * Runs the system's own work — what has no viewer yet or is nobody's: signing in, sessions,
 * the sign-in throttle, the reminder sweep, the e-mail outbox, the public page, refusals'
 * audit events — in one transaction as the database role `varna_system`
 * (`SET LOCAL ROLE`). The app's connection (`varna_runtime`) can read and change nothing on
 * its own: every query runs either here or in withViewer (docs/decisions/023-runtime-role.md).
 * `client` is for scripts and tests that bring their own connection.
 */
export async function asSystem<T>(work: (tx: DbTx) => Promise<T>, options: TxOptions & { client?: Db } = {}): Promise<T> {
  const { client = db(), ...txOptions } = options;
  return client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL ROLE varna_system");
    return work(tx);
  }, txOptions).catch(rethrowNotingOverload);
}
