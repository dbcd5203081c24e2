import type { Page } from "@playwright/test";
import { consoleUrl, expect, test, uniqueConsoleEmail } from "./console-fixtures";
import { freshTotp } from "./totp";

/*
 * "Require two-step verification for everyone" (console → Sign-in
 * experience): a user without a second factor who signs in is taken to set
 * one up, and cannot reach the account centre until they have. The setting
 * is put back in `finally` so the other console specs are unaffected.
 */
const requireToggle = (page: Page) => page.getByLabel("Require two-step verification for everyone", { exact: true });

async function setRequired(page: Page, on: boolean) {
  await page.goto(consoleUrl("/console/sign-in-experience"));
  if (on) await requireToggle(page).check();
  else await requireToggle(page).uncheck();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
  await page.reload();
  await expect(requireToggle(page)).toBeChecked({ checked: on });
}

test("MFA required: a user without a factor is sent to set one up right after sign-in", async ({ adminPage, newConsolePage, users }) => {
  const user = await newConsolePage();
  // An account made before the setting is turned on, signed out.
  const { email, password } = await users.create({ email: uniqueConsoleEmail("mfa-required") });

  await setRequired(adminPage, true);
  try {
    await user.goto(consoleUrl("/sign-in"));
    await user.getByLabel("Email", { exact: true }).fill(email);
    await user.getByLabel("Password", { exact: true }).fill(password);
    await user.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(user).toHaveURL((url) => url.pathname === "/account/security" && url.searchParams.get("required") === "1");
    await expect(user.getByText("Your organisation requires two-step verification.")).toBeVisible();

    // The rest of the account centre waits until a factor exists.
    await user.goto(consoleUrl("/account/sessions"));
    await expect(user).toHaveURL((url) => url.pathname === "/account/security");

    // Confirm it's you, then set up an authenticator app.
    await user.getByRole("link", { name: "Confirm it's you", exact: true }).click();
    await user.getByLabel("Password", { exact: true }).fill(password);
    await user.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(user).toHaveURL((url) => url.pathname === "/account/security");
    const app = user.getByRole("region", { name: "Authenticator app", exact: true });
    await app.getByRole("button", { name: "Set up authenticator app", exact: true }).click();
    const secret = (await app.locator(".totp-secret").innerText()).replace(/\s/g, "");
    const { code } = await freshTotp(secret);
    await app.getByLabel("Code from the app", { exact: true }).fill(code);
    await app.getByRole("button", { name: "Turn on", exact: true }).click();
    await expect(user.getByRole("list", { name: "Backup codes" }).getByRole("listitem")).toHaveCount(10);

    // Now the account centre and the home page are open.
    await user.goto(consoleUrl("/account/sessions"));
    await expect(user).toHaveURL((url) => url.pathname === "/account/sessions");
    await user.goto(consoleUrl("/"));
    await expect(user.getByText(`Signed in as ${email}`)).toBeVisible();
  } finally {
    await setRequired(adminPage, false);
  }
});
