import { expect, test } from "@playwright/test";

// The app is started with a stand-in OpenID Connect provider (tests/e2e/fake-oidc-provider.mjs).
test("single sign-on signs in an existing user by e-mail, with the rights granted in Värna", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Fortsätt med Testkommunens inloggning" }).click();
  await page.getByLabel("E-post hos identitetsleverantören").fill("Chef.DSO@Nykoping.Example");
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Amina Yusuf");
  await expect(page.getByTestId("signed-in-as")).toContainText("Divisionschef");
});

test("single sign-on refuses an e-mail without an account, in Swedish, and creates none", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Fortsätt med Testkommunens inloggning" }).click();
  await page.getByLabel("E-post hos identitetsleverantören").fill("ny.anstalld@nykoping.example");
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await expect(page).toHaveURL(/\/login\?error=SsoNoAccount/);
  await expect(page.getByRole("alert").first()).toContainText("Det finns inget aktivt konto i Värna för din e-postadress");
  await page.goto("/oversikt");
  await expect(page).toHaveURL(/\/login$/);
});
