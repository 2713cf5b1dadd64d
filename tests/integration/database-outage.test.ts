// Issue 15 part 3: when PostgreSQL stops (or stops answering), the health check says so within
// 5 s, requests fail fast as "unavailable" (503 with the Swedish page, see
// lib/server/unavailable.ts and scripts/server.mjs) instead of hanging, and the app recovers by
// itself when the database is back — the same pool, no restart. The database is taken away by a
// TCP proxy in front of the test database (embedded or server alike).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/server/db";
import { databaseIsReachable } from "@/lib/server/health";
import { isOverloadError } from "@/lib/server/unavailable";
import { tcpProxy, type TcpProxy } from "@/tests/setup/tcp-proxy";

const STATEMENT_TIMEOUT_MS = 1_500;
let proxy: TcpProxy;
let client: Db;

/** The error a query fails with (null when it succeeds), and how long it took. */
async function timed(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await run();
    return { error: null, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

/** The driver's own error under Prisma's wrapper, as the pool watcher sees it. */
function rootCause(error: unknown): unknown {
  let e = error as { cause?: unknown } | undefined;
  while (e && typeof e === "object" && e.cause) e = e.cause as { cause?: unknown };
  return e;
}

/** Waits until the database answers through the proxy again (at most ~20 s). */
async function recovered(): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (await databaseIsReachable(client)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

beforeAll(async () => {
  proxy = await tcpProxy(process.env.DATABASE_OWNER_URL!);
  client = createPrismaClient(proxy.url, { max: 2, connectTimeoutMs: 3_000, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  expect(await recovered()).toBe(true);
});

afterAll(async () => {
  await client?.$disconnect().catch(() => {});
  await proxy?.close();
});

describe("a database outage", () => {
  it("is reported by the health check within 5 s, fails queries fast and recovers without a restart", { timeout: 60_000 }, async () => {

    await proxy.stop();
    const health = await timed(async () => {
      if (await databaseIsReachable(client)) throw new Error("still reachable");
    });
    expect(health.error).toBeNull();
    expect(health.ms).toBeLessThan(5_000);

    const query = await timed(() => client.division.count());
    expect(query.error).not.toBeNull();
    expect(isOverloadError(rootCause(query.error)) || isOverloadError(query.error)).toBe(true);
    // Bounded by the connect timeout (3 s) — not the 15 s statement timeout, not forever.
    expect(query.ms).toBeLessThan(3_000 + 5_000);

    await proxy.start();
    const back = await timed(async () => {
      if (!(await recovered())) throw new Error("not recovered");
    });
    expect(back.error).toBeNull();
    expect(await client.division.count()).toBeGreaterThanOrEqual(0);
    // The figures the closing note of issue 15 quotes (not asserted beyond the bounds above).
    console.log(`outage: unavailable reported after ${Math.round(health.ms)} ms, a query failed after ${Math.round(query.ms)} ms, recovered ${Math.round(back.ms)} ms after the database returned`);
  });

  it("does not let a request hang on a database that stopped answering", { timeout: 60_000 }, async () => {
    expect(await recovered()).toBe(true);
    proxy.freeze();
    const health = await timed(async () => {
      if (await databaseIsReachable(client)) throw new Error("still reachable");
    });
    expect(health.error).toBeNull();
    expect(health.ms).toBeLessThan(5_000);

    // The server cannot run its statement timeout when nothing reaches it: the client's
    // query timeout (statement timeout + 2 s) ends the wait.
    const query = await timed(() => client.division.count());
    expect(query.error).not.toBeNull();
    expect(isOverloadError(rootCause(query.error)) || isOverloadError(query.error)).toBe(true);
    expect(query.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 2_000 + 3_000);

    await proxy.stop();
    await proxy.start();
    expect(await recovered()).toBe(true);
  });

  it("counts a stopped database's errors as 'unavailable' (503), not as a bug (500)", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ENOENT", "57P01", "57P03", "08006", "P1001", "P1017", "P2024", "P2028"]) {
      expect(isOverloadError(Object.assign(new Error("x"), { code }))).toBe(true);
    }
    expect(isOverloadError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isOverloadError(new Error("Query read timeout"))).toBe(true);
    expect(isOverloadError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
  });
});
