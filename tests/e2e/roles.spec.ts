import path from "node:path";
import sv from "../../lib/i18n/messages/sv/app.json";
import { navigationFor } from "../../lib/access/navigation";
import { NAV_ITEMS } from "../../lib/access/navigation";
import { DEMO_USERS, expect, loginAs, test } from "./fixtures";

const label = (key: string) => (sv.nav as Record<string, string>)[key]!;

test("an unknown user is sent to the login page", async ({ page }) => {
  await page.goto("/oversikt");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
});

test("a wrong password is refused with a Swedish message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(DEMO_USERS[0]!.email);
  await page.getByLabel("Lösenord").fill("fel-lösenord");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Fel e-postadress eller lösenord");
});

// The one test of signing in through the form with the right password; the others sign in
// with loginAs, which makes the session directly.
test("a user signs in through the login form and lands on the start page", async ({ page, signIn }) => {
  await signIn("natverk.kof@nykoping.example");
  await expect(page).toHaveURL(/\/oversikt$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Elin Sjöberg");
});

for (const user of DEMO_USERS) {
  test(`${user.role} (${user.email}) sees the navigation of the role`, async ({ page, loginAs }) => {
    await loginAs(user.role, user.divisions[0]);
    await page.goto("/oversikt");
    await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    const expected = navigationFor(user.role).map((item) => label(item.label));
    await expect(nav.getByRole("link")).toHaveText(expected);
    // Links the role may not follow are not shown.
    for (const item of NAV_ITEMS.filter((i) => !navigationFor(user.role).includes(i))) {
      await expect(nav.getByRole("link", { name: label(item.label), exact: true })).toHaveCount(0);
    }
  });
}

test("the coordinator's start page shows the municipality's figures and what is overdue", async ({ page, loginAs }) => {
  await loginAs("COORDINATOR");
  await page.goto("/");
  await expect(page).toHaveURL(/\/oversikt$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen, Sara Lindqvist");
  await expect(page.getByText("Siffrorna gäller hela kommunen.")).toBeVisible();
  // The dashboard (issue 13): the year's situation picture, and what is overdue per division.
  await expect(page.getByRole("table", { name: "Lägesbilden månad för månad" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Åtgärdspunkter per division" })).toContainText("Barn och utbildning");
  await expect(page.getByRole("table", { name: "Uppföljningar per division" })).toContainText("Försenade");
  await page.screenshot({
    path: process.env.UPDATE_DOCS_SCREENSHOTS
      ? path.join("docs", "screenshots", "coordinator-start.png")
      : test.info().outputPath("coordinator-start.png"),
    fullPage: true,
  });
});

test("a division head who opens a page of another role gets 403, not the page", async ({ page, loginAs }) => {
  await loginAs("DIVISION_HEAD", "BUK");
  const response = await page.goto("/admin/anvandare");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Ingen behörighet" })).toBeVisible();
});

test("a refused page leaves a trace the coordinator finds in the log", async ({ browser, baseURL }) => {
  const headContext = await browser.newContext();
  await loginAs(headContext, baseURL!, { email: "chef.buk@nykoping.example" });
  const head = await headContext.newPage();
  expect((await head.goto("/admin/logg"))?.status()).toBe(403);
  await headContext.close();
  const coordinatorContext = await browser.newContext();
  await loginAs(coordinatorContext, baseURL!, { role: "COORDINATOR" });
  const coordinator = await coordinatorContext.newPage();
  await coordinator.goto("/admin/logg?action=access.denied");
  await expect(coordinator.getByRole("table")).toContainText("chef.buk@nykoping.example");
  await coordinatorContext.close();
});

test("an observer's start page shows figures only: no titles, no single records", async ({ page, loginAs }) => {
  await loginAs("OBSERVER");
  await page.goto("/oversikt");
  await expect(page.getByText("Du ser sammanställda siffror för hela kommunen", { exact: false })).toBeVisible();
  // Grouped counts only: no record's title, no link to a single entry, measure or follow-up.
  await expect(page.getByRole("table", { name: "Lägesbilden månad för månad" })).toBeVisible();
  await expect(page.getByText("Värdegrundsarbete i förskola och skola")).toHaveCount(0);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(hrefs.filter((h) => /^\/(lagesbild|insatser|uppfoljning|atgarder)\/[0-9a-f-]{36}$/.test(h))).toEqual([]);
});

test("signing out ends the session", async ({ page, loginAs }) => {
  await loginAs("NETWORK_MEMBER", "DSO");
  await page.goto("/oversikt");
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/oversikt");
  await expect(page).toHaveURL(/\/login$/);
});

test("the coordinator browses the audit log, which reports an intact chain", async ({ page, loginAs }) => {
  await loginAs("COORDINATOR");
  await page.goto("/admin/logg");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logg");
  await expect(page.getByRole("status")).toContainText("Kedjan är obruten");
  await page.getByLabel("Händelse").fill("finns-inte");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/action=finns-inte/);
  await expect(page.getByText("Inga händelser matchar filtret.")).toBeVisible();
});

test("the interface language can be switched to English and back", async ({ page, loginAs }) => {
  await loginAs("DIVISION_HEAD", "DSO");
  await page.goto("/oversikt");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("navigation", { name: "Main menu" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Amina Yusuf");
  await page.getByRole("button", { name: "Svenska" }).click();
  await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeVisible();
});
