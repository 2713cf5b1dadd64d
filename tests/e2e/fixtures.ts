import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-accounts";

export type DemoUser = (typeof DEMO_USERS)[number];

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export const test = base.extend<{ signIn: (email: string, password?: string) => Promise<void> }>({
  signIn: async ({ page }, use) => {
    await use((email, password) => signIn(page, email, password));
  },
});

export { expect, DEMO_USERS };
