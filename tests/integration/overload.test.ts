// Overload answers 503, never 500, on the embedded database and on a server alike: a pool
// too small for the burst makes requests wait past DB_CONNECT_TIMEOUT_MS (or a statement past
// DB_STATEMENT_TIMEOUT_MS); those requests mark themselves, and the HTTP server
// (scripts/server.mjs) answers them 503 with Retry-After and the Swedish page.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/server/db";
import { isOverloadError } from "@/lib/server/unavailable";
import { createAdmission, createListener } from "../../scripts/server.mjs";

const servers: http.Server[] = [];
const clients: { $disconnect(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await Promise.all(clients.map((c) => c.$disconnect()));
});

/** An app stand-in behind the real listener: one database query per request, 500 on error as Next does. */
async function serve(options: { max: number; connectTimeoutMs: number; statementTimeoutMs?: number; sql: string }, admission?: ReturnType<typeof createAdmission>) {
  const client = createPrismaClient(process.env.DATABASE_OWNER_URL!, options);
  clients.push(client);
  const server = http.createServer(
    createListener(async (_req: http.IncomingMessage, res: http.ServerResponse) => {
      try {
        await client.$queryRawUnsafe(options.sql);
        res.end("ok");
      } catch {
        res.writeHead(500);
        res.end("Något gick fel");
      }
    }, admission),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/lagesbild`;
}

async function burst(url: string, size: number) {
  const started = Date.now();
  const timed = await Promise.all(
    Array.from({ length: size }, async () => {
      const response = await fetch(url);
      return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text(), ms: Date.now() - started };
    }),
  );
  const count = (status: number) => timed.filter((r) => r.status === status).length;
  return { timed, ok: count(200), unavailable: count(503), other: timed.filter((r) => r.status !== 200 && r.status !== 503) };
}

describe("a burst larger than the pool", () => {
  it("without admission: requests that cannot get a connection in time answer 503, never 500", async () => {
    // The first request warms the pool: a burst can then only wait for that one connection.
    const url = await serve({ max: 1, connectTimeoutMs: 1_000, sql: "SELECT 1 AS ok FROM pg_sleep(0.1)" });
    expect((await fetch(url)).status).toBe(200);
    const result = await burst(url, 25);
    expect(result.other).toEqual([]);
    expect(result.ok).toBeGreaterThan(0);
    expect(result.unavailable).toBeGreaterThan(0);
    for (const r of result.timed.filter((x) => x.status === 503)) {
      expect(r.retryAfter).toBe("5");
      expect(r.body).toContain("Tillfälligt otillgänglig");
    }
    const first503 = Math.min(...result.timed.filter((x) => x.status === 503).map((x) => x.ms));
    console.log(`no admission: 25 requests → ${result.ok} × 200, ${result.unavailable} × 503; first 503 after ${first503} ms`);
  });

  it("with admission: the queue is bounded in time, then 503; the pool never times out", async () => {
    const admission = createAdmission({ limit: 1, queueMax: 100, timeoutMs: 1_000 });
    const url = await serve({ max: 2, connectTimeoutMs: 5_000, sql: "SELECT 1 AS ok FROM pg_sleep(0.15)" }, admission);
    const result = await burst(url, 25);
    expect(result.other).toEqual([]);
    expect(result.ok).toBeGreaterThanOrEqual(3);
    expect(result.unavailable).toBeGreaterThan(0);
    const first503 = Math.min(...result.timed.filter((x) => x.status === 503).map((x) => x.ms));
    expect(first503).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...result.timed.map((x) => x.ms))).toBeLessThan(15_000); // bounded, with room for a busy machine
    console.log(`admission 1, queue 1 s: 25 requests → ${result.ok} × 200, ${result.unavailable} × 503; first 503 after ${first503} ms`);
  });
});

describe("what counts as overload", () => {
  it("a statement cancelled by the statement timeout answers 503", async () => {
    const url = await serve({ max: 1, connectTimeoutMs: 5_000, statementTimeoutMs: 200, sql: "SELECT 1 AS ok FROM pg_sleep(2)" });
    const response = await fetch(url);
    // PGlite (single-threaded WebAssembly) has no timer that cancels a running statement:
    // there the statement simply finishes. On a server it is cancelled and answers 503.
    if (inject("database").kind === "server") expect(response.status).toBe(503);
    else expect([200, 503]).toContain(response.status);
  });

  it("is not a syntax error or any other failure: those stay 500", async () => {
    const url = await serve({ max: 1, connectTimeoutMs: 5_000, sql: "SELEC 1" });
    expect((await fetch(url)).status).toBe(500);
    expect(isOverloadError(new Error("duplicate key value violates unique constraint"))).toBe(false);
  });
});
