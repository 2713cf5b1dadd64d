// The client's address and overload, end to end through the real HTTP server and Next:
//  - the test server trusts no proxy: a spoofed X-Forwarded-For is not what the audit trail
//    records;
//  - a second app instance on the same database, started as behind a reverse proxy on
//    127.0.0.1 (TRUSTED_PROXIES) with a tiny pool and admission limit: the proxy's
//    X-Forwarded-For is believed, what a client wrote to its left is not; and a burst larger
//    than the pool answers only 200 and 503 (with Retry-After and the Swedish page).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { systemQuery } from "./system-db";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { runningEmbeddedDb } from "../../scripts/lib/embedded-db";

const DATA = ".data/e2e";
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3210) + 2;
const SECOND = `http://localhost:${SECOND_PORT}`;

/** The e2e app's embedded database, on its private Unix socket. */
function databaseUrl() {
  const url = runningEmbeddedDb(DATA);
  if (!url) throw new Error(`no embedded database is running in ${DATA}`);
  return url;
}

/** The address the audit trail recorded for the last failed sign-in with this e-mail. */
async function auditedAddress(email: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const hash = createHash("sha256").update(email).digest("hex").slice(0, 16);
    const { rows } = await systemQuery(
      client,
      `SELECT ip FROM "AuditEvent" WHERE action = 'auth.signIn.failed' AND details->>'emailHash' = $1 ORDER BY id DESC LIMIT 1`,
      [hash],
    );
    return (rows[0]?.ip as string | null | undefined) ?? null;
  } finally {
    await client.end();
  }
}

/** A failed credentials sign-in straight to next-auth, with the headers given. */
async function failSignIn(request: import("@playwright/test").APIRequestContext, base: string, email: string, headers: Record<string, string>) {
  const csrf = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email, password: "fel-lösenord", json: "true" },
    headers: { origin: base, ...headers },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
}

/** Signs the BUK head in on the second instance. */
async function signInOnSecond(page: import("@playwright/test").Page) {
  await page.goto(`${SECOND}/login`);
  await page.getByLabel("E-postadress").fill("chef.buk@nykoping.example");
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/**
 * Runs `requests` while the embedded engine's one session (decision 019) is held in an open
 * transaction for `ms`, then releases it and waits for them: whatever the machine's speed, the
 * requests meet a database that cannot answer for that long.
 */
async function whileSessionHeld<T>(ms: number, requests: () => Promise<T>): Promise<T> {
  const holder = new pg.Client({ connectionString: databaseUrl() });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query("SET LOCAL ROLE varna_system");
    await holder.query("SELECT 1");
    const pending = requests();
    await new Promise((resolve) => setTimeout(resolve, ms));
    await holder.query("COMMIT");
    return await pending;
  } finally {
    await holder.query("ROLLBACK").catch(() => {});
    await holder.end();
  }
}

type Answer = { status: number; retryAfter: string | undefined; body: string; ms: number };

async function answer(response: import("@playwright/test").APIResponse, started: number): Promise<Answer> {
  return { status: response.status(), retryAfter: response.headers()["retry-after"], body: await response.text(), ms: Date.now() - started };
}

test("without a trusted proxy a spoofed X-Forwarded-For is not the recorded address", async ({ request, baseURL }) => {
  const email = `spoof-${Date.now()}@test.example`;
  await failSignIn(request, baseURL!, email, { "x-forwarded-for": "203.0.113.66", "x-varna-client-address": "203.0.113.67" });
  expect(await auditedAddress(email)).toMatch(/^(127\.0\.0\.1|::1)$/);
});

test.describe("a second instance behind a trusted proxy, with a tiny pool", () => {
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = spawn(process.execPath, ["scripts/server.mjs"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PORT: String(SECOND_PORT),
        DATABASE_URL: databaseUrl(),
        NEXTAUTH_SECRET: readFileSync(path.join(DATA, "auth-secret"), "utf8").trim(),
        NEXTAUTH_URL: SECOND,
        NEXT_TELEMETRY_DISABLED: "1",
        VARNA_ENV: "development",
        TRUSTED_PROXIES: "127.0.0.1, ::1",
        DB_POOL_MAX: "1",
        MAX_CONCURRENT_REQUESTS: "1",
        REQUEST_QUEUE_TIMEOUT_MS: "1000",
      },
    });
    server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the second instance did not start")), 100_000);
      server!.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Ready")) {
          clearTimeout(timer);
          resolve();
        }
      });
      server!.on("exit", (code) => reject(new Error(`the second instance exited (${code})`)));
    });
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("believes the trusted proxy's X-Forwarded-For, never what the client wrote to its left", async ({ request }) => {
    const direct = `proxied-${Date.now()}@test.example`;
    await failSignIn(request, SECOND, direct, { "x-forwarded-for": "198.51.100.7" });
    expect(await auditedAddress(direct)).toBe("198.51.100.7");

    // The client sent "X-Forwarded-For: 203.0.113.66"; the proxy appended what it saw.
    const spoofed = `spoofed-${Date.now()}@test.example`;
    await failSignIn(request, SECOND, spoofed, { "x-forwarded-for": "203.0.113.66, 198.51.100.8" });
    expect(await auditedAddress(spoofed)).toBe("198.51.100.8");
  });

  test("a burst of 25 to a filtered /lagesbild answers only 200 and 503, the 503s with Retry-After", async ({ page }) => {
    await signInOnSecond(page);
    // However fast the machine, the burst must meet a full queue: the session is held for 1.5 s —
    // longer than the queue timeout (1 s), shorter than a transaction's wait to start (Prisma's
    // maxWait, 2 s) — so the one admitted request waits on the database while the others queue
    // and get 503. On release the admitted request completes with 200. (Held past 2 s, it too
    // answers 503: the next test.)
    const started = Date.now();
    const results = await whileSessionHeld(1_500, () =>
      Promise.all(
        Array.from({ length: 25 }, async () =>
          answer(await page.request.get(`${SECOND}/lagesbild?environment=ISLAMIST&status=SUBMITTED`, { maxRedirects: 0 }), started),
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const unavailable = results.filter((r) => r.status === 503);
    console.log(
      `burst of 25: ${ok.length} × 200, ${unavailable.length} × 503; first 503 after ${Math.min(...unavailable.map((r) => r.ms))} ms, ` +
        `all answered within ${Math.max(...results.map((r) => r.ms))} ms`,
    );
    expect(results.filter((r) => r.status !== 200 && r.status !== 503).map((r) => r.status)).toEqual([]);
    expect(ok.length).toBeGreaterThan(0);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const r of unavailable) {
      expect(r.retryAfter).toBe("5");
      expect(r.body).toContain("Tillfälligt otillgänglig");
    }
    // After the burst the instance answers normally again.
    expect((await page.request.get(`${SECOND}/lagesbild`)).status()).toBe(200);
  });

  test("a request whose transaction cannot start within its wait answers 503, not 500", async ({ page }) => {
    await signInOnSecond(page);
    // The session held for 3 s: past Prisma's maxWait (2 s), which fails without any error from
    // the database (P2028) — the request must still say "unavailable", not crash.
    const started = Date.now();
    const response = await whileSessionHeld(3_000, async () => answer(await page.request.get(`${SECOND}/lagesbild`, { maxRedirects: 0 }), started));
    expect(response.status).toBe(503);
    expect(response.retryAfter).toBe("5");
    expect(response.body).toContain("Tillfälligt otillgänglig");
    expect((await page.request.get(`${SECOND}/lagesbild`)).status()).toBe(200);
  });
});
