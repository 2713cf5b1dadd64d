// The page half of the access matrix through HTTP: every demo role requests every signed-in
// page; what the role may not list answers 403, and no page answers an anonymous visitor.
import { NAV_ITEMS } from "../../lib/access/navigation";
import { may } from "../../lib/access/permissions";
import { DEMO_USERS, expect, test } from "./fixtures";

test("an anonymous visitor is redirected from every signed-in page", async ({ request }) => {
  for (const item of NAV_ITEMS) {
    const response = await request.get(item.href, { maxRedirects: 0 });
    expect(response.status(), item.href).toBe(307);
    expect(response.headers().location, item.href).toMatch(/\/login$/);
  }
});

for (const user of DEMO_USERS) {
  test(`${user.role} (${user.email}) gets exactly the pages of the role`, async ({ page, signIn }) => {
    await signIn(user.email);
    for (const item of NAV_ITEMS) {
      const response = await page.request.get(item.href, { maxRedirects: 0 });
      const expected = may(user.role, item.resource, item.action) ? 200 : 403;
      expect(response.status(), `${user.role} ${item.href}`).toBe(expected);
    }
  });
}
