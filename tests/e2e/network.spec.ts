// Issue 9's acceptance: the coordinator plans a meeting, downloads its invitation (.ics, start
// in Stockholm time), records minutes and attendance, turns a decision into an action item for
// the BUK network member; the member sees it on the start page and marks it done; the
// coordinator's overdue count follows; the invitation goes out by e-mail to every member (a
// resend asks first). And: a division head or network member cannot create
// or change meetings, members or partners — not in the UI, not by replaying a Server Action.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect as baseExpect, loginAs, test } from "./fixtures";

// The machine running the suite is shared and busy: each step may take a while to render.
const expect = baseExpect.configure({ timeout: 30_000 });

const stockholmDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
const overdueCount = async (page: Page) => {
  await page.goto("/atgarder");
  return Number(await page.getByTestId("overdue-count").getAttribute("data-count"));
};

let recordedPlan: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
let recordedInvite: { url: string; headers: Record<string, string>; body: Buffer } | undefined;

test.describe.serial("the VBE network", () => {
  test("plan → .ics → invitation e-mails → minutes → action item → the owner marks it done → the overdue count drops", async ({ page, browser, baseURL }) => {
    test.setTimeout(300_000); // many steps on a shared, busy machine
    await loginAs(page.context(), baseURL!, { role: "COORDINATOR" });
    const before = await overdueCount(page);

    await page.goto("/natverk");
    await expect(page.getByRole("heading", { name: "Ansvarsområden" })).toBeVisible();
    await page.getByRole("link", { name: "Planera ett möte" }).click();
    await page.getByRole("textbox", { name: "Rubrik" }).fill("VBE-nätverket – e2e-möte");
    await page.getByLabel("Datum och tid").fill("2026-12-01T09:00");
    await page.getByRole("textbox", { name: "Plats", exact: true }).fill("Stadshuset, rum Nyköpingsån");
    await page.getByRole("textbox", { name: "Dagordning" }).fill("1. Lägesbild\n2. Utbildning");
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"] && !recordedPlan) {
        recordedPlan = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! };
      }
    });
    await page.getByRole("button", { name: "Spara mötet" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "VBE-nätverket – e2e-möte" })).toBeVisible();
    await expect(page.getByTestId("meeting-when")).toContainText("09:00");

    // The invitation: parsed, its start is 09:00 Stockholm time (08:00 UTC in December).
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hämta kalenderinbjudan (.ics)" }).click()]);
    expect(download.suggestedFilename()).toBe("natverksmote-2026-12-01.ics");
    const ics = readFileSync((await download.path())!, "utf8").split("\r\n");
    const event = ics.slice(ics.indexOf("BEGIN:VEVENT"));
    const dtstart = event.find((l) => l.startsWith("DTSTART"))!;
    expect(dtstart).toBe("DTSTART;TZID=Europe/Stockholm:20261201T090000");
    expect(ics).toContain("TZID:Europe/Stockholm");
    const [, y, mo, d, h, mi] = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(dtstart)!.map(Number);
    const asStockholm = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!)).toLocaleString("sv-SE", { timeZone: "UTC" });
    const instant = new Date("2026-12-01T08:00:00Z").toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" });
    expect(asStockholm).toBe(instant);

    // The invitation by e-mail to every member: the confirmation says how many were queued;
    // sending it again asks first. (The e-mails themselves: meeting-invitations-email.test.ts.)
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"] && r.url().includes("/natverk/moten/") && !recordedInvite) {
        recordedInvite = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! };
      }
    });
    await page.getByRole("button", { name: "Skicka inbjudan till alla medlemmar" }).click();
    const queued = page.getByTestId("invitations-queued");
    await expect(queued).toHaveText(/^(\d+ inbjudningar är köade|1 inbjudan är köad) för att skickas med e-post\.$/);
    const count = Number(/^\d+/.exec(await queued.innerText())![0]);
    expect(count).toBeGreaterThan(0);
    await expect(page.getByTestId("invitations-sent-before")).toContainText("(1 gång)");
    await page.getByRole("button", { name: "Skicka inbjudan till alla medlemmar" }).click();
    await expect(page.getByText("Inbjudan har redan skickats. Vill du skicka den till alla medlemmar en gång till?")).toBeVisible();
    await expect(queued).toHaveCount(0);
    await page.getByRole("button", { name: "Ja, skicka igen" }).click();
    await expect(queued).toHaveText(`${count} ${count === 1 ? "inbjudan är köad" : "inbjudningar är köade"} för att skickas med e-post.`);
    await expect(page.getByTestId("invitations-sent-before")).toContainText("(2 gånger)");
    expect(recordedInvite).toBeDefined();

    // Minutes, attendance, decisions.
    const record = page.locator("details", { has: page.getByText("Protokollför mötet") });
    await record.getByText("Protokollför mötet").click();
    await record.getByRole("textbox", { name: "Protokoll", exact: true }).fill("Polisen redovisade lägesbilden. Nätverket diskuterade utbildning.");
    await record.getByRole("checkbox", { name: /Lena Öhman .* närvarande/ }).check();
    await record.getByRole("textbox", { name: "Beslut", exact: true }).fill("Skolorna får en genomgång av Samtalskompassen.\nLägesbilden följs upp i mars.");
    await record.getByRole("button", { name: "Spara protokollet" }).click();
    await expect(page.getByText("Protokollet är sparat.")).toBeVisible();
    await expect(page.getByTestId("meeting-minutes")).toContainText("Polisen redovisade lägesbilden.");
    await expect(page.getByTestId("meeting-attendance")).toContainText("Lena Öhman (Barn och utbildning): Närvarande");

    // Decision 1 becomes an action item owned by the BUK member, already past its due date.
    const decision = page.getByTestId("meeting-decisions").getByRole("listitem").first();
    await decision.getByText("Gör till åtgärdspunkt").click();
    await decision.getByRole("combobox", { name: "Ansvarig" }).selectOption({ label: "Lena Öhman" });
    await decision.getByRole("combobox", { name: "Division" }).selectOption({ label: "Barn och utbildning" });
    await decision.getByLabel("Klart senast").fill(stockholmDate(-3));
    await decision.getByRole("button", { name: "Skapa åtgärdspunkt" }).click();
    await expect(decision.getByText("Åtgärdspunkten är skapad.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Skolorna får en genomgång av Samtalskompassen." })).toBeVisible();
    expect(await overdueCount(page)).toBe(before + 1);

    // The owner sees it on her start page and marks it done.
    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await loginAs(memberContext, baseURL!, { role: "NETWORK_MEMBER", division: "BUK" });
    await member.goto("/oversikt");
    const mine = member.getByTestId("my-action-items");
    await expect(mine).toContainText("Skolorna får en genomgång av Samtalskompassen.");
    await expect(mine).toContainText("Försenad");
    await mine.getByRole("link", { name: "Skolorna får en genomgång av Samtalskompassen." }).click();
    const report = member.locator("section", { has: member.getByRole("heading", { name: "Rapportera läget" }) });
    await report.getByRole("combobox", { name: "Status" }).selectOption({ label: "Klar" });
    await report.getByRole("textbox", { name: "Kommentar" }).fill("Genomgången hölls på alla skolor.");
    await report.getByRole("button", { name: "Spara", exact: true }).click();
    await expect(member.getByText("Åtgärdspunkten är sparad.")).toBeVisible();
    await expect(member.getByTestId("action-item-status")).toHaveText("Klar");
    await member.goto("/oversikt");
    await expect(member.getByTestId("my-action-items")).not.toContainText("Skolorna får en genomgång av Samtalskompassen.");
    await memberContext.close();

    expect(await overdueCount(page)).toBe(before);
  });

  for (const who of [{ role: "DIVISION_HEAD", division: "BUK" }, { role: "NETWORK_MEMBER", division: "BUK" }] as const) {
    test(`a ${who.role} cannot create or change meetings, members or partners`, async ({ page, baseURL }) => {
      await loginAs(page.context(), baseURL!, who);
      for (const path of ["/natverk/moten/ny", "/samverkan/ny", "/atgarder/ny"]) {
        expect((await page.goto(path))?.status(), path).toBe(403);
      }
      await page.goto("/samverkan");
      await expect(page.getByRole("heading", { level: 1, name: "Samverkan" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Ny samverkansaktör" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Exportera CSV" })).toHaveCount(0);
      if (who.role === "NETWORK_MEMBER") {
        await page.goto("/natverk");
        await expect(page.getByRole("heading", { name: "Nätverkets medlemmar" })).toBeVisible();
        await expect(page.getByRole("link", { name: "Planera ett möte" })).toHaveCount(0);
        await expect(page.getByText("Lägg till eller ändra en medlem")).toHaveCount(0);
        await expect(page.getByRole("button", { name: /Ta bort .* ur nätverket/ })).toHaveCount(0);
      } else {
        expect((await page.goto("/natverk"))?.status()).toBe(403);
      }

      // The coordinator's "plan a meeting" Server Action, replayed with this session: refused, nothing saved.
      expect(recordedPlan).toBeDefined();
      const headers = Object.fromEntries(Object.entries(recordedPlan!.headers).filter(([k]) => ["next-action", "content-type", "accept", "next-router-state-tree"].includes(k)));
      const replay = await page.request.post(recordedPlan!.url, { headers: { ...headers, origin: new URL(recordedPlan!.url).origin }, data: recordedPlan!.body });
      expect(await replay.text()).toContain("Din roll får inte göra detta.");

      // The coordinator's "send the invitation" Server Action (its meeting id, confirmed as a resend), replayed: refused.
      expect(recordedInvite).toBeDefined();
      const inviteHeaders = Object.fromEntries(Object.entries(recordedInvite!.headers).filter(([k]) => ["next-action", "content-type", "accept", "next-router-state-tree"].includes(k)));
      const forged = recordedInvite!.body.toString("utf8").replace(/"resend":false/, '"resend":true').replace(/"invitationsSent":\d+/, '"invitationsSent":2');
      const invite = await page.request.post(recordedInvite!.url, { headers: { ...inviteHeaders, origin: new URL(recordedInvite!.url).origin }, data: forged });
      expect(await invite.text()).toContain("Din roll får inte göra detta.");
    });
  }

  test("the replayed actions created no meeting", async ({ page, baseURL }) => {
    await loginAs(page.context(), baseURL!, { role: "COORDINATOR" });
    await page.goto("/natverk");
    await expect(page.getByRole("link", { name: "VBE-nätverket – e2e-möte" })).toHaveCount(1);
  });
});
