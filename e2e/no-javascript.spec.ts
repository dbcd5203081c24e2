import { expect, expectSignedIn, mailbox, requestSignInCode, submitCode, submitPasswordSignIn, test } from "./fixtures";

// Forms are server actions: they must work as plain HTML forms.
test.use({ javaScriptEnabled: false });

// The account is made in the database (the `verifiedUser` fixture); only sign-in is under test.
test("password sign-in works without JavaScript", async ({ page, verifiedUser: { email, password } }) => {
  await submitPasswordSignIn(page, email, password);
  await expectSignedIn(page, email);
});

test("code sign-in works without JavaScript", async ({ page, verifiedUser: { email } }) => {
  const after = new Date();
  await requestSignInCode(page, email);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
  await expect(page.getByText(`We sent a code to ${email}`)).toBeVisible();
  const code = await mailbox.waitForCode(email, { after });
  await submitCode(page, code);
  await expectSignedIn(page, email);
});
