import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import type { Role } from "../../lib/access/permissions";
import { loginAs, signIn } from "./fixtures";

/** A page of its own (own cookies) signed in through the login form: for the sign-in tests. */
async function newFormSignedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** A page of its own signed in directly (loginAs), on the start page. */
async function newSignedInPage(browser: Browser, baseURL: string, role: Role, division?: string): Promise<Page> {
  const context = await browser.newContext();
  await loginAs(context, baseURL, { role, division });
  const page = await context.newPage();
  await page.goto("/oversikt");
  return page;
}

async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
}

test("the 11th wrong password in a row answers 429 and the form says so in Swedish", async ({ page }) => {
  const email = "chef.kof@nykoping.example";
  for (let i = 1; i <= 10; i++) {
    expect((await postCredentials(page.request, email, `fel-lösenord-${i}`)).status()).toBe(401);
  }
  expect((await postCredentials(page.request, email, "fel-lösenord-11")).status()).toBe(429);

  // The right password does not get through either while the window lasts.
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  const answer = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Logga in" }).click();
  expect((await answer).status()).toBe(429);
  expect((await answer).headers()["retry-after"]).toMatch(/^\d+$/);
  await expect(page.locator("form").getByRole("alert")).toContainText("För många försök");
});

test("signing out ends the session on the server: a copied cookie no longer works", async ({ browser, baseURL }) => {
  const page = await newSignedInPage(browser, baseURL!, "NETWORK_MEMBER", "KOF");
  const copied = await page.context().storageState();
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext({ storageState: copied });
  const replayPage = await replay.newPage();
  await replayPage.goto("/oversikt");
  await expect(replayPage).toHaveURL(/\/login$/);
  await replay.close();
});

test("an administrator's request for a content role waits for a coordinator, who approves it; the user sets their own password from a one-time link; deactivation sends them to /login", async ({ browser, baseURL }) => {
  const admin = await newSignedInPage(browser, baseURL!, "ADMIN");
  await admin.goto("/admin/anvandare/ny");
  // Separation of duties (decision 010): a content role asked for by an administrator is a request.
  await expect(admin.getByText("skapas kontot inaktivt och en samordnare får godkänna")).toBeVisible();
  await admin.getByLabel("Namn").fill("Testa Deaktiveringsson");
  await admin.getByLabel("E-postadress").fill("avslutas@nykoping.example");
  await admin.getByLabel("Roll").selectOption("NETWORK_MEMBER");
  await admin.getByLabel("Kultur och fritid", { exact: true }).check();
  let actionId: string | undefined;
  admin.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actionId = r.headers()["next-action"];
  });
  await admin.getByRole("button", { name: "Skapa användare" }).click();
  await expect(admin.getByRole("heading", { name: "Kontot väntar på en samordnare" })).toBeVisible();
  await expect(admin.getByTestId("password-link")).toHaveCount(0);
  expect(actionId).toBeTruthy();

  // A division head calling the same Server Action directly is refused, and nothing is created.
  const head = await newSignedInPage(browser, baseURL!, "DIVISION_HEAD", "BUK");
  const forged = await head.request.post("/admin/anvandare/ny", {
    headers: { "Next-Action": actionId!, Origin: new URL(head.url()).origin, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(["$undefined", { name: "Smygare", email: "smygare@nykoping.example", role: "OBSERVER", divisionIds: [] }]),
  });
  expect(await forged.text()).toContain("Din roll får inte göra detta.");
  expect((await head.goto("/admin/anvandare"))?.status()).toBe(403);
  await admin.goto("/admin/anvandare?q=smygare");
  await expect(admin.getByText("Inga användare matchar sökningen.")).toBeVisible();

  // The administrator can neither edit nor activate the waiting account.
  await admin.goto("/admin/anvandare?q=avslutas");
  await admin.getByRole("link", { name: "Testa Deaktiveringsson" }).click();
  await expect(admin.getByTestId("pending-grant")).toContainText("Nätverksmedlem");
  await expect(admin.getByTestId("coordinator-only")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Godkänn och aktivera" })).toHaveCount(0);
  await expect(admin.getByRole("button", { name: "Aktivera kontot igen" })).toHaveCount(0);

  // The coordinator approves and gets the one-time link to hand over.
  const coordinator = await newSignedInPage(browser, baseURL!, "COORDINATOR");
  await coordinator.goto(admin.url());
  await coordinator.getByRole("button", { name: "Godkänn och aktivera" }).click();
  const link = (await coordinator.getByTestId("password-link").textContent())!.trim();
  expect(link).toMatch(/\/losenord\/[\w-]{40,}$/);

  const context = await browser.newContext();
  const user = await context.newPage();
  await user.goto(link);
  await user.getByLabel("Nytt lösenord").fill("kort");
  await user.getByLabel("Upprepa det nya lösenordet").fill("kort");
  await user.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(user.getByText("Lösenordet måste vara minst 12 tecken.")).toBeVisible();
  await user.getByLabel("Nytt lösenord").fill("mitt eget långa lösenord");
  await user.getByLabel("Upprepa det nya lösenordet").fill("mitt eget långa lösenord");
  await user.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(user.getByTestId("password-set")).toBeVisible();
  // Single use.
  await user.goto(link);
  await expect(user.getByTestId("link-invalid")).toBeVisible();
  await context.close();

  const member = await newFormSignedInPage(browser, "avslutas@nykoping.example", "mitt eget långa lösenord");
  await expect(member.getByTestId("signed-in-as")).toContainText("Testa Deaktiveringsson");

  // Taking access away is always the administrator's to do.
  await admin.reload();
  await admin.getByRole("button", { name: "Inaktivera kontot" }).click();
  await expect(admin.getByRole("alertdialog")).toContainText("Inaktivera Testa Deaktiveringsson?");
  await admin.getByRole("button", { name: "Ja, bekräfta" }).click();
  await expect(admin.getByTestId("account-status")).toHaveText("Kontot är inaktiverat och kan inte logga in.");

  await member.goto("/oversikt");
  await expect(member).toHaveURL(/\/login$/);
});

test("a signed-in user changes their own password; their other sessions end, this one goes on", async ({ browser }) => {
  // An account no later test signs in with (workers: 1, a fresh database per run).
  const here = await newFormSignedInPage(browser, "natverk.kof@nykoping.example");
  const elsewhere = await newFormSignedInPage(browser, "natverk.kof@nykoping.example");
  await here.getByRole("link", { name: "Byt lösenord" }).click();
  await here.getByLabel("Nuvarande lösenord").fill("fel lösenord");
  await here.getByLabel("Nytt lösenord").fill("ett nytt långt lösenord");
  await here.getByLabel("Upprepa det nya lösenordet").fill("ett nytt långt lösenord");
  await here.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(here.getByText("Det nuvarande lösenordet stämmer inte.")).toBeVisible();
  await here.getByLabel("Nuvarande lösenord").fill(DEMO_PASSWORD);
  await here.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(here.getByTestId("password-changed")).toBeVisible();
  await here.goto("/oversikt");
  await expect(here.getByTestId("signed-in-as")).toBeVisible();
  await elsewhere.goto("/oversikt");
  await expect(elsewhere).toHaveURL(/\/login$/);
});

test("a role change takes effect on the user's next request", async ({ browser, baseURL }) => {
  const member = await newSignedInPage(browser, baseURL!, "NETWORK_MEMBER", "BUK");
  await expect(member.getByTestId("signed-in-as")).toContainText("Nätverksmedlem");

  const coordinator = await newSignedInPage(browser, baseURL!, "COORDINATOR");
  await coordinator.goto("/admin/anvandare?q=natverk.buk");
  await coordinator.getByRole("link", { name: "Lena Öhman" }).click();
  await coordinator.getByLabel("Roll").selectOption("DIVISION_HEAD");
  await coordinator.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(coordinator.getByText("Ändringarna är sparade.")).toBeVisible();

  await member.goto("/oversikt");
  await expect(member).toHaveURL(/\/login$/);
  await loginAs(member.context(), baseURL!, { email: "natverk.buk@nykoping.example" });
  await member.goto("/oversikt");
  await expect(member.getByTestId("signed-in-as")).toContainText("Lena Öhman");
  await expect(member.getByTestId("signed-in-as")).toContainText("Divisionschef");
});

test("every page carries a CSP with a fresh nonce, which Next puts on its scripts", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const nonceOf = (csp: string | undefined) => csp?.match(/'nonce-([^']+)'/)?.[1];
  const a = nonceOf(first.headers()["content-security-policy"]);
  const b = nonceOf(second.headers()["content-security-policy"]);
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  expect(a).not.toBe(b);
  expect(first.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${a}"`);
});

test("the login page runs without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, "insyn@nykoping.example");
  expect(violations).toEqual([]);
});

test("a Server Action POST from a foreign origin (or none) is rejected", async ({ request, baseURL }) => {
  const post = (origin?: string) =>
    request.post("/admin/anvandare/ny", {
      headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", ...(origin ? { Origin: origin } : {}) },
      data: "[]",
      maxRedirects: 0,
    });
  const foreign = await post("https://angripare.example");
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("annan webbplats");
  expect((await post()).status()).toBe(403);
  // Same origin passes the check (and then fails only because the action does not exist).
  expect((await post(new URL(baseURL!).origin)).status()).not.toBe(403);
});
