import { expect, test } from "./console-fixtures";

/*
 * Admins find the console from the home page, the account centre's header
 * and its navigation; anyone else sees no trace of it.
 */

test("an admin has a link to the console on the home page, in the header and in the account centre", async ({ adminPage: page }) => {
  await expect(page.getByRole("navigation", { name: "Where to go" }).getByRole("link", { name: "Admin console", exact: true })).toHaveAttribute("href", "/console");

  await page.goto("/account");
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin console", exact: true })).toHaveAttribute("href", "/console");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Admin console", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/console/connectors");

  await page.goto("/orgs");
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin console", exact: true })).toBeVisible();
});

test("anyone else sees no link to the console", async ({ newConsolePage, users }) => {
  const page = await newConsolePage();
  await users.signIn(page, await users.create({ prefix: "not-admin-site" }));
  await expect(page.getByRole("link", { name: "Admin console" })).toHaveCount(0);
  for (const path of ["/account", "/orgs"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Account" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Admin console" })).toHaveCount(0);
  }
});
