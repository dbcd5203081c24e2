import {
  expect,
  expectSignedIn,
  submitCode,
  submitPasswordSignIn,
  test,
} from "./fixtures";

test("sign in with email and password", async ({ page, verifiedUser: { email, password } }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedIn(page, email);
});

test("a wrong password and an unknown email get the same error", async ({ page, uniqueEmail, verifiedUser: { email, password } }) => {
  await submitPasswordSignIn(page, email, `${password}-nope`);
  await expect(page.getByText("Email or password is wrong.")).toBeVisible();
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);

  await submitPasswordSignIn(page, uniqueEmail("nobody"), password);
  await expect(page.getByText("Email or password is wrong.")).toBeVisible();
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);
});

test("sign in with a code from the email", async ({ page, mailbox, verifiedUser: { email } }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Email me a code instead", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("method") === "code");
  await page.getByLabel("Email", { exact: true }).fill(email);
  const after = new Date();
  await page.getByRole("button", { name: "Email me a code", exact: true }).click();

  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
  await expect(page.getByText(`We sent a code to ${email}`)).toBeVisible();
  const code = await mailbox.waitForCode(email, { after });
  await submitCode(page, code);
  await expectSignedIn(page, email);
});

test("the forgot-password link leads to /forgot-password", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/forgot-password");
  await expect(page.getByRole("button", { name: "Send reset code", exact: true })).toBeVisible();
});
