// Sealing in tests, where an exact number of events is expected to be sealed.
import { ownerDb } from "@/tests/setup/owner-db";
import { sealAuditEvents } from "@/lib/server/audit/seal";

/**
 * Seals until `expected` events are sealed (or a few seconds have passed) and returns how many
 * were. The sealer waits for every transaction older than its horizon — in the whole cluster:
 * on a shared PostgreSQL server, another database's transaction open at that moment holds the
 * events back for a moment, so one pass may seal fewer than are there.
 */
export async function sealExpecting(expected: number, tries = 200): Promise<number> {
  let sealed = 0;
  for (let i = 0; i < tries && sealed < expected; i++) {
    sealed += (await sealAuditEvents(ownerDb())) ?? 0;
    if (sealed < expected) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return sealed;
}

/**
 * Seals until a pass fails (or a few seconds have passed) and returns the error, or null if
 * none did. An event waiting behind a broken head is reached only once the cluster-wide
 * horizon has passed its transaction; until then a pass seals nothing and fails nothing.
 */
export async function sealUntilRefused(tries = 200): Promise<unknown> {
  for (let i = 0; i < tries; i++) {
    try {
      await sealAuditEvents(ownerDb());
    } catch (error) {
      return error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
