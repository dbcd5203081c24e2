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

test("signing in replaces the session cookie whole: a leftover chunk of an older one is removed, not read as part of it", async ({ page, baseURL, verifiedUser: { email, password } }) => {
  // next-auth splits a big session over authjs.session-token.0, .1, … and joins every cookie
  // starting with the name: a leftover part would turn the new session into garbage.
  await page.context().addCookies([{ name: "authjs.session-token.0", value: "left-over-part", url: baseURL! }]);
  await submitPasswordSignIn(page, email, password);
  await expectSignedIn(page, email);
  const names = (await page.context().cookies()).map((cookie) => cookie.name);
  expect(names).toContain("authjs.session-token");
  expect(names).not.toContain("authjs.session-token.0");
  await page.reload();
  await expectSignedIn(page, email);
});

test("the forgot-password link leads to /forgot-password", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/forgot-password");
  await expect(page.getByRole("button", { name: "Send reset code", exact: true })).toBeVisible();
});
