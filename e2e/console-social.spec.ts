import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { instanceAt } from "./fixtures";
import { CONSOLE_URL, consoleUrl, expect, test } from "./console-fixtures";
import { registerTestClient, seedSocialConnector, TEST_OIDC } from "./social-connectors";

/**
 * The console's social sign-in page on the console instance (3101), against
 * the real test OpenID Connect provider (tests/providers/serve.ts): add a
 * connector with a test before saving, see its button on /sign-in, disable
 * it, reorder, edit keeping the secret, delete. The client secret never
 * reaches a page. Serial: each test builds on the connectors the previous
 * ones left; the last one deletes them.
 */
test.describe.configure({ mode: "serial" });

const suffix = randomBytes(3).toString("hex");
const ACME = { id: `acme-${suffix}`, name: `Acme SSO ${suffix}` };
let secret = "";
let second = { id: "", name: "" };

const row = (page: Page, id: string) => page.locator(`tr[data-connector="${id}"]`);

/** The social buttons on a signed-out /sign-in, in order, among `names`. */
async function signInButtons(page: Page, names: string[]): Promise<string[]> {
  await page.goto(consoleUrl("/sign-in"));
  // Buttons in look; links or buttons in markup (components/social-buttons.tsx).
  const labels = await page.locator(".social-buttons").getByText(/^Continue with /).allTextContents();
  return labels.map((label) => label.replace(/^Continue with /, "").trim()).filter((name) => names.includes(name));
}

async function expectNoSecret(page: Page) {
  expect(secret.length).toBeGreaterThan(10);
  expect(await page.content()).not.toContain(secret);
}

test("an admin adds an OpenID Connect connector: wrong secret refused, right one accepted, then saved", async ({ adminPage: page }) => {
  const client = await registerTestClient("oidc", ACME.id, CONSOLE_URL);
  secret = client.clientSecret;

  await page.goto(consoleUrl("/console/social"));
  await expect(page.getByRole("heading", { level: 1, name: "Social sign-in" })).toBeVisible();
  await page.getByRole("link", { name: "Add a provider" }).click();
  await page.getByRole("link", { name: "OpenID Connect", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add OpenID Connect" })).toBeVisible();

  await page.getByLabel("Button label").fill(ACME.name);
  await page.getByLabel("Connector ID").fill(ACME.id);
  await page.getByLabel("Issuer URL").fill(TEST_OIDC.issuers.oidc);
  await page.getByLabel("Client ID").fill(client.clientId);
  await page.getByLabel("Client secret").fill("not-the-secret");

  // The test provider is on loopback: refused until private targets are allowed.
  await page.getByRole("button", { name: "Test configuration" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Issuer URL|https:\/\// }).first()).toBeVisible();
  await page.locator("details.advanced > summary").click();
  await page.getByLabel("Allow private network targets").check();

  await page.getByRole("button", { name: "Test configuration" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "refused the client ID or secret: invalid_client" })).toBeVisible();

  await page.getByLabel("Client secret").fill(secret);
  await page.getByRole("button", { name: "Test configuration" }).click();
  await expect(page.getByRole("status").filter({ hasText: "accepted the client ID and secret" })).toBeVisible();
  await expectNoSecret(page);
  // The secret typed for the test is still in the field for the save (JavaScript keeps the inputs).
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(page).toHaveURL(/\/console\/social\?done=added$/);
  await expect(row(page, ACME.id)).toContainText(ACME.name);
  await expect(row(page, ACME.id)).toContainText("Enabled");
  await expectNoSecret(page);
});

test("its button is on the sign-in page, and the guide names its callback URL", async ({ adminPage: page, newConsolePage }) => {
  const visitor = await newConsolePage();
  expect(await signInButtons(visitor, [ACME.name])).toEqual([ACME.name]);

  await page.goto(consoleUrl(`/console/social/${ACME.id}`));
  await expect(page.getByTestId("callback-url")).toHaveText(`${CONSOLE_URL}/api/auth/callback/${ACME.id}`);
  await expect(page.getByLabel("Client secret")).toHaveValue("");
  await expect(page.getByText("A value is saved (••••• set)")).toBeVisible();
  await expectNoSecret(page);
});

test("editing with the secret left blank keeps it", async ({ adminPage: page }) => {
  await page.goto(consoleUrl(`/console/social/${ACME.id}`));
  await page.getByRole("button", { name: "Test configuration" }).click();
  await expect(page.getByRole("status").filter({ hasText: "accepted the client ID and secret" })).toBeVisible();
  await page.getByLabel("Button label").fill(`${ACME.name} edited`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\?done=saved$/);
  await expect(row(page, ACME.id)).toContainText(`${ACME.name} edited`);
  ACME.name = `${ACME.name} edited`;
  await page.goto(consoleUrl(`/console/social/${ACME.id}`));
  await page.getByRole("button", { name: "Test configuration" }).click();
  await expect(page.getByRole("status").filter({ hasText: "accepted the client ID and secret" })).toBeVisible();
  await expectNoSecret(page);
});

test("without JavaScript: disabling hides the button, enabling brings it back, moving changes the order", async ({ newConsolePage, signInAsAdmin }) => {
  second = await seedSocialConnector(instanceAt(CONSOLE_URL), { providerId: "google", name: `Google ${suffix}` });
  const names = [ACME.name, second.name];
  const page = await newConsolePage({ javaScriptEnabled: false });
  await signInAsAdmin(page);
  // The sign-in page as someone signed out sees it, also without JavaScript.
  const visitor = await newConsolePage({ javaScriptEnabled: false });
  expect(await signInButtons(visitor, names)).toEqual([ACME.name, second.name]);

  await page.goto(consoleUrl("/console/social"));
  await row(page, ACME.id).getByRole("button", { name: /^Disable/ }).click();
  await expect(page.getByRole("status")).toContainText("Connector disabled");
  await expect(row(page, ACME.id)).toContainText("Disabled");
  expect(await signInButtons(visitor, names)).toEqual([second.name]);

  await row(page, ACME.id).getByRole("button", { name: /^Enable/ }).click();
  await expect(row(page, ACME.id)).toContainText("Enabled");
  expect(await signInButtons(visitor, names)).toEqual([ACME.name, second.name]);

  await row(page, second.id).getByRole("button", { name: /^Move up/ }).click();
  await expect(page.getByRole("status")).toContainText("Button order changed");
  expect(await signInButtons(visitor, names)).toEqual([second.name, ACME.name]);
});

test("deleting asks first, says how many accounts are linked, and takes the button away", async ({ adminPage: page, newConsolePage }) => {
  for (const connector of [ACME, second]) {
    await page.goto(consoleUrl(`/console/social/${connector.id}`));
    await page.getByText("Delete", { exact: true }).click();
    await expect(page.getByText(/0 accounts are linked through it: the links are kept/)).toBeVisible();
    await page.getByRole("button", { name: "Yes, delete this connector" }).click();
    await expect(page).toHaveURL(/\?done=deleted$/);
    await expect(row(page, connector.id)).toHaveCount(0);
  }
  expect(await signInButtons(await newConsolePage(), [ACME.name, second.name])).toEqual([]);
});
