// Issue 11, the pages around the follow-up: the BUK head adds a measure (bad input first — an
// end before the start and a personal identity number — refused in Swedish, nothing saved);
// the coordinator links it to a recommendation and to the situation report that motivates it,
// and sees the trace recommendation ↔ measure ↔ report from both ends; then drafts, saves and
// issues the yearly evaluation and downloads it as PDF and XLSX, whose contents are read back;
// an observer then reads it as suppressed counts.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import type { Browser, Download, Page } from "@playwright/test";
import { expect as baseExpect, loginAs, test, type DemoUser } from "./fixtures";

// Pages render per request on a shared 2-core machine: give each wait the room it needs.
const expect = baseExpect.configure({ timeout: 20_000 });

async function signedIn(browser: Browser, baseURL: string, role: DemoUser["role"], division?: string): Promise<Page> {
  const context = await browser.newContext();
  await loginAs(context, baseURL, { role, division });
  return context.newPage();
}

async function downloaded(page: Page, link: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return { file, bytes: await readFile((await file.path())!) };
}

test("a measure from the BUK head, traced to a recommendation and a report, in the issued yearly evaluation", async ({ browser, baseURL }) => {
  // Two browsers, some twenty server round trips and two documents rendered on a shared 2-core machine.
  test.setTimeout(600_000);
  // The year to evaluate: this year, or — when an earlier run on the same database has issued
  // it already — the latest year still in draft (the page offers the last six).
  const coordinator = await signedIn(browser, baseURL!, "COORDINATOR");
  let year = new Date().getFullYear();
  for (;;) {
    await coordinator.goto(`/uppfoljning/arsutvardering?ar=${year}`);
    if ((await coordinator.getByTestId("evaluation-status").textContent()) === "Utkast") break;
    year -= 1;
    expect(year).toBeGreaterThan(new Date().getFullYear() - 6);
  }
  // Short words: a PDF table cell wraps (and may hyphenate) long ones.
  const title = `Trygga vandringar ${randomUUID().slice(0, 6)}`;
  const note = "Propagandan i centrala Nyköping motiverar vandringarna.";

  // The BUK head's new measure, under way in that year: an end before the start and a personal
  // identity number are refused in Swedish, before anything is saved.
  const buk = await signedIn(browser, baseURL!, "DIVISION_HEAD", "BUK");
  await buk.goto("/insatser/ny");
  await expect(buk.getByLabel("Ansvarig division")).toHaveValue(/.+/);
  await buk.getByLabel("Titel").fill(title);
  await buk.getByLabel("Nivå").selectOption({ label: "Individinriktad" });
  await buk.getByLabel("Målgrupp").fill("Unga som söker sig till extrema miljöer på nätet");
  await buk.getByLabel("Status").selectOption({ label: "Pågående" });
  await buk.getByLabel("Beskrivning").fill("Stödsamtal för eleven 19121212-1212 varannan vecka.");
  await buk.getByLabel("Avsnitt i handlingsplanen").selectOption({ index: 1 });
  await buk.getByLabel("Startdatum").fill(`${year}-12-31`);
  await buk.getByLabel("Slutdatum").fill(`${year}-01-01`);
  await buk.getByLabel("Nästa uppföljning").fill(`${year + 1}-03-01`);
  await buk.getByRole("button", { name: "Lägg till insatsen" }).click();
  await expect(buk.getByText("Slutdatumet kan inte ligga före startdatumet.")).toBeVisible();
  await expect(buk.getByText("Texten innehåller något som ser ut som ett personnummer.", { exact: false })).toBeVisible();
  const check = await buk.context().newPage();
  await check.goto(`/insatser?q=${encodeURIComponent(title)}`);
  await expect(check.getByText("Inga insatser matchar urvalet.")).toBeVisible();

  // Corrected, it is saved and opens on its own page.
  await buk.getByLabel("Beskrivning").fill("Stödsamtal i grupp med fritidsgården, varannan vecka.");
  await buk.getByLabel("Startdatum").fill(`${year}-01-01`);
  await buk.getByLabel("Slutdatum").fill(`${year}-12-31`);
  await buk.getByRole("button", { name: "Lägg till insatsen" }).click();
  await expect(buk).toHaveURL(/\/insatser\/[0-9a-f-]{36}$/);
  await expect(buk.getByRole("heading", { level: 1 })).toHaveText(title);
  const measurePath = new URL(buk.url()).pathname;
  await check.goto(`/insatser?q=${encodeURIComponent(title)}`);
  await expect(check.getByRole("link", { name: title })).toHaveCount(1);

  // The coordinator links it to recommendation 9 (prevention at the plan's three levels) …
  await coordinator.goto("/rekommendationer");
  await coordinator.getByRole("link", { name: "Öppna rekommendation 9" }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toContainText("Rekommendation 9");
  const recommendationPath = new URL(coordinator.url()).pathname;
  await coordinator.getByLabel("Insats", { exact: true }).selectOption({ label: `${title} (Barn och utbildning)` });
  await coordinator.getByRole("button", { name: "Koppla", exact: true }).click();
  const linked = coordinator.getByRole("listitem").filter({ has: coordinator.getByRole("link", { name: title }) });
  await expect(linked).toContainText("Barn och utbildning · Individinriktad · Pågående");
  await expect(linked).toContainText("Ingen lägesbild kopplad till insatsen.");

  // … and to the compiled situation report that motivates it.
  await coordinator.goto(measurePath);
  await coordinator.getByLabel("Sammanställd lägesbild").selectOption({ label: "Lägesbild första halvåret" });
  await coordinator.getByLabel("Vad i lägesbilden motiverar insatsen").fill(note);
  await coordinator.getByRole("button", { name: "Koppla lägesbild" }).click();
  await expect(coordinator.getByText(`– ${note}`)).toBeVisible();
  // The measure names the recommendation it answers …
  await expect(coordinator.getByRole("link", { name: /^9\. Arbeta förebyggande/ })).toBeVisible();
  // … and the recommendation shows the measure and why: the report's finding.
  await coordinator.goto(recommendationPath);
  await expect(linked).toContainText(`Lägesbild första halvåret: ${note}`);
  await linked.getByRole("link", { name: title }).click();
  await expect(coordinator).toHaveURL(new RegExp(`${measurePath}$`));

  // The BUK head sees the recommendation on the measure too, but not the report behind it.
  await buk.reload();
  await expect(buk.getByRole("link", { name: /^9\. Arbeta förebyggande/ })).toBeVisible();
  await expect(buk.getByText(note)).toHaveCount(0);

  // The yearly evaluation: drafted, saved, issued (frozen), downloaded.
  const sectionText = `Arbetet på individnivå har byggts ut under ${year} (${title}).`;
  await coordinator.goto(`/uppfoljning/arsutvardering?ar=${year}`);
  await expect(coordinator.getByTestId("evaluation-status")).toHaveText("Utkast");
  const individual = coordinator.getByRole("row").filter({ has: coordinator.getByRole("cell", { name: "Individinriktad", exact: true }) });
  const individualTotal = Number(await individual.getByRole("cell").last().textContent());
  expect(individualTotal).toBeGreaterThanOrEqual(1);
  await coordinator.getByLabel(/^1\. /).fill(sectionText);
  await coordinator.getByRole("button", { name: "Spara utkast" }).click();
  await expect(coordinator.getByText("Texten är sparad.")).toBeVisible();
  await coordinator.getByRole("button", { name: "Fastställ utvärderingen" }).click();
  await coordinator.getByRole("alertdialog").getByRole("button", { name: "Ja, fastställ" }).click();
  await expect(coordinator.getByTestId("evaluation-status")).toHaveText(/^Fastställd /);
  await expect(coordinator.getByText("Utvärderingen är fastställd och kan inte ändras.")).toBeVisible();
  await expect(coordinator.getByText(sectionText)).toBeVisible();
  await expect(coordinator.getByRole("button", { name: "Spara utkast" })).toHaveCount(0);

  const pdf = await downloaded(coordinator, "Ladda ner PDF");
  expect(pdf.file.suggestedFilename()).toBe(`Årsutvärdering ${year}.pdf`);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.bytes)), { mergePages: true });
  const all = (text as string).replace(/\s+/g, " ");
  expect(all).toContain(`Årsutvärdering ${year}`);
  expect(all).toContain(sectionText);
  expect(all).toContain(title);
  expect(all).toMatch(new RegExp(`Individinriktad( \\d+){5} ${individualTotal}\\b`));

  const xlsx = await downloaded(coordinator, "Ladda ner Excel (siffror)");
  expect(xlsx.file.suggestedFilename()).toBe(`Årsutvärdering ${year}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const rowsOf = (sheet: string) => {
    const rows: unknown[][] = [];
    workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  // The levels sheet carries the same figure as the page, as a number; the measure is listed.
  const levels = rowsOf("Nivåer");
  const header = levels.find((r) => r[0] === "Nivå")!;
  expect(levels.find((r) => r[0] === "Individinriktad")![header.indexOf("Totalt")]).toBe(individualTotal);
  expect(rowsOf("Insatser").find((r) => r[1] === title)?.slice(0, 5)).toEqual([1, title, "Barn och utbildning", "Individinriktad", "Pågående"]);
  expect(rowsOf("Avsnitt").find((r) => r[0] === 1)![2]).toBe(sectionText);

  // An observer reads the issued evaluation as counts (issue 13): on the page and in the PDF the
  // level the measure was counted in shows no count below the threshold, and no measure is named.
  const observer = await signedIn(browser, baseURL!, "OBSERVER");
  await observer.goto(`/uppfoljning/arsutvardering?ar=${year}`);
  await expect(observer.getByTestId("evaluation-status")).toHaveText(/^Fastställd /);
  const cells = observer.getByRole("row").filter({ has: observer.getByRole("cell", { name: "Individinriktad", exact: true }) }).getByRole("cell");
  const observed = (await cells.allTextContents()).slice(1);
  expect(observed).toHaveLength(6);
  for (const cell of observed) expect(cell).toMatch(/^(färre än \d+|–|\d+)$/);
  for (const cell of observed.filter((c) => /^\d+$/.test(c))) expect(Number(cell)).toBeGreaterThanOrEqual(5);
  const observerPdf = await downloaded(observer, "Ladda ner PDF");
  const observerText = ((await extractText(await getDocumentProxy(new Uint8Array(observerPdf.bytes)), { mergePages: true })).text as string).replace(/\s+/g, " ");
  expect(observerText).toContain("Insatserna redovisas här bara som antal");
  expect(observerText).toContain(`Individinriktad ${observed.join(" ")}`);
  // The title is in the coordinator's own text only (the report's words), never in a list of measures.
  expect(observerText.split(title).length - 1).toBe(1);

  for (const page of [buk, coordinator, observer]) await page.context().close();
});
