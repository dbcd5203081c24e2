import { expect, test } from "./fixtures";

test("every field has its label and every control its name", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create account", exact: true })).toBeVisible();

  await page.goto("/sign-up");
  await expect(page.getByLabel("Name (optional)", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account", exact: true })).toBeVisible();

  await page.goto("/sign-in");
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Forgot password?", exact: true })).toHaveAttribute("href", /\/forgot-password$/);
  await expect(page.getByRole("link", { name: "Email me a code instead", exact: true })).toBeVisible();

  await page.goto("/sign-in?method=code");
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a code", exact: true })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);

  await page.goto("/forgot-password");
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send reset code", exact: true })).toBeVisible();
});

test("the server explains bad input next to the field", async ({ page, uniqueEmail }) => {
  // Skip the browser's own checks so the server's messages show.
  const submitSignUp = async (email: string, password: string) => {
    await page.goto("/sign-up");
    await page.locator("form").filter({ has: page.getByRole("button", { name: "Create account", exact: true }) }).evaluate((form) => {
      (form as HTMLFormElement).noValidate = true;
    });
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Create account", exact: true }).click();
  };

  await submitSignUp("not-an-email", "a perfectly long password");
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-up");

  await submitSignUp(uniqueEmail("short"), "short");
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-up");
});
