// The form kit as a keyboard and screen-reader user meets it: the browser's check and the
// server's answer both mark the field, tie the message to it and move the focus to it.
import { expect, test } from "./fixtures";

test("a form's errors are tied to their fields and take the focus, from the browser's check and from the server", async ({ page, loginAs }) => {
  await loginAs("ADMIN");
  await page.goto("/admin/anvandare/ny");
  const name = page.getByLabel("Namn");
  const email = page.getByLabel("E-postadress");

  // Nothing filled in: zod in the browser, nothing sent; the first invalid field gets the focus.
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription("Fyll i namnet.");

  // Valid in the browser, refused by the server (the address is taken): the server's message
  // lands in the same field, which gets the focus; the form says what to do.
  await name.fill("Dubblett Dubblettsson");
  await email.fill("samordnare@nykoping.example");
  await page.getByLabel("Roll").selectOption("OBSERVER"); // a role without divisions
  await page.keyboard.press("Enter");
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Det finns redan ett konto med den e-postadressen.");
  await expect(page.locator("form").getByRole("alert")).toContainText("Kontrollera de markerade fälten.");
  await expect(name).not.toHaveAttribute("aria-invalid");
});
