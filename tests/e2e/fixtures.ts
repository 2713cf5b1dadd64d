import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { SystemPool } from "./system-db";
import type { Role } from "../../lib/access/permissions";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-accounts";
import { runningEmbeddedDb } from "../../scripts/lib/embedded-db";

export type DemoUser = (typeof DEMO_USERS)[number];
export type SignedInUser = { id: string; email: string; name: string };

/** Signs in through the login form: for the tests of signing in itself. Others use loginAs. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

// The e2e app (playwright.config.ts) keeps its embedded database and session secret here;
// Playwright runs from the project root.
const dataDir = path.resolve(process.env.VARNA_DATA_DIR ?? ".data/e2e");
// As long as the app's own sessions (lib/server/auth/sessions.ts ABSOLUTE_TIMEOUT_MS).
const SESSION_SECONDS = 8 * 60 * 60;
let pool: SystemPool | undefined;

/** A time as the app stores it: UTC wall-clock time in a `timestamp` column (as Prisma writes it). */
const utc = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

function database(): SystemPool {
  if (pool) return pool;
  const url = runningEmbeddedDb(dataDir);
  if (!url) throw new Error(`loginAs: the e2e app's embedded database in ${dataDir} is not running`);
  pool = new SystemPool({ connectionString: url, max: 2 });
  return pool;
}

/** Whom to sign in: a role (in the division with this code), or one existing account. */
export type Who = { role: Role; division?: string } | { email: string };

/** The demo user of this role (and division code), or a new active user made for the test. */
async function userFor(db: SystemPool, who: Who): Promise<SignedInUser & { sessionVersion: number }> {
  const select = `SELECT id, email, name, "sessionVersion" FROM "User" WHERE email = $1`;
  if ("email" in who) {
    const { rows } = await db.query(select, [who.email]);
    if (!rows[0]) throw new Error(`loginAs: no account ${who.email}`);
    return rows[0];
  }
  const { role, division } = who;
  const demo = DEMO_USERS.find((u) => u.role === role && (division === undefined || u.divisions.includes(division)));
  if (demo) {
    const { rows } = await db.query(select, [demo.email]);
    if (rows[0]) return rows[0];
  }
  const email = `e2e-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.example`;
  const { rows } = await db.query(
    `INSERT INTO "User" (id, email, name, role, "createdAt", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $4)
     RETURNING id, email, name, "sessionVersion"`,
    [email, `E2E ${role}${division ? ` ${division}` : ""}`, role, utc(new Date())],
  );
  const user = rows[0]!;
  if (division) {
    await db.query(
      `INSERT INTO "DivisionMembership" (id, "userId", "divisionId") SELECT gen_random_uuid(), $1, id FROM "Division" WHERE code = $2`,
      [user.id, division],
    );
  }
  return user;
}

/**
 * Signs a browser context in as a user of `role` (in the division with this code; the demo
 * user that fits, else a new one) or as the account with this e-mail, without the
 * login form: the `UserSession` row a sign-in would start, and the next-auth JWT cookie that
 * carries its id, encoded with the e2e app's secret. The app checks both on every request.
 */
export async function loginAs(context: BrowserContext, baseURL: string, who: Who): Promise<SignedInUser> {
  const db = database();
  const user = await userFor(db, who);
  const now = new Date();
  const { rows } = await db.query(
    `INSERT INTO "UserSession" (id, "userId", method, "createdAt", "lastSeenAt", "expiresAt")
     VALUES (gen_random_uuid(), $1, 'credentials', $2, $2, $3) RETURNING id`,
    [user.id, utc(now), utc(new Date(now.getTime() + SESSION_SECONDS * 1000))],
  );
  const secret = readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
  const token = await encode({
    secret,
    maxAge: SESSION_SECONDS,
    token: { sub: user.id, uid: user.id, sv: user.sessionVersion, sid: rows[0]!.id, name: user.name, email: user.email },
  });
  // Plain http on localhost: next-auth's cookie without the __Secure- prefix.
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return { id: user.id, email: user.email, name: user.name };
}

type Fixtures = {
  /** Form sign-in on this test's page (the tests of signing in). */
  signIn: (email: string, password?: string) => Promise<void>;
  /** Signs this test's page in directly as `role` (in the division with this code). */
  loginAs: (role: Role, division?: string) => Promise<SignedInUser>;
};

export const test = base.extend<Fixtures, { closeDatabase: void }>({
  signIn: async ({ page }, use) => {
    await use((email, password) => signIn(page, email, password));
  },
  loginAs: async ({ context, baseURL }, use) => {
    await use((role, division) => loginAs(context, baseURL!, { role, division }));
  },
  closeDatabase: [
    async ({}, use) => {
      await use();
      await pool?.end();
      pool = undefined;
    },
    { scope: "worker", auto: true },
  ],
});

export { expect, DEMO_USERS };
