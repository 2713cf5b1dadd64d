// The page half of the access matrix through HTTP: every demo role requests every signed-in
// page; what the role may not list answers 403, and no page answers an anonymous visitor.
import { NAV_ITEMS, mayOpen } from "../../lib/access/navigation";
import { DEMO_USERS, expect, loginAs, test, type DemoUser } from "./fixtures";

test("an anonymous visitor is redirected from every signed-in page", async ({ request }) => {
  for (const item of NAV_ITEMS) {
    const response = await request.get(item.href, { maxRedirects: 0 });
    expect(response.status(), item.href).toBe(307);
    expect(response.headers().location, item.href).toMatch(/\/login$/);
  }
});

for (const user of DEMO_USERS) {
  test(`${user.role} (${user.email}) gets exactly the pages of the role`, async ({ page, loginAs }) => {
    await loginAs(user.role, user.divisions[0]);
    for (const item of NAV_ITEMS) {
      const response = await page.request.get(item.href, { maxRedirects: 0 });
      const expected = mayOpen(user.role, item) ? 200 : 403;
      expect(response.status(), `${user.role} ${item.href}`).toBe(expected);
    }
  });
}

test("a situation entry of another division answers 404 to a guessed id, own entries 200", async ({ browser, baseURL }) => {
  const signedIn = async (role: DemoUser["role"], division?: string) => {
    const context = await browser.newContext();
    await loginAs(context, baseURL!, { role, division });
    return context.newPage();
  };
  const coordinator = await signedIn("COORDINATOR");
  await coordinator.goto("/lagesbild");
  const rows = await coordinator.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({ href: tr.querySelector("a")!.getAttribute("href")!, division: tr.children[3]!.textContent!.trim() })),
  );
  expect(rows.length).toBeGreaterThanOrEqual(4);
  expect(new Set(rows.map((r) => r.division)).size).toBeGreaterThan(1);
  await coordinator.close();

  const member = await signedIn("NETWORK_MEMBER", "BUK");
  for (const row of rows) {
    const response = await member.request.get(row.href, { maxRedirects: 0 });
    expect(response.status(), `${row.division} ${row.href}`).toBe(row.division === "Barn och utbildning" ? 200 : 404);
  }
  await member.close();

  const observer = await signedIn("OBSERVER");
  for (const row of rows) expect((await observer.request.get(row.href, { maxRedirects: 0 })).status()).toBe(403);
  await observer.close();
});
