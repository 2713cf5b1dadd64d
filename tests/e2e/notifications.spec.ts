// The bell and /notiser as users meet them: the BUK head's unread count in the header, the
// list in Swedish, marking read (one, then all) with the keyboard; another division's head
// sees none of BUK's notifications. Notifications are made the way notify() stores them
// (kind + params), straight in the e2e database, as the sweep or another module would.
import { randomUUID } from "node:crypto";
import { SystemPool } from "./system-db";
import path from "node:path";
import { expect as baseExpect, test } from "./fixtures";
import { runningEmbeddedDb } from "../../scripts/lib/embedded-db";

// The app renders each page per request; on a busy machine a navigation can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
let pool: SystemPool | undefined;
function database() {
  pool ??= new SystemPool({ connectionString: runningEmbeddedDb(path.resolve(process.env.VARNA_DATA_DIR ?? ".data/e2e"))!, max: 1 });
  return pool;
}
test.afterAll(async () => {
  await pool?.end();
});

async function notification(userId: string, kind: string, params: Record<string, string | number>, link: string) {
  await database().query(
    `INSERT INTO "Notification" (id, "userId", kind, params, link, "dedupeKey", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [randomUUID(), userId, kind, JSON.stringify(params), link, `e2e:${randomUUID()}`],
  );
}

test("the BUK head sees the bell's count, reads the notifications in Swedish and marks them read; the DSO head sees none of them", async ({ page, loginAs, context }) => {
  const head = await loginAs("DIVISION_HEAD", "BUK");
  await database().query(`UPDATE "Notification" SET "readAt" = now() WHERE "userId" = $1 AND "readAt" IS NULL`, [head.id]);
  await notification(head.id, "followUpReturned", { cycle: "VT 2027", division: "Barn och utbildning" }, "/uppfoljning");
  await notification(head.id, "followUpDueSoon", { cycle: "VT 2027", division: "Barn och utbildning", dueDate: "2027-05-31" }, "/uppfoljning");

  await page.goto("/oversikt");
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notiser, 2 olästa");
  await expect(page.getByTestId("notification-count")).toHaveText("2");

  await bell.click();
  await expect(page).toHaveURL(/\/notiser$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notiser" })).toBeVisible();
  const list = page.getByTestId("notification-list");
  await expect(list).toContainText("Uppföljningen VT 2027 har skickats tillbaka");
  await expect(list).toContainText("Uppföljningen VT 2027 ska lämnas senast 31 maj 2027");

  // One, by keyboard: the button names the notification for a screen reader.
  const markOne = page.getByRole("button", { name: /^Markera som läst\s*:\s*Uppföljningen VT 2027 har skickats tillbaka$/ });
  await markOne.focus();
  await page.keyboard.press("Enter");
  await expect(bell).toHaveAccessibleName("Notiser, 1 oläst");
  await expect(page.getByText("1 oläst", { exact: false }).first()).toBeVisible();

  // The unread filter, then all at once.
  await page.goto("/notiser?show=unread");
  await expect(page.getByTestId("notification-list").locator("li")).toHaveCount(1);
  await page.getByRole("button", { name: "Markera alla som lästa" }).click();
  // Other specs' changes (a follow-up cycle opened for BUK) may have added unread ones meanwhile.
  await expect(page.getByText(/^\d+ notis(er)? markerades som lästa?\.$/)).toBeVisible();
  await expect(bell).toHaveAccessibleName("Notiser");
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await page.goto("/notiser?show=unread");
  await expect(page.getByText("Du har inga olästa notiser.")).toBeVisible();

  // An impossible filter value falls back to "all", never an error.
  const odd = await page.goto("/notiser?show=%00&page=99999999999");
  expect(odd?.status()).toBe(200);
  await expect(page.getByTestId("notification-list")).toContainText("Uppföljningen VT 2027 har skickats tillbaka");

  // Another division's head: none of BUK's notifications.
  await context.clearCookies();
  const other = await loginAs("DIVISION_HEAD", "DSO");
  await database().query(`UPDATE "Notification" SET "readAt" = now() WHERE "userId" = $1 AND "readAt" IS NULL`, [other.id]);
  await page.goto("/notiser");
  await expect(page.getByText("Uppföljningen VT 2027 har skickats tillbaka")).toHaveCount(0);
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Notiser");
});
