import { expect, expectSignedIn, expectSignedOut, submitCode, test, uniquePassword } from "./fixtures";

test("sign up with a code from the email, then sign out", async ({ page, mailbox, uniqueEmail }) => {
  const email = uniqueEmail("signup");
  const password = uniquePassword();

  await page.goto("/");
  await expectSignedOut(page);
  await page.getByRole("link", { name: "Create account", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-up");

  await page.getByLabel("Name (optional)", { exact: true }).fill("E2E Person");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const after = new Date();
  await page.getByRole("button", { name: "Create account", exact: true }).click();

  await expect(page).toHaveURL((url) => url.pathname === "/sign-up/verify");
  await expect(page.getByText(`We sent a code to ${email}`)).toBeVisible();

  const message = await mailbox.waitForMessage(email, () => true, { after });
  expect(message.from).toContain("no-reply@mailgate.test");
  const code = await mailbox.waitForCode(email, { after });
  expect(message.subject.startsWith(code), `subject ${JSON.stringify(message.subject)} should begin with the code`).toBe(true);

  await submitCode(page, code);
  await expectSignedIn(page, email);
  await page.reload();
  await expectSignedIn(page, email);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expectSignedOut(page);
  await page.reload();
  await expectSignedOut(page);
});
