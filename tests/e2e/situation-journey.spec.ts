// Issue 8's acceptance as one continuous journey, every step through the UI: BUK's network
// member records an entry (the personal-data guard flags a phone number while typing) and
// submits it → the coordinator finds it by full-text search and reviews it → compiles a report
// for the entry's month, which cites THAT entry → saves the report's texts, finalises it and
// downloads the PDF (read back: title, figures, the entry) → shares it with the police; an
// observer reads it aggregated → DSO's network member and head see the entry nowhere: not in
// the list, the search, the detail URL (404), the CSV or XLSX export, nor the report → a forged
// Server Action from DSO replaying the BUK entry's id is refused and the entry is unchanged.
// Each step waits for the server's confirmation of the one before ("Sparat.", the new status),
// never for a fixed time. Then the contact log's guard and an anonymous contact.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import type { Browser, Download, Page } from "@playwright/test";
import { expect as baseExpect, loginAs, test, type Who } from "./fixtures";

// The machine running the suite is shared and busy: each step may take a while to render.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A word no other entry has, letters only, so the full-text search finds exactly this entry. */
const marker = `zebra${randomBytes(4).toString("hex").replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
const DESCRIPTION = `Klistermärken med vit makt-symbolik vid busshållplatsen (${marker}).`;
const TITLE = `Lägesbild e2e ${marker}`;

/** The previous calendar month (as YYYY-MM-DD): its 10th for the entry, its first and last day for the report. */
function previousMonth() {
  const now = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    day: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10))),
    start: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))),
    end: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))),
  };
}

async function signedIn(browser: Browser, baseURL: string, who: Who): Promise<Page> {
  const context = await browser.newContext();
  await loginAs(context, baseURL, who);
  return context.newPage();
}

/** What a downloaded CSV or XLSX file says, as text. */
async function fileText(bytes: Buffer, format: "csv" | "xlsx"): Promise<string> {
  if (format === "csv") return bytes.toString("utf8");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets.forEach((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join("\n");
}

const downloaded = async (download: Download) => readFile((await download.path())!);

/** The filtered list's export through the export route (the list offers no link when nothing matches). */
async function exportText(page: Page, format: "csv" | "xlsx", query: string) {
  const response = await page.request.get(`/lagesbild/export?${query}${query ? "&" : ""}format=${format}`);
  expect(response.status()).toBe(200);
  return fileText(Buffer.from(await response.body()), format);
}

test("a BUK entry goes from the form into a final report and its PDF; DSO sees it nowhere and cannot change it", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const month = previousMonth();
  let entryUrl = "";
  let entryId = "";
  let recorded: { url: string; headers: Record<string, string>; body: string } | undefined;
  let reportUrl = "";

  const member = await signedIn(browser, baseURL!, { email: "natverk.buk@nykoping.example" });
  const coordinator = await signedIn(browser, baseURL!, { email: "samordnare@nykoping.example" });

  await test.step("BUK's network member records the entry through the form", async () => {
    await member.goto("/lagesbild");
    await member.getByRole("link", { name: "Ny notering" }).click();
    await expect(member.getByRole("heading", { name: "Ny lägesbildsnotering" })).toBeVisible();
    await member.getByLabel("Division").selectOption({ label: "Barn och utbildning" });
    await member.getByLabel("Observerat datum").fill(month.day);
    await member.getByLabel("Miljö").selectOption({ label: "Högerextremism / vit makt" });
    await member.getByLabel("Typ av aktivitet").selectOption({ label: "Propaganda" });
    await member.getByLabel("Källa").selectOption({ label: "Skolan" });
    await member.getByLabel("Tillförlitlighet").selectOption({ label: "Trolig" });
    // The guard flags a phone number as it is typed, before anything is sent.
    await member.getByLabel("Beskrivning").fill("Ring mig på 070-123 45 67");
    await expect(member.getByText("Texten innehåller ett telefonnummer.")).toBeVisible();
    await member.getByLabel("Beskrivning").fill(DESCRIPTION);
    await expect(member.getByText("Texten innehåller ett telefonnummer.")).toHaveCount(0);
    // Without the gender perspective: refused with a Swedish field error, nothing saved.
    await member.getByRole("button", { name: "Spara utkast" }).click();
    await expect(member.getByText("Fältet måste fyllas i.")).toBeVisible();
    await member.getByLabel("Genusperspektiv").fill("Främst unga män syns i aktiviteten.");
    await member.getByRole("button", { name: "Spara utkast" }).click();
    await expect(member.getByRole("heading", { name: /^Notering / })).toBeVisible();
    entryUrl = member.url();
    entryId = entryUrl.split("/").pop()!;
    await expect(member.getByRole("definition").filter({ hasText: /^Utkast$/ })).toBeVisible();
  });

  await test.step("she edits it (the Server Action is recorded for DSO's replay) and submits it", async () => {
    member.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"] && r.url().includes("/andra")) {
        recorded = { url: r.url(), headers: r.headers(), body: r.postData() ?? "" };
      }
    });
    await member.getByRole("link", { name: "Ändra" }).click();
    await member.getByLabel("Genusperspektiv").fill("Främst unga män syns; flickor i klassen berättar om obehag.");
    await member.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect(member).toHaveURL(entryUrl);
    await expect(member.getByText("flickor i klassen berättar om obehag")).toBeVisible();
    expect(recorded).toBeDefined();

    await member.getByRole("button", { name: "Skicka in för granskning" }).click();
    await expect(member.getByText("Noteringen är inskickad.")).toBeVisible();
    await expect(member.getByRole("definition").filter({ hasText: /^Inskickad$/ })).toBeVisible();
    await expect(member.getByRole("link", { name: "Ändra" })).toHaveCount(0);
  });

  await test.step("the coordinator finds it by full-text search (stemmed) and reviews it", async () => {
    await coordinator.goto(`/lagesbild?q=${marker}+busshållplatser`);
    await expect(coordinator.getByText("1 notering")).toBeVisible();
    await coordinator.getByRole("link", { name: /Visa notering från/ }).click();
    await expect(coordinator).toHaveURL(entryUrl);
    await coordinator.getByLabel("Godkänn som granskad").check();
    await coordinator.getByLabel("Kommentar").fill("Tack, tydligt beskrivet.");
    await coordinator.getByRole("button", { name: "Spara granskningen" }).click();
    await expect(coordinator.getByRole("definition").filter({ hasText: /^Granskad$/ })).toBeVisible();
  });

  await test.step("the coordinator compiles a report for the entry's month, and it cites THAT entry", async () => {
    await coordinator.goto("/lagesbild/rapporter");
    await coordinator.getByRole("link", { name: "Ny lägesbild" }).click();
    await coordinator.getByLabel("Titel").fill(TITLE);
    await coordinator.getByLabel("Från och med").fill(month.start);
    await coordinator.getByLabel("Till och med").fill(month.end);
    await coordinator.getByRole("button", { name: "Sammanställ" }).click();
    await expect(coordinator.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    reportUrl = coordinator.url();

    const cited = coordinator.locator("section", { has: coordinator.getByRole("heading", { name: "Noteringar som ingår" }) });
    const candidates = coordinator.locator("section", { has: coordinator.getByRole("heading", { name: "Granskade noteringar under perioden som inte ingår" }) });
    const row = (where: typeof cited) => where.getByRole("row", { name: new RegExp(marker) });
    await expect(row(cited)).toContainText(DESCRIPTION);
    await expect(row(cited).getByRole("link")).toHaveAttribute("href", `/lagesbild/${entryId}`);
    // Left out and taken in again: each step waits for the row to move (the server's answer).
    await row(cited).getByRole("button", { name: "Ta bort" }).click();
    await expect(row(candidates)).toBeVisible();
    await expect(row(cited)).toHaveCount(0);
    await row(candidates).getByRole("button", { name: "Ta med" }).click();
    await expect(row(cited)).toBeVisible();
    await expect(row(candidates)).toHaveCount(0);
  });

  await test.step("the coordinator saves the texts, then finalises the report (confirmation first)", async () => {
    await coordinator.getByLabel("Bedömning").fill("Låg närvaro; propaganda vid en skola.");
    await coordinator.getByRole("button", { name: "Spara", exact: true }).click();
    await expect(coordinator.getByText("Sparat.")).toBeVisible();
    // No reload: the finalise form follows the report's new version by itself.
    await coordinator.getByRole("button", { name: "Fastställ lägesbilden" }).click();
    await expect(coordinator.getByText("Bekräfta först.")).toBeVisible();
    const confirm = coordinator.getByLabel("Jag förstår att lägesbilden låses");
    await confirm.check();
    await expect(confirm).toBeChecked();
    await coordinator.getByRole("button", { name: "Fastställ lägesbilden" }).click();
    await expect(coordinator.getByText(/Lägesbilden är låst/)).toBeVisible();
    await expect(coordinator.getByRole("button", { name: "Spara", exact: true })).toHaveCount(0);
    await expect(coordinator.getByRole("row", { name: new RegExp(marker) })).toContainText(DESCRIPTION);
  });

  await test.step("the coordinator downloads the PDF: title, figures and the entry are in it", async () => {
    // The figures as the final report's page shows them.
    const total = (await coordinator.getByRole("row", { name: /^Noteringar under perioden/ }).getByRole("cell").nth(1).innerText()).trim();
    const contacts = /Kontakter under perioden: (\d+) \(Föregående period: (\d+)/.exec(await coordinator.getByText(/^Kontakter under perioden:/).innerText());
    expect(Number(total)).toBeGreaterThanOrEqual(1);
    expect(contacts).not.toBeNull();

    const [download] = await Promise.all([coordinator.waitForEvent("download"), coordinator.getByRole("link", { name: "Ladda ner PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Lägesbild .*\.pdf$/);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await downloaded(download))), { mergePages: true });
    expect(text).toContain(TITLE);
    expect(text).toContain("Sammanställd lägesbild");
    expect(text).toMatch(/Sida \d+ av \d+/);
    expect(text).toMatch(new RegExp(`Totalt\\s+${total}\\s`));
    expect(text).toContain(`Kontakter under perioden: ${contacts![1]} (föregående period: ${contacts![2]})`);
    // The cited entry: its cell wraps and hyphenates long words ("pe-\nriod"); read it joined up.
    expect(text.replace(/-\n/g, "").replace(/\s+/g, " ")).toContain(`(${marker})`);
    expect(text).toContain("Låg närvaro; propaganda vid en skola.");
  });

  await test.step("the coordinator records that the report was shared with the police; an observer reads it aggregated", async () => {
    await coordinator.getByLabel("Mottagare").fill("Polisen, lokalpolisområde Nyköping");
    await coordinator.getByLabel("Rättslig grund").selectOption({ label: "OSL 10 kap. 2 § – nödvändigt utlämnande (ska kontrolleras av kommunens jurist)" });
    await coordinator.getByRole("button", { name: "Registrera delning" }).click();
    await expect(coordinator.getByRole("row", { name: /Polisen, lokalpolisområde Nyköping.*OSL 10 kap\. 2 §/ })).toBeVisible();

    const observer = await signedIn(browser, baseURL!, { role: "OBSERVER" });
    await observer.goto(reportUrl);
    await expect(observer.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(observer.getByText("<5").first()).toBeVisible();
    await expect(observer.getByText(DESCRIPTION)).toHaveCount(0);
    await expect(observer.getByText("Delningshistorik")).toHaveCount(0);
    await observer.context().close();
  });

  await test.step("DSO's network member and head: not in the list, the search, the detail URL, the exports, the report", async () => {
    for (const email of ["natverk.dso@nykoping.example", "chef.dso@nykoping.example"]) {
      const page = await signedIn(browser, baseURL!, { email });
      await page.goto(`/lagesbild?q=${marker}`);
      await expect(page.getByText("Inga noteringar matchar filtret.")).toBeVisible();
      await page.goto("/lagesbild?sort=updatedDesc");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator(`a[href="/lagesbild/${entryId}"]`)).toHaveCount(0);
      await expect(page.getByText(marker)).toHaveCount(0);
      // The list's own export links, downloaded as a user would.
      for (const [format, link] of [["csv", "Ladda ner CSV"], ["xlsx", "Ladda ner Excel (XLSX)"]] as const) {
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
        const content = await fileText(await downloaded(download), format);
        expect(content.length, `${email} ${format}`).toBeGreaterThan(0);
        expect(content, `${email} ${format}`).not.toContain(marker);
        expect(content, `${email} ${format}`).not.toContain(entryId);
        expect(await exportText(page, format, `q=${marker}`), `${email} ${format} q`).not.toContain(marker);
      }
      expect((await page.goto(entryUrl))?.status(), `${email} detail`).toBe(404);
      await expect(page.getByText(DESCRIPTION)).toHaveCount(0);
      expect((await page.goto(reportUrl))?.status(), `${email} report`).toBe(403);
      expect((await page.request.get(`${reportUrl}/pdf`)).status(), `${email} report pdf`).toBe(403);
      await page.context().close();
    }
    // The coordinator's export of the same search has it: the same query, a wider scope.
    expect(await exportText(coordinator, "csv", `q=${marker}`)).toContain(marker);
    expect(await exportText(coordinator, "xlsx", `q=${marker}`)).toContain(marker);
  });

  await test.step("a forged Server Action from DSO replaying the BUK entry's id is refused; the entry is unchanged", async () => {
    const dso = await signedIn(browser, baseURL!, { email: "natverk.dso@nykoping.example" });
    await dso.goto("/lagesbild");
    const headers = Object.fromEntries(
      Object.entries(recorded!.headers).filter(([k]) => ["next-action", "content-type", "accept", "next-router-state-tree"].includes(k)),
    );
    const forgedBody = recorded!.body.replace(/"description":"[^"]*"/, '"description":"Ändrat av DSO"');
    expect(forgedBody).toContain(entryId);
    expect(forgedBody).toContain("Ändrat av DSO");
    const replay = await dso.request.post(recorded!.url, { headers: { ...headers, origin: new URL(recorded!.url).origin }, data: forgedBody });
    expect(await replay.text()).toContain("Posten finns inte, eller så har du inte tillgång till den.");
    await dso.context().close();

    await coordinator.goto(entryUrl);
    await expect(coordinator.getByText(DESCRIPTION)).toBeVisible();
    await expect(coordinator.getByRole("definition").filter({ hasText: /^Granskad$/ })).toBeVisible();
    await expect(coordinator.getByText("Ändrat av DSO")).toHaveCount(0);
  });

  await member.context().close();
  await coordinator.context().close();
});

test("the contact log flags personal data while typing and records an anonymous contact", async ({ page, loginAs: signInAs }) => {
  await signInAs("NETWORK_MEMBER", "BUK");
  await page.goto("/kontaktlogg");
  await page.getByRole("link", { name: "Registrera kontakt" }).click();
  await page.getByLabel("Vem hörde av sig").selectOption({ label: "Anhörig" });
  await page.getByLabel("Ålder (den som oron gäller)").selectOption({ label: "13–17 år" });
  const note = page.getByLabel("Anteckning");
  await note.fill("Mamman ringde från 070-123 45 67");
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(/\/kontaktlogg\/ny$/);
  await note.fill(`Oro över filmer som delas i en klass (${marker}).`);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(/\/kontaktlogg$/);
  await expect(page.getByRole("row", { name: /Anhörig.*13–17 år/ }).first()).toBeVisible();
});
