import type { Page } from "@playwright/test";
import { ADMIN, consoleUrl, expect, expectNotFound, test, uniqueConsoleEmail } from "./console-fixtures";

/*
 * Console → Admins on the console instance, whose owner is admin@console.test
 * (the first account; also in ADMIN_EMAILS). The owner makes a new account an
 * admin, cannot delete their own account while they own the install, hands
 * ownership over, and gets it back. STATE LEFT BEHIND: admin@console.test
 * owns the install again; the spec's user keeps no role.
 */
const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

/** From /console/admins while no fresh "Confirm it's you" exists: confirm with the password and come back. */
async function confirmWithPassword(page: Page, password: string) {
  await page.getByRole("link", { name: "Confirm it's you", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/account/verify" && url.searchParams.get("next") === "/console/admins");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/console/admins");
}

test("the owner makes an admin, must hand ownership over before deleting, and gets it back", async ({ adminPage, newConsolePage, users }) => {
  test.setTimeout(120_000);
  const userPage = await newConsolePage();
  const user = await users.create({ email: uniqueConsoleEmail("admins") });
  await users.signIn(userPage, user);

  await test.step("a plain account gets the console's 404", () => expectNotFound(userPage, "/console/admins"));

  await test.step("the owner sees the list and makes the account an admin", async () => {
    await adminPage.goto(consoleUrl("/console/admins"));
    await expect(row(adminPage, ADMIN.email)).toContainText("Owner · ADMIN_EMAILS");
    await confirmWithPassword(adminPage, ADMIN.password);
    await adminPage.getByLabel("Email of an existing account", { exact: true }).fill(user.email);
    await adminPage.getByRole("button", { name: "Make admin", exact: true }).click();
    await expect(adminPage.getByText("Done: that account is now an admin.")).toBeVisible();
    await expect(row(adminPage, user.email)).toContainText("Admin");
  });

  await test.step("the new admin has the console, without the owner's controls", async () => {
    await userPage.goto(consoleUrl("/console/admins"));
    await expect(userPage.getByText("Only the owner can change who is an admin.")).toBeVisible();
    await expect(userPage.getByRole("button", { name: "Make owner" })).toHaveCount(0);
  });

  await test.step("the owner's account can't be deleted; the page links to the hand-over", async () => {
    await adminPage.goto(consoleUrl("/account/delete"));
    await expect(adminPage.getByRole("alert").filter({ hasText: "You own this Mailgate" })).toBeVisible();
    await expect(adminPage.getByRole("button", { name: "Delete my account" })).toHaveCount(0);
    await adminPage.getByRole("link", { name: "Hand over ownership", exact: true }).click();
    await expect(adminPage).toHaveURL((url) => url.pathname === "/console/admins");
  });

  await test.step("the owner hands ownership over and stays an admin", async () => {
    await confirmWithPassword(adminPage, ADMIN.password);
    await row(adminPage, user.email).getByRole("button", { name: "Make owner" }).click();
    await expect(adminPage.getByText("Only the owner can change who is an admin.")).toBeVisible();
    await expect(row(adminPage, user.email)).toContainText("Owner · Admin");
    await expect(row(adminPage, ADMIN.email)).toContainText("Admin · ADMIN_EMAILS");
  });

  await test.step("the new owner hands it back", async () => {
    await userPage.goto(consoleUrl("/console/admins"));
    await confirmWithPassword(userPage, user.password);
    await row(userPage, ADMIN.email).getByRole("button", { name: "Make owner" }).click();
    await expect(row(userPage, ADMIN.email)).toContainText("Owner");
  });

  await test.step("the owner takes the spec user's admin role away again", async () => {
    await adminPage.goto(consoleUrl("/console/admins"));
    await confirmWithPassword(adminPage, ADMIN.password);
    await row(adminPage, user.email).getByRole("button", { name: "Remove admin" }).click();
    await expect(row(adminPage, user.email)).toHaveCount(0);
    await expectNotFound(userPage, "/console/admins");
  });
});
