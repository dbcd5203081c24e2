import {
  expect,
  expectSignedIn,
  expectSignedOut,
  submitCode,
  submitPasswordSignIn,
  test,
  uniquePassword,
} from "./fixtures";

test("reset a forgotten password: other sessions end, only the new password works", async ({
  page,
  newPage,
  mailbox,
  verifiedUser: { email, password: oldPassword },
}) => {
  const newPassword = uniquePassword();

  // Another device, signed in before the reset.
  const otherDevice = await newPage();
  await submitPasswordSignIn(otherDevice, email, oldPassword);
  await expectSignedIn(otherDevice, email);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill(email);
  const after = new Date();
  await page.getByRole("button", { name: "Send reset code", exact: true }).click();

  await expect(page).toHaveURL((url) => url.pathname === "/forgot-password/verify");
  await expect(page.getByText(`We sent a code to ${email}`)).toBeVisible();
  const code = await mailbox.waitForCode(email, { after });
  await submitCode(page, code);

  await expect(page).toHaveURL((url) => url.pathname === "/forgot-password/reset");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Set new password", exact: true }).click();
  await expectSignedIn(page, email);

  // The other device's session ended; this one stays.
  await otherDevice.goto("/");
  await otherDevice.reload();
  await expectSignedOut(otherDevice);
  await page.reload();
  await expectSignedIn(page, email);

  // Old password refused, new one accepted.
  const fresh = await newPage();
  await submitPasswordSignIn(fresh, email, oldPassword);
  await expect(fresh.getByText("Email or password is wrong.")).toBeVisible();
  await expect(fresh.getByText(/Signed in as/)).toHaveCount(0);
  await submitPasswordSignIn(fresh, email, newPassword);
  await expectSignedIn(fresh, email);
});
