// The public support page: accessible, usable without JavaScript, private (no cookies, no
// third parties), and edited by the coordinator through draft → preview → publish → rollback.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { systemQuery } from "./system-db";
import AxeBuilder from "@axe-core/playwright";
import type { Page, Request } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

const PAGES = [
  { path: "/stod", lang: "sv", h1: "Stöd till anhöriga", switchTo: "In English" },
  { path: "/en/stod", lang: "en", h1: "Support for relatives", switchTo: "På svenska" },
];
const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 360, height: 740 } },
  // A 1280 × 720 screen at 400 % zoom (WCAG 1.4.10).
  { name: "400 % zoom", viewport: { width: 320, height: 180 } },
];

for (const p of PAGES) {
  for (const v of VIEWPORTS) {
    test(`${p.path} has no axe violations at ${v.name} width`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: v.viewport });
      const page = await context.newPage();
      await page.goto(p.path);
      await expect(page.locator("html")).toHaveAttribute("lang", p.lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
      // Nothing is wider than a narrow phone: no sideways scrolling (WCAG 1.4.10 reflow).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The first Tab reaches the skip link, which becomes visible and leads to the content.
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: p.lang === "sv" ? "Hoppa till innehållet" : "Skip to content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      expect(await skip.evaluate((a) => getComputedStyle(a).outlineStyle)).not.toBe("none");
      await context.close();
    });
  }

  test(`${p.path} works without JavaScript and every link leads somewhere`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(p.path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);

    const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(links.length).toBeGreaterThan(10);
    for (const href of new Set(links)) {
      if (href.startsWith("#")) {
        expect(await page.locator(`[id="${href.slice(1)}"]`).count(), href).toBe(1);
      } else if (href.startsWith("tel:")) {
        expect(href).toMatch(/^tel:\+?[0-9]{3,15}$/);
      } else if (href.startsWith("/")) {
        expect((await page.request.get(href)).status(), href).toBe(200);
      } else {
        // The contacts' own web sites: not fetched (no internet here), but well-formed https.
        expect(href).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/);
      }
    }

    // The "what do I do?" guide leads to a contact in one click, and the language switch works.
    await page.getByRole("link", { name: /Polisen|The police/ }).first().click();
    await expect(page).toHaveURL(/#kontakt-police$/);
    await page.getByRole("link", { name: p.switchTo }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", p.lang === "sv" ? "en" : "sv");
    expect(new URL(page.url(), baseURL).pathname).toBe(p.lang === "sv" ? "/en/stod" : "/stod");
    await context.close();
  });

  test(`${p.path} sets no cookie and loads nothing from another host`, async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));
    const response = await page.goto(p.path);
    await page.waitForLoadState("networkidle");

    expect(await response!.headerValue("set-cookie")).toBeNull();
    expect(await context.cookies()).toEqual([]);
    const origin = new URL(baseURL!).origin;
    expect(requests.map((r) => r.url()).filter((u) => !u.startsWith(origin) && !u.startsWith("data:"))).toEqual([]);

    // No external host in the HTML, except the contacts' own web sites in <a href> (plain
    // links a visitor chooses to follow; the page sends no referrer to them).
    const html = await response!.text();
    const hosts = [...html.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,}|localhost)(?::\d+)?/gi)].map((m) => m[0]);
    const allowedLinks = await page.locator("a[href^='http']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const local = (h: string) => new URL(h.startsWith("//") ? `http:${h}` : h).hostname === new URL(baseURL!).hostname;
    const external = hosts.filter((h) => !local(h) && !allowedLinks.some((l) => l.startsWith(h)));
    expect(external).toEqual([]);
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
    await context.close();
  });

  test(`${p.path} is served from memory: no script, a CSP without nonce, a strong ETag, 304 and public caching`, async ({ request }) => {
    const first = await request.get(p.path);
    expect(first.status()).toBe(200);
    const html = await first.text();
    // Rendered once per publication and stripped of every script: nothing for a nonce to name.
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toContain("nonce=");
    const csp = first.headers()["content-security-policy"]!;
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("nonce-");
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["cache-control"]).toMatch(/^public, .*s-maxage=\d+.*stale-while-revalidate=\d+/);
    const etag = first.headers()["etag"]!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/); // strong: no W/ prefix

    // The same bytes and ETag for the next visitor; a conditional request gets 304 and no body.
    const second = await request.get(p.path);
    expect(second.headers()["etag"]).toBe(etag);
    expect(await second.text()).toBe(html);
    const conditional = await request.get(p.path, { headers: { "if-none-match": etag } });
    expect(conditional.status()).toBe(304);
    expect((await conditional.body()).length).toBe(0);
    expect(conditional.headers()["etag"]).toBe(etag);
    const stale = await request.get(p.path, { headers: { "if-none-match": '"something-else"' } });
    expect(stale.status()).toBe(200);
  });
}

test("the public page's language follows its URL, not the signed-in app's language cookie", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "VARNA_LOCALE", value: "en", url: baseURL! }]);
  await page.goto("/stod");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await page.goto("/en/stod");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the page prints without navigation chrome and with web addresses spelled out", async ({ page }) => {
  await page.goto("/stod");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Språk" })).toBeHidden();
  const after = await page.locator("a.public-external").first().evaluate((a) => getComputedStyle(a, "::after").content);
  expect(after).toContain("polisen.se");
});

// ── Editing ──────────────────────────────────────────────────────────────────────────────

async function publicPhone(page: Page, path: string, contactKey: string) {
  const response = await page.request.get(path);
  const html = await response.text();
  const block = html.split(`id="kontakt-${contactKey}"`)[1]!.split("</li>")[0]!;
  return block.match(/href="tel:[^"]*"[^>]*>([^<]+)</)?.[1];
}

test.describe.serial("the coordinator edits the public page", () => {
  // Many steps, each a Server Action or a page against a production build on two cores.
  test.setTimeout(180_000);
  let recordedSave: { url: string; headers: Record<string, string>; body: Buffer } | undefined;

  test("changes a phone number: preview leaves the public page alone, publish changes it, rollback restores it", async ({ page, loginAs }) => {
    await loginAs("COORDINATOR");
    expect(await publicPhone(page, "/stod", "support-line")).toBe("020-100 200");

    await page.goto("/stod-redigering");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((x) => x.id)).toEqual([]);
    await expect(page.getByTestId("contact-support-line")).toContainText("Behöver ses över");
    await expect(page.getByTestId("contact-support-line")).toContainText("2016");
    const police = page.getByTestId("contact-police");
    await police.getByRole("button", { name: "Markera som kontrollerad (Polisen)" }).click();
    await expect(police).toContainText("Aktuell till");
    await police.getByLabel("Ansvarig för Polisen").selectOption({ label: "Johan Ekström" });
    await police.getByRole("button", { name: "Byt ansvarig" }).click();
    await expect(police.getByText("Ansvarig är ändrad.")).toBeVisible();
    await page.getByRole("link", { name: "Börja ett nytt utkast" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Redigera sidan på Svenska");

    const supportLine = page.getByRole("group", { name: "Kontakt 1", exact: true });
    await supportLine.getByLabel("Telefonnummer").fill("ring oss");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(supportLine.getByText("Ett telefonnummer får bara innehålla siffror")).toBeVisible();

    await supportLine.getByLabel("Telefonnummer").fill("020-555 666");
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"] && !recordedSave) {
        recordedSave = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! };
      }
    });
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page.getByText("Utkastet är sparat.")).toBeVisible();

    await page.getByRole("link", { name: "Förhandsgranska och publicera" }).click();
    await expect(page.getByTestId("preview")).toContainText("020-555 666");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((x) => x.id)).toEqual([]);
    expect(await publicPhone(page, "/stod", "support-line")).toBe("020-100 200");

    await page.getByRole("button", { name: "Publicera utkastet" }).click();
    await expect(page.getByText("Utkastet är publicerat som version 2.")).toBeVisible();
    expect(await publicPhone(page, "/stod", "support-line")).toBe("020-555 666");
    // The English page is a version of its own and did not change.
    expect(await publicPhone(page, "/en/stod", "support-line")).toBe("020-100 200");

    await page.goto("/stod-redigering");
    await expect(page.getByTestId("published-sv")).toContainText("version 2");
    await expect(page.getByTestId("published-sv")).toContainText("Sara Lindqvist");
    // Any earlier version can be looked at before restoring it.
    await page.getByTestId("version-sv-1").getByRole("link", { name: "Visa version 1" }).click();
    await expect(page.getByText("Version 1 (Arkiverad). Så här såg sidan ut.")).toBeVisible();
    await expect(page.locator("#kontakt-support-line")).toContainText("020-100 200");
    await page.goto("/stod-redigering");
    const v1 = page.getByTestId("version-sv-1");
    await v1.getByRole("button", { name: "Återställ version 1" }).click();
    await expect(v1.getByText("Vill du publicera version 1 igen?")).toBeVisible();
    await v1.getByRole("button", { name: "Avbryt" }).click();
    expect(await publicPhone(page, "/stod", "support-line")).toBe("020-555 666");
    await v1.getByRole("button", { name: "Återställ version 1" }).click();
    await v1.getByRole("button", { name: "Ja, återställ version 1" }).click();
    await expect(page.getByText("Version 1 är återställd och publicerad som version 3.")).toBeVisible();
    expect(await publicPhone(page, "/stod", "support-line")).toBe("020-100 200");
  });

  test("markup typed as content is shown as text, never run", async ({ page, loginAs }) => {
    await loginAs("COORDINATOR");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto("/stod-redigering/sv");
    // A link to a script is refused with a message; markup is accepted and stays text.
    await page.getByLabel("Ingress").fill("[klick](javascript:alert(2))");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page.getByText("En länk måste börja med https://")).toBeVisible();
    const hostile = '<script>alert("xss")</script> <img src=x onerror=alert(1)>';
    await page.getByLabel("Ingress").fill(hostile);
    await page.getByRole("group", { name: "Avsnitt 1", exact: true }).getByLabel("Text").fill("**Fet** <b onmouseover=alert(3)>text</b>");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page.getByText("Utkastet är sparat.")).toBeVisible();
    await page.getByRole("link", { name: "Förhandsgranska och publicera" }).click();
    await page.getByRole("button", { name: "Publicera utkastet" }).click();
    await expect(page.getByText(/Utkastet är publicerat/)).toBeVisible();

    await page.goto("/stod");
    const main = page.getByRole("main");
    await expect(main).toContainText('<script>alert("xss")</script> <img src=x onerror=alert(1)>');
    await expect(main).toContainText("<b onmouseover=alert(3)>text</b>");
    await expect(main.locator("strong", { hasText: "Fet" })).toHaveCount(1);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("[onerror], [onmouseover]").count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    const html = await (await page.request.get("/stod")).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(dialogs).toEqual([]);
  });

  test("a division head sees no editor and the server refuses the editor's action", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(context, baseURL!, { role: "DIVISION_HEAD", division: "BUK" });
    await page.goto("/oversikt");
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Stöd till anhöriga" })).toHaveCount(0);
    const response = await page.goto("/stod-redigering");
    expect(response?.status()).toBe(403);
    expect((await page.goto("/stod-redigering/sv"))?.status()).toBe(403);
    expect((await page.goto("/stod-redigering/sv/forhandsgranska"))?.status()).toBe(403);

    // Replays the coordinator's "save draft" Server Action with the division head's session.
    expect(recordedSave).toBeDefined();
    const mainOf = async () => (await (await page.request.get("/stod")).text()).split("<main")[1]!.split("</main>")[0];
    const before = await mainOf();
    const headers = Object.fromEntries(
      Object.entries(recordedSave!.headers).filter(([k]) => ["next-action", "content-type", "accept", "next-router-state-tree"].includes(k)),
    );
    // Same origin, so the request passes proxy.ts's origin check and reaches the action's own check.
    const replay = await page.request.post(recordedSave!.url, { headers: { ...headers, origin: new URL(recordedSave!.url).origin }, data: recordedSave!.body });
    expect(await replay.text()).toContain("Din roll får inte göra detta.");
    expect(await mainOf()).toBe(before);
    await context.close();
  });
});

test("the page's data comes from a cache that publishing expires", async ({ page, loginAs }) => {
  // A change made behind the app's back (straight in the database) is not seen until a
  // publication expires the cache: proof that visitors are not each costing a query.
  // The embedded database listens only on its private Unix socket (decision 010).
  const { socketDir } = JSON.parse(readFileSync(path.join(".data/e2e", "embedded-db.json"), "utf8")) as { socketDir: string };
  const client = new pg.Client({ connectionString: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable` });
  await client.connect();
  const title = async () => (await (await page.request.get("/en/stod")).text()).match(/<h1[^>]*>([^<]*)</)?.[1];
  try {
    expect(await title()).toBe("Support for relatives");
    await systemQuery(client, `UPDATE "PublicContent" SET title = 'Changed behind the app' WHERE locale = 'en' AND status = 'PUBLISHED'`);
    expect(await title()).toBe("Support for relatives");

    await loginAs("COORDINATOR");
    await page.goto("/stod-redigering/en");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page.getByText("Utkastet är sparat.")).toBeVisible();
    await page.getByRole("link", { name: "Förhandsgranska och publicera" }).click();
    await page.getByRole("button", { name: "Publicera utkastet" }).click();
    await expect(page.getByText("Utkastet är publicerat som version 2.")).toBeVisible();
    expect(await title()).toBe("Changed behind the app");
  } finally {
    await client.end();
  }
});
