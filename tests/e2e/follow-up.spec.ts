// Issue 11 acceptance: the coordinator opens a cycle; the BUK division head fills in and
// submits; the coordinator returns it once, then approves it; the overdue figures change
// accordingly; the BUK head gets the in-app notifications (opened, returned) made by the use
// cases themselves; another division's head sees none of BUK's follow-up nor its notices.
// Invalid input — personal data in a comment included — is refused in Swedish and saves
// nothing. Finally the coordinator closes the cycle, confirming it while follow-ups are open.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { SystemPool } from "./system-db";
import type { Browser, Page } from "@playwright/test";
import { expect as baseExpect, loginAs, test, type DemoUser } from "./fixtures";
import { runningEmbeddedDb } from "../../scripts/lib/embedded-db";

// Pages render per request on a shared 2-core machine: give each wait for the server the room it needs.
const expect = baseExpect.configure({ timeout: 20_000 });
let pool: SystemPool | undefined;
test.afterAll(async () => {
  await pool?.end();
});
/** Marks a user's notifications read before the test counts new ones (other specs leave some). */
async function markAllRead(email: string) {
  pool ??= new SystemPool({ connectionString: runningEmbeddedDb(path.resolve(process.env.VARNA_DATA_DIR ?? ".data/e2e"))!, max: 1 });
  await pool.query(`UPDATE "Notification" SET "readAt" = now() WHERE "readAt" IS NULL AND "userId" = (SELECT id FROM "User" WHERE email = $1)`, [email]);
}

/** The bell's accessible name and the list on /notiser, as the user meets them. */
async function expectNotice(page: Page, unread: string, text: string) {
  await page.goto("/oversikt");
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName(unread);
  await page.getByTestId("notification-bell").click();
  await expect(page).toHaveURL(/\/notiser$/);
  await expect(page.getByTestId("notification-list")).toContainText(text);
}

async function signedIn(browser: Browser, baseURL: string, role: DemoUser["role"], division?: string): Promise<Page> {
  const context = await browser.newContext();
  await loginAs(context, baseURL, { role, division });
  return context.newPage();
}

/** The "Försenade" figure of the follow-up page (as filtered by the URL). */
async function overdue(page: Page): Promise<number> {
  const card = page.getByTestId("follow-up-figures").locator("div", { has: page.getByText("Försenade", { exact: true }) });
  return Number(await card.locator("dd").first().textContent());
}

test("a follow-up cycle from opening to approval, with overdue figures and division walls", async ({ browser, baseURL }) => {
  // Three browsers and some thirty server round trips; the shared 2-core machine needs the room.
  test.setTimeout(600_000);
  const title = `VT e2e ${randomUUID().slice(0, 6)}`;
  await markAllRead("chef.buk@nykoping.example");
  await markAllRead("chef.dso@nykoping.example");
  const coordinator = await signedIn(browser, baseURL!, "COORDINATOR");

  // Invalid input: a period that ends before it starts is refused in Swedish; nothing is opened.
  await coordinator.goto("/uppfoljning");
  const open = coordinator.locator("form", { hasText: "Öppna en uppföljningsomgång" });
  await open.getByLabel("Namn").fill(title);
  await open.getByLabel("Perioden börjar").fill("2026-06-30");
  await open.getByLabel("Perioden slutar").fill("2026-01-01");
  await open.getByLabel("Sista dag att skicka in").fill("2026-07-01");
  await open.getByRole("button", { name: "Öppna omgången" }).click();
  await expect(open.getByText("Periodens slut kan inte ligga före dess början.")).toBeVisible();
  await expect(coordinator.getByRole("link", { name: `Visa ${title}` })).toHaveCount(0);

  // The cycle is opened with a due date already past, so every division's follow-up is overdue.
  await open.getByLabel("Perioden börjar").fill("2026-01-01");
  await open.getByLabel("Perioden slutar").fill("2026-06-30");
  await open.getByRole("button", { name: "Öppna omgången" }).click();
  await expect(open.getByText("Omgången är öppnad.")).toBeVisible();
  await coordinator.getByRole("link", { name: `Visa ${title}` }).click();
  await expect(coordinator).toHaveURL(/cycle=/);
  const cycleUrl = coordinator.url();
  const divisions = await coordinator.getByRole("link", { name: /^Öppna uppföljningen för/ }).count();
  expect(divisions).toBeGreaterThanOrEqual(3);
  expect(await overdue(coordinator)).toBe(divisions);

  // The BUK head is told, in the bell and the list, that the cycle is open.
  const buk = await signedIn(browser, baseURL!, "DIVISION_HEAD", "BUK");
  await expectNotice(buk, "Notiser, 1 oläst", `Uppföljningen ${title} är öppnad`);
  await expect(buk.getByTestId("notification-list")).toContainText("Barn och utbildning ska lämna sin uppföljning senast 1 juli 2026");

  // The BUK head finds the follow-up, fills it in and submits it.
  await buk.goto("/uppfoljning");
  await buk.getByRole("link", { name: `Öppna uppföljningen för Barn och utbildning, ${title}` }).click();
  await expect(buk.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(buk.getByText("Värdegrundsarbete i förskola och skola")).toBeVisible();
  const followUpUrl = buk.url();
  // Submitting without the gender perspective is refused, in Swedish.
  const lines = buk.locator("fieldset fieldset");
  const count = await lines.count();
  for (let i = 0; i < count; i++) {
    await lines.nth(i).getByLabel("Bedömning").selectOption({ label: "Enligt plan" });
    await lines.nth(i).getByLabel("Kommentar").fill("Arbetet går enligt plan.");
  }
  await buk.getByLabel("Samlad bedömning").selectOption({ label: "Risk för avvikelse" });
  // A comment with a phone number is refused (the plan describes measures, not persons); nothing is sent.
  await buk.getByLabel("Samlad kommentar").fill("Ring vårdnadshavaren på 070-123 45 67.");
  await buk.getByLabel("Jämställdhetsperspektiv").fill("Fler pojkar än flickor nås av värdegrundsarbetet.");
  await buk.getByRole("button", { name: "Skicka in till samordnaren" }).click();
  await expect(buk.getByText("Texten innehåller ett telefonnummer.", { exact: false })).toBeVisible();
  await buk.reload();
  await expect(buk.getByTestId("follow-up-status")).toHaveText(/Ej påbörjad/);
  for (let i = 0; i < count; i++) {
    await lines.nth(i).getByLabel("Bedömning").selectOption({ label: "Enligt plan" });
    await lines.nth(i).getByLabel("Kommentar").fill("Arbetet går enligt plan.");
  }
  await buk.getByLabel("Samlad bedömning").selectOption({ label: "Risk för avvikelse" });
  await buk.getByLabel("Samlad kommentar").fill("Bemanningen är ansträngd under våren.");
  await buk.getByRole("button", { name: "Skicka in till samordnaren" }).click();
  await expect(buk.getByText("Beskriv jämställdhetsperspektivet innan du skickar in.")).toBeVisible();
  await buk.getByLabel("Jämställdhetsperspektiv").fill("Fler pojkar än flickor nås av värdegrundsarbetet.");
  await buk.getByRole("button", { name: "Skicka in till samordnaren" }).click();
  await expect(buk.getByTestId("follow-up-status")).toHaveText("Inskickad");

  // Another division's head sees none of it: not in the list, 404 on the address.
  const dso = await signedIn(browser, baseURL!, "DIVISION_HEAD", "DSO");
  await dso.goto("/uppfoljning");
  await expect(dso.getByRole("link", { name: new RegExp(`Barn och utbildning, ${title}`) })).toHaveCount(0);
  await expect(dso.getByRole("link", { name: `Öppna uppföljningen för Social omsorg, ${title}` })).toHaveCount(1);
  expect((await dso.goto(followUpUrl))?.status()).toBe(404);

  // Submitted: one fewer overdue.
  await coordinator.goto(cycleUrl);
  expect(await overdue(coordinator)).toBe(divisions - 1);

  // The coordinator returns it once (a comment is required), then the BUK head resubmits.
  await coordinator.goto(followUpUrl);
  await coordinator.getByRole("button", { name: "Skicka tillbaka" }).click();
  await expect(coordinator.getByText("Skriv vad divisionen ska komplettera när du skickar tillbaka.")).toBeVisible();
  await coordinator.getByLabel("Kommentar till divisionen").fill("Beskriv hur föräldrar nås.");
  await coordinator.getByRole("button", { name: "Skicka tillbaka" }).click();
  await expect(coordinator.getByTestId("follow-up-status")).toHaveText(/Återsänd/);
  await coordinator.goto(cycleUrl);
  expect(await overdue(coordinator)).toBe(divisions);

  // The return reaches the BUK head as a second unread notice; the DSO head gets none of it.
  await expectNotice(buk, "Notiser, 2 olästa", `Uppföljningen ${title} har skickats tillbaka`);
  await expect(buk.getByTestId("notification-list")).toContainText("Samordnaren har skickat tillbaka Barn och utbildnings uppföljning");
  await expectNotice(dso, "Notiser, 1 oläst", `Uppföljningen ${title} är öppnad`);
  await expect(dso.getByTestId("notification-list")).toContainText("Social omsorg ska lämna sin uppföljning");
  await expect(dso.getByTestId("notification-list")).not.toContainText("Barn och utbildning");
  await expect(dso.getByText(`Uppföljningen ${title} har skickats tillbaka`)).toHaveCount(0);
  await expect(dso.locator(`a[href="${new URL(followUpUrl).pathname}"]`)).toHaveCount(0);

  await buk.goto(followUpUrl);
  await expect(buk.getByRole("note")).toContainText("Beskriv hur föräldrar nås.");
  await buk.getByLabel("Samlad kommentar").fill("Föräldrar nås genom föräldramöten varje termin.");
  await buk.getByRole("button", { name: "Skicka in till samordnaren" }).click();
  await expect(buk.getByTestId("follow-up-status")).toHaveText("Inskickad");

  await coordinator.goto(followUpUrl);
  await coordinator.getByRole("button", { name: "Godkänn" }).click();
  await expect(coordinator.getByTestId("follow-up-status")).toHaveText("Godkänd");
  await coordinator.goto(cycleUrl);
  expect(await overdue(coordinator)).toBe(divisions - 1);
  await expect(coordinator.getByTestId("follow-up-figures")).toContainText("Godkända1");

  // Approved is final for the division: no form any more.
  await buk.goto(followUpUrl);
  await expect(buk.getByTestId("follow-up-status")).toHaveText("Godkänd");
  await expect(buk.getByRole("button", { name: "Skicka in till samordnaren" })).toHaveCount(0);

  // Closing the cycle while other divisions' follow-ups are outstanding asks first; once
  // closed it leaves the open cycles, nothing in it counts as overdue, and the DSO head's
  // follow-up can no longer be filled in.
  await coordinator.goto("/uppfoljning");
  await coordinator.getByRole("button", { name: `Stäng omgången ${title}` }).click();
  const question = coordinator.getByRole("alertdialog");
  await expect(question).toContainText(`${divisions - 1} uppföljningar i ${title} är inte godkända`);
  await question.getByRole("button", { name: "Ja, stäng omgången" }).click();
  await expect(coordinator.getByTestId("closed-cycle").filter({ hasText: title })).toHaveCount(1);
  await expect(coordinator.getByRole("button", { name: `Stäng omgången ${title}` })).toHaveCount(0);
  await coordinator.goto(cycleUrl);
  expect(await overdue(coordinator)).toBe(0);
  await dso.goto("/uppfoljning");
  await dso.getByRole("link", { name: `Öppna uppföljningen för Social omsorg, ${title}` }).click();
  await expect(dso.getByText("Omgången är stängd.", { exact: false })).toBeVisible();
  await expect(dso.getByRole("button", { name: "Skicka in till samordnaren" })).toHaveCount(0);
  for (const page of [coordinator, buk, dso]) await page.context().close();
});
