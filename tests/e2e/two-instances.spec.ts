// Two app instances on one database, no sticky sessions (issue 15 part 4): a second instance
// of the production build is started on the e2e app's database, and a browser moves between
// the two. Sessions, sign-out, deactivation, the sign-in throttle and the public page's
// publication all live in PostgreSQL, so what happens on one holds on the other at once.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { systemQuery } from "./system-db";
import { expect, loginAs, test } from "./fixtures";
import { runningEmbeddedDb } from "../../scripts/lib/embedded-db";

const DATA = ".data/e2e";
const FIRST_PORT = Number(process.env.E2E_PORT ?? 3210);
const SECOND_PORT = FIRST_PORT + 4;
const FIRST = `http://localhost:${FIRST_PORT}`;
const SECOND = `http://localhost:${SECOND_PORT}`;

function databaseUrl() {
  const url = runningEmbeddedDb(DATA);
  if (!url) throw new Error(`no embedded database is running in ${DATA}`);
  return url;
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await systemQuery<T>(client, text, params)).rows;
  } finally {
    await client.end();
  }
}

let second: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  second = spawn(process.execPath, ["scripts/server.mjs"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(SECOND_PORT),
      DATABASE_URL: databaseUrl(),
      NEXTAUTH_SECRET: readFileSync(path.join(DATA, "auth-secret"), "utf8").trim(),
      NEXTAUTH_URL: SECOND,
      NEXT_TELEMETRY_DISABLED: "1",
      VARNA_ENV: "development",
    },
  });
  second.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the second instance did not start")), 140_000);
    second!.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    second!.on("exit", (code) => reject(new Error(`the second instance exited (${code})`)));
  });
});

test.afterAll(() => {
  second?.kill("SIGTERM");
});

/** Where a request with these cookies ends up on an instance: the page, or /login. */
async function landsOn(request: import("@playwright/test").APIRequestContext, base: string, cookie: string) {
  const response = await request.get(`${base}/oversikt`, { headers: { cookie }, maxRedirects: 0 });
  return response.status() === 200 ? "page" : (response.headers()["location"] ?? String(response.status()));
}

test("a session made on one instance works on the other, and signing out on one ends it on both", async ({ context, page, request }) => {
  await loginAs(context, FIRST, { role: "COORDINATOR" });
  const cookie = (await context.cookies(FIRST)).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(await landsOn(request, FIRST, cookie)).toBe("page");
  expect(await landsOn(request, SECOND, cookie)).toBe("page");

  // Cookies are per host, not per port: the browser carries the session to the second instance.
  await page.goto(`${SECOND}/oversikt`);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  await page.goto(`${FIRST}/oversikt`);
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The old cookie, replayed on the other instance, no longer signs anyone in.
  expect(await landsOn(request, SECOND, cookie)).toMatch(/\/login/);
});

test("an account deactivated on one instance is signed out on the other at its next request", async ({ browser, request }) => {
  const memberContext = await browser.newContext();
  const member = await loginAs(memberContext, SECOND, { role: "OBSERVER", division: "INGEN" });
  const cookie = (await memberContext.cookies(SECOND)).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(await landsOn(request, SECOND, cookie)).toBe("page");

  const adminContext = await browser.newContext();
  await loginAs(adminContext, FIRST, { role: "ADMIN" });
  const admin = await adminContext.newPage();
  await admin.goto(`${FIRST}/admin/anvandare/${member.id}`);
  await admin.getByRole("button", { name: "Inaktivera kontot" }).click();
  await admin.getByRole("button", { name: "Ja, bekräfta" }).click();
  await expect(admin.getByTestId("account-status")).toHaveText("Kontot är inaktiverat och kan inte logga in.");

  expect(await landsOn(request, SECOND, cookie)).toMatch(/\/login/);
  await adminContext.close();
  await memberContext.close();
});

test("the sign-in throttle counts failures made on both instances together", async ({ request }) => {
  const email = `throttle-${Date.now()}@test.example`;
  const fail = async (base: string) => {
    const csrf = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
    const response = await request.post(`${base}/api/auth/callback/credentials`, {
      form: { csrfToken: csrf.csrfToken, email, password: "fel-lösenord", json: "true" },
      headers: { origin: base },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
  };
  for (let i = 0; i < 3; i++) {
    await fail(FIRST);
    await fail(SECOND);
  }
  const key = `account:${createHash("sha256").update(email).digest("hex")}`;
  const rows = await sql<{ failures: number }>(`SELECT failures FROM "SignInThrottle" WHERE key = $1`, [key]);
  expect(rows.map((r) => r.failures)).toEqual([6]);
});

test("a publication on one instance is served by the other at once", async ({ page, request }) => {
  const title = async (base: string) => (await (await request.get(`${base}/en/stod`)).text()).match(/<h1[^>]*>([^<]*)</)?.[1];
  // Both instances have the page in their cache.
  const before = await title(SECOND);
  expect(before).toBeTruthy();
  expect(await title(FIRST)).toBe(before);
  // Each instance's bytes name its own address (NEXTAUTH_URL, here a port of its own), so each
  // has its own ETag; behind one address they are the same bytes.
  const etagBefore = { [FIRST]: (await request.get(`${FIRST}/en/stod`)).headers()["etag"]!, [SECOND]: (await request.get(`${SECOND}/en/stod`)).headers()["etag"]! };
  expect(etagBefore[SECOND]).toBeTruthy();

  await loginAs(page.context(), FIRST, { role: "COORDINATOR" });
  await page.goto(`${FIRST}/stod-redigering/en`);
  // The form is filled only once React has taken it over, so its own default cannot overwrite it.
  await page.waitForLoadState("networkidle");
  const newTitle = `Support for relatives ${Date.now()}`;
  await page.getByLabel("Sidans rubrik").fill(newTitle);
  await page.getByRole("button", { name: "Spara utkast" }).click();
  await expect(page.getByText("Utkastet är sparat.")).toBeVisible();
  await page.getByRole("link", { name: "Förhandsgranska och publicera" }).click();
  await page.getByRole("button", { name: "Publicera utkastet" }).click();
  await expect(page.getByText(/Utkastet är publicerat som version \d+\./)).toBeVisible();

  const published = await title(FIRST);
  expect(published).toContain(newTitle);
  expect(await title(SECOND)).toBe(published);
  // Both serve the new version from memory with a new ETag: the ETag a browser kept from before
  // the publication gets the new page (200), not a 304, on either instance.
  for (const base of [FIRST, SECOND]) {
    const now = await request.get(`${base}/en/stod`, { headers: { "if-none-match": etagBefore[base]! } });
    expect(now.status()).toBe(200);
    expect(now.headers()["etag"]).not.toBe(etagBefore[base]);
    expect((await now.text()).match(/<h1[^>]*>([^<]*)</)?.[1]).toBe(published);
  }
});
