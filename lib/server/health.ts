import "server-only";
import { db, type Db } from "@/lib/server/db";

// Under 5 s in all (issue 15: /api/health answers 503 within 5 s when the database is gone),
// with room for a first connection on a busy machine.
const HEALTH_TIMEOUT_MS = 4_000;

/** True when the database answers a trivial query within four seconds. */
export async function databaseIsReachable(client: Db = db()): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  try {
    const query = client.$queryRaw`SELECT 1`.then(() => true as const);
    return await Promise.race([query, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
