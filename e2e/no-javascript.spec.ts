import { expect, expectSignedIn, mailbox, openPage, requestSignInCode, signUp, submitCode, submitPasswordSignIn, test, uniqueEmail, uniquePassword } from "./fixtures";

// Forms are server actions: they must work as plain HTML forms.
test.use({ javaScriptEnabled: false });

const account = { email: uniqueEmail("nojs"), password: uniquePassword() };

test.beforeAll(async ({ browser }) => {
  // The account itself is made with JavaScript on; only sign-in is under test.
  const page = await openPage(browser, { javaScriptEnabled: true });
  await signUp(page, account);
  await page.context().close();
});

test("password sign-in works without JavaScript", async ({ page }) => {
  await submitPasswordSignIn(page, account.email, account.password);
  await expectSignedIn(page, account.email);
});

test("code sign-in works without JavaScript", async ({ page }) => {
  const after = new Date();
  await requestSignInCode(page, account.email);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
  await expect(page.getByText(`We sent a code to ${account.email}`)).toBeVisible();
  const code = await mailbox.waitForCode(account.email, { after });
  await submitCode(page, code);
  await expectSignedIn(page, account.email);
});
