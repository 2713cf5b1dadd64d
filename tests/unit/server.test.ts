// scripts/server.mjs on real sockets, with a stand-in for Next's handler: the socket's address
// replaces any copy a client sends; a burst beyond the admission limit waits, then gets 503
// with Retry-After and the Swedish page; a request that marks itself unavailable answers 503.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER as PEER_IN_APP } from "@/lib/net/client-address";
import { PEER_ADDRESS_HEADER, createAdmission, createListener } from "../../scripts/server.mjs";

type Handle = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;
const servers: http.Server[] = [];

async function serve(handle: Handle, admission?: ReturnType<typeof createAdmission>) {
  const server = http.createServer(createListener(handle, admission));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the HTTP server", () => {
  it("tells the app the socket's address and overwrites a copy the client sent", async () => {
    expect(PEER_ADDRESS_HEADER).toBe(PEER_IN_APP);
    const url = await serve((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
    const response = await fetch(url, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.66" } });
    expect(await response.text()).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it("queues a burst beyond its limit for a bounded time, then answers 503 with Retry-After", async () => {
    const admission = createAdmission({ limit: 2, queueMax: 100, timeoutMs: 300 });
    let inside = 0;
    let most = 0;
    const url = await serve(async (_req, res) => {
      most = Math.max(most, ++inside);
      await sleep(200);
      inside--;
      res.end("ok");
    }, admission);
    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: 12 }, () => fetch(url)));
    const elapsed = Date.now() - started;
    const statuses = responses.map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([200, 503]));
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(4); // two now, two after 200 ms
    expect(most).toBe(2);
    const refused = responses.find((r) => r.status === 503)!;
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.text()).toContain("Tillfälligt otillgänglig");
    expect(elapsed).toBeLessThan(2_000);
    expect(admission.active).toBe(0); // every slot given back
  });

  it("refuses at once when the queue is full", async () => {
    const admission = createAdmission({ limit: 1, queueMax: 0, timeoutMs: 10_000 });
    const url = await serve(async (_req, res) => {
      await sleep(300);
      res.end("ok");
    }, admission);
    const started = Date.now();
    const [first, second] = await Promise.all([fetch(url), sleep(50).then(() => fetch(url))]);
    expect([first!.status, second!.status]).toEqual([200, 503]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("turns the 500 of a request that marked itself unavailable into 503, and leaves other errors alone", async () => {
    const url = await serve((req, res) => {
      if (req.url === "/overloaded") {
        const state = (globalThis as Record<symbol, { getStore(): { unavailable: boolean } }>)[Symbol.for("varna.request-state")];
        state!.getStore().unavailable = true;
      }
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("fel");
    });
    const overloaded = await fetch(`${url}/overloaded`);
    expect(overloaded.status).toBe(503);
    expect(overloaded.headers.get("retry-after")).toBe("5");
    expect(await overloaded.text()).toContain("Tillfälligt otillgänglig");
    expect((await fetch(`${url}/bug`)).status).toBe(500);
  });
});

describe("admission slots", () => {
  it("are given back when a client gives up while queued, and when the app throws", async () => {
    const admission = createAdmission({ limit: 1, queueMax: 10, timeoutMs: 2_000 });
    const url = await serve(async (req, res) => {
      if (req.url === "/throws") throw new Error("kraschade");
      await sleep(300);
      res.end("ok");
    }, admission);
    const slow = fetch(url);
    await sleep(50);
    const gaveUp = new AbortController();
    const abandoned = fetch(url, { signal: gaveUp.signal }).catch(() => null);
    await sleep(50);
    gaveUp.abort();
    expect((await slow).status).toBe(200);
    await abandoned;
    const started = Date.now();
    expect((await fetch(url)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    // The server logs what the app threw (expected here, so not a failure of this test).
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await fetch(`${url}/throws`)).status).toBe(500);
    expect(String(logged.mock.calls[0]?.[0])).toContain("kraschade");
    expect((await fetch(url)).status).toBe(200);
    await sleep(20);
    expect(admission.active).toBe(0);
    expect(admission.waiting).toBe(0);
  });
});
