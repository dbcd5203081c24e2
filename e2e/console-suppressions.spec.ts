import type { Page } from "@playwright/test";
import { CONSOLE_URL, consoleUrl, expect, expectNotFound, test, waitForAnyCode } from "./console-fixtures";
import { instanceAt, uniqueEmail } from "./fixtures";
import { expectAccessible, expectFitsPhones } from "./page-checks";
import { suppressionsOf } from "./seed/suppressions";

/**
 * The suppression list on the console instance: an address a provider
 * reported as bouncing (put on the list by the function its webhook calls)
 * is listed, gets no code, and gets one again once the admin removes it.
 */
const suppressions = () => suppressionsOf(instanceAt(CONSOLE_URL));
const REFUSAL = "We can't deliver email to this address.";

/** Asks /sign-in for a code for `email`; returns when the page answered. */
async function requestCode(page: Page, email: string) {
  await page.goto(consoleUrl("/sign-in?method=code"));
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a code", exact: true }).click();
}

test("a bounced address is listed, refused a code (registered or not), and let through again once the admin removes it", async ({ adminPage, users, newConsolePage, signInAsAdmin }) => {
  const user = await users.create({ prefix: "suppressed" });
  const unknown = uniqueEmail("suppressed-unknown");
  // A minute apart, so "newest first" does not depend on two inserts landing in different milliseconds.
  await suppressions().add(user.email, "hard_bounce", { ageSeconds: 60 });
  await suppressions().add(unknown, "complaint");

  await test.step("the list shows each address with the reason in words, the provider, the event and the detail", async () => {
    await adminPage.goto(consoleUrl("/console/suppressions"));
    await expect(adminPage.getByRole("heading", { level: 1, name: "Suppressions" })).toBeVisible();
    const row = adminPage.locator(`tr[data-address="${user.email}"]`);
    await expect(row.getByRole("cell")).toHaveText([user.email, "Bounced", "ses", `e2e-${user.email}`, "550 5.1.1 The email account does not exist", /\d{4}-\d\d-\d\d/, /^Remove/]);
    await expect(adminPage.locator(`tr[data-address="${unknown}"]`).getByRole("cell").nth(1)).toHaveText("Marked as spam");
    // Newest first.
    await expect(adminPage.locator("tbody tr").first()).toHaveAttribute("data-address", unknown);
  });

  await test.step("a code request is refused with the same words for the registered and the unknown address", async () => {
    const visitor = await newConsolePage();
    for (const email of [user.email, unknown]) {
      await requestCode(visitor, email);
      await expect(visitor.getByRole("alert").filter({ hasText: REFUSAL })).toBeVisible();
      await expect(visitor).toHaveURL((url) => url.pathname === "/sign-in");
    }
  });

  await test.step("the admin removes it, without JavaScript, after a confirmation", async () => {
    const noJs = await newConsolePage({ javaScriptEnabled: false });
    await signInAsAdmin(noJs);
    await noJs.goto(consoleUrl(`/console/suppressions?q=${encodeURIComponent(user.email)}`));
    await expect(noJs.locator("tbody tr")).toHaveCount(1);
    await noJs.getByRole("link", { name: `Remove ${user.email} from the list` }).click();
    await expect(noJs.getByRole("heading", { name: `Remove ${user.email} from the list?` })).toBeVisible();
    await noJs.getByRole("button", { name: "Remove from the list" }).click();
    await expect(noJs.getByRole("status").filter({ hasText: `${user.email} was removed from the list.` })).toBeVisible();
    await expect(noJs.locator(`tr[data-address="${user.email}"]`)).toHaveCount(0);
    await expect(noJs.locator(`tr[data-address="${unknown}"]`)).toHaveCount(1);
  });

  await test.step("the next request goes through and the code arrives", async () => {
    const visitor = await newConsolePage();
    const after = new Date();
    await requestCode(visitor, user.email);
    await expect(visitor).toHaveURL((url) => url.pathname === "/sign-in/verify");
    expect((await waitForAnyCode(user.email, { after })).code).toMatch(/^\d{6}$/);
  });
});

test("the account centre asks a user whose address bounced to change it, on every page", async ({ users, page }) => {
  const user = await users.create({ prefix: "suppressed-banner" });
  await users.signIn(page, user);
  await page.goto(consoleUrl("/account"));
  await expect(page.getByRole("status").filter({ hasText: "Email to" })).toHaveCount(0);
  await suppressions().add(user.email, "complaint");
  for (const path of ["/account", "/account/sessions"]) {
    await page.goto(consoleUrl(path));
    const banner = page.getByRole("status").filter({ hasText: `Email to ${user.email} can't be delivered` });
    await expect(banner).toContainText("marked as spam");
    await banner.getByRole("link", { name: "Change your email address" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/email");
  }
  await expectAccessible(page, consoleUrl("/account"));
  await expectFitsPhones(page, consoleUrl("/account"));
});

test("the list is for admins only", async ({ newConsolePage }) => {
  await expectNotFound(await newConsolePage(), "/console/suppressions");
});
