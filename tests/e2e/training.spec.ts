// Issue 10's acceptance in the browser: a division head logs a need; the coordinator plans an
// event for it and records attendance; the division head sees the coverage rise; another
// division's head sees none of it.
import { expect, loginAs, test } from "./fixtures";

// A plan year of its own, so a rerun on the same database starts from an empty year.
const YEAR = 2040 + (Math.floor(Date.now() / 1000) % 55);
// Today in Stockholm: attendance is taken from an event's day on.
const TODAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm" }).format(new Date());

test("a need is logged, planned for, attended and covered — and stays within its division", async ({ browser, baseURL }) => {
  const head = await browser.newContext();
  const coordinator = await browser.newContext();
  const otherHead = await browser.newContext();
  await loginAs(head, baseURL!, { role: "DIVISION_HEAD", division: "BUK" });
  await loginAs(coordinator, baseURL!, { role: "COORDINATOR" });
  await loginAs(otherHead, baseURL!, { role: "DIVISION_HEAD", division: "DSO" });
  const headPage = await head.newPage();
  const coordinatorPage = await coordinator.newPage();
  const otherPage = await otherHead.newPage();
  const comment = `E2E-behov ${YEAR}`;

  // 1. The division head logs a need: first a wrong head-count (the browser's check), then right.
  await headPage.goto("/utbildning");
  const form = headPage.locator("form", { has: headPage.getByRole("button", { name: "Registrera behov" }) });
  await form.getByLabel("Personalkategori").selectOption({ label: "Lärare" });
  await form.getByLabel("Nivå").selectOption("BASIC");
  await form.getByLabel("Antal personer").fill("0");
  await form.getByLabel("Önskas senast").fill(`${YEAR}-05-01`);
  await form.getByLabel("Kommentar").fill(comment);
  await form.getByRole("button", { name: "Registrera behov" }).click();
  await expect(form.getByLabel("Antal personer")).toHaveAccessibleDescription("Antalet måste vara minst 1.");
  await form.getByLabel("Antal personer").fill("7");
  await form.getByRole("button", { name: "Registrera behov" }).click();
  await expect(headPage.getByText("Behovet är registrerat.")).toBeVisible();
  await expect(headPage.getByTestId("need-row").filter({ hasText: comment })).toContainText("Barn och utbildning");

  // 2. The coordinator draws up the year's plan and plans an event for the need, aimed at BUK.
  await coordinatorPage.goto(`/kompetensplan?ar=${YEAR}`);
  await coordinatorPage.getByRole("button", { name: "Upprätta planen" }).click();
  await expect(coordinatorPage.getByRole("heading", { name: `Kompetensutvecklingsplan ${YEAR}` })).toBeVisible();
  await coordinatorPage.getByText("Planera ett tillfälle").click();
  const eventForm = coordinatorPage.locator("form", { has: coordinatorPage.getByRole("button", { name: "Planera tillfället" }) });
  await eventForm.getByLabel("Rubrik").fill("Grundutbildning Samtalskompassen");
  await eventForm.getByLabel("Datum och tid").fill(`${YEAR}-03-10T09:00`);
  await eventForm.getByLabel("Utbildare").fill("CVE");
  await eventForm.getByLabel("Antal platser").fill("30");
  await eventForm.getByRole("checkbox", { name: "Lärare", exact: true }).check();
  await eventForm.getByRole("checkbox", { name: "Barn och utbildning", exact: true }).check();
  await eventForm.getByRole("checkbox", { name: /Barn och utbildning – Lärare, grundläggande, 7/ }).check();
  await eventForm.getByRole("button", { name: "Planera tillfället" }).click();
  const event = coordinatorPage.getByTestId("training-event").filter({ hasText: "Grundutbildning Samtalskompassen" });
  await expect(event).toContainText("Barn och utbildning – Lärare, grundläggande, 7");
  // Still to come: planned, and no attendance taken yet.
  await expect(event.getByTestId("event-status")).toHaveText("Planerat");
  await expect(event.getByTestId("attendance-later")).toHaveText("Deltagandet registreras från och med tillfällets dag.");
  await expect(event.getByText("Registrera deltagande")).toHaveCount(0);

  // The division head's need is now shown as planned, and the "Planerat" filter finds it.
  await headPage.goto("/utbildning?status=PLANNED");
  await expect(headPage.getByTestId("need-row").filter({ hasText: comment })).toContainText("Planerat");

  // 3. Before attendance the division head sees the event and 0 % coverage.
  await headPage.goto(`/kompetensplan?ar=${YEAR}`);
  await expect(headPage.getByTestId("training-event")).toContainText("Grundutbildning Samtalskompassen");
  const coverageRow = headPage.getByTestId("coverage-row").filter({ hasText: "Lärare" });
  await expect(coverageRow).toContainText(/Barn och utbildning\s*Grundläggande\s*Lärare\s*7\s*0\s*0 %/);

  // 4. The event took place today after all: the coordinator moves it, then records BUK's
  // attendance (five teachers came), which marks it held.
  await event.getByText("Ändra tillfället").click();
  await event.getByLabel("Datum och tid").fill(`${TODAY}T00:05`);
  await event.getByRole("button", { name: "Spara ändringarna" }).click();
  await expect(event.getByTestId("attendance-later")).toHaveCount(0);
  await event.getByText("Registrera deltagande").click();
  const sheet = event.locator("form", { has: coordinatorPage.getByRole("button", { name: "Spara deltagandet" }) });
  await sheet.getByLabel("Division").selectOption({ label: "Barn och utbildning" });
  const row = sheet.getByTestId("attendance-row").first();
  await row.getByLabel("Grupp").selectOption("STAFF");
  await row.getByLabel("Personalkategori").selectOption({ label: "Lärare" });
  await row.getByLabel("Anmälda").fill("6");
  await row.getByLabel("Deltog").fill("5");
  await sheet.getByRole("button", { name: "Spara deltagandet" }).click();
  await expect(event.getByRole("table")).toContainText(/Barn och utbildning\s*Personal\s*Lärare\s*6\s*5/);
  await expect(event.getByTestId("event-status")).toHaveText("Genomfört");

  // 5. The division head's coverage rose: 5 of 7 = 71 %.
  await headPage.reload();
  await expect(coverageRow).toContainText(/Barn och utbildning\s*Grundläggande\s*Lärare\s*7\s*5\s*71 %/);
  await expect(headPage.getByTestId("need-coverage").filter({ hasText: "Lärare" })).toContainText("Inte täckt");

  // 6. Another division's head sees none of it: not the need, not the event, not the coverage.
  await otherPage.goto("/utbildning");
  await expect(otherPage.getByText(comment)).toHaveCount(0);
  await otherPage.goto(`/kompetensplan?ar=${YEAR}`);
  await expect(otherPage.getByText("Grundutbildning Samtalskompassen")).toHaveCount(0);
  await expect(otherPage.getByText("Inga utbildningstillfällen som rör din division.")).toBeVisible();
  await expect(otherPage.getByTestId("coverage-row")).toHaveCount(0);
  await expect(otherPage.getByText("Barn och utbildning")).toHaveCount(0);

  // 7. A planned event is cancelled after a confirmation step, and then takes no attendance.
  if (!(await eventForm.isVisible())) await coordinatorPage.getByText("Planera ett tillfälle").click();
  await eventForm.getByLabel("Rubrik").fill("Uppföljningsträff");
  await eventForm.getByLabel("Datum och tid").fill(`${YEAR}-09-01T09:00`);
  await eventForm.getByLabel("Utbildare").fill("CVE");
  await eventForm.getByLabel("Antal platser").fill("20");
  await eventForm.getByRole("button", { name: "Planera tillfället" }).click();
  const second = coordinatorPage.getByTestId("training-event").filter({ hasText: "Uppföljningsträff" });
  await expect(second.getByTestId("event-status")).toHaveText("Planerat");
  await second.getByRole("button", { name: "Ställ in tillfället" }).click();
  await expect(second.getByRole("alertdialog")).toContainText("Ställa in tillfället?");
  await second.getByRole("button", { name: "Ja, ställ in" }).click();
  await expect(second.getByTestId("event-status")).toHaveText("Inställt");
  await expect(second.getByRole("button", { name: "Ställ in tillfället" })).toHaveCount(0);
  await expect(second.getByText("Registrera deltagande")).toHaveCount(0);

  // The coordinator's exports are real files.
  const xlsx = await coordinatorPage.request.get(`/kompetensplan/export?ar=${YEAR}&format=xlsx`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  const refused = await headPage.request.get(`/kompetensplan/export?ar=${YEAR}&format=pdf`);
  expect(refused.status()).toBe(403);
  const bad = await coordinatorPage.request.get(`/kompetensplan/export?ar=abc&format=pdf`);
  expect(bad.status()).toBe(400);

  await Promise.all([head.close(), coordinator.close(), otherHead.close()]);
});
