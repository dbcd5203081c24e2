import type { Page } from "@playwright/test";
import { CONSOLE_URL, consoleUrl, expect, expectNotFound, test, uniquePassword } from "./console-fixtures";
import { instanceAt } from "./fixtures";
import { seederFor } from "./seed/seeders";

/**
 * The console's Webhooks page on the console instance (3101), and the
 * provider's report on the Deliveries page. Serial: the tests share the
 * instance's webhook settings, and the database outlives a run, so each
 * test starts from whatever an earlier run left and puts its provider back.
 */
test.describe.configure({ mode: "serial" });

const card = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

test("Mailgun's signing key is saved, kept when left blank and never shown back; Stop accepting removes it", async ({ adminPage: page }) => {
  const key = `key-${uniquePassword().replace(/\W/g, "").slice(0, 24)}e2e`;
  await page.goto(consoleUrl("/console/webhooks"));
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  const mailgun = card(page, "Mailgun");
  await expect(mailgun.getByText(`${CONSOLE_URL}/api/webhooks/mailgun`)).toBeVisible();

  await mailgun.getByLabel("HTTP webhook signing key").fill(key);
  await mailgun.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. The provider's reports are accepted from now on." })).toBeVisible();
  await expect(card(page, "Mailgun").getByText("Accepting reports")).toBeVisible();
  await expect(card(page, "Mailgun").getByText("Leave blank to keep it")).toBeVisible();
  expect(await page.content()).not.toContain(key);

  await test.step("saving with the field blank keeps the key", async () => {
    await card(page, "Mailgun").getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(card(page, "Mailgun").getByText("Accepting reports")).toBeVisible();
  });

  await test.step("Stop accepting", async () => {
    await card(page, "Mailgun").getByRole("button", { name: "Stop accepting Mailgun" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Stopped" })).toBeVisible();
    await expect(card(page, "Mailgun").getByText("Not set up")).toBeVisible();
  });
});

test("Postmark's credentials are shown once, in the URL to paste, then only the username", async ({ adminPage: page }) => {
  await page.goto(consoleUrl("/console/webhooks"));
  await card(page, "Postmark").getByRole("button", { name: /^Generate (new )?credentials$/ }).click();
  const shown = card(page, "Postmark").getByRole("status").filter({ hasText: "the password is not shown again" });
  await expect(shown).toBeVisible();
  const url = new URL((await shown.locator("code").textContent())!);
  expect(`${url.origin}${url.pathname}`).toBe(`${CONSOLE_URL}/api/webhooks/postmark`);
  expect(url.username).toMatch(/^postmark-[0-9a-f]{8}$/);
  expect(url.password).toMatch(/^[\w-]{32}$/);

  await page.reload();
  await expect(card(page, "Postmark").getByText(url.username, { exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(url.password);
  await expect(card(page, "Postmark").getByRole("button", { name: "Generate new credentials" })).toBeVisible();
});

test("an SNS topic ARN that is not one is refused at its field, and works without JavaScript", async ({ newConsolePage, signInAsAdmin }) => {
  const page = await newConsolePage({ javaScriptEnabled: false });
  await signInAsAdmin(page);
  await page.goto(consoleUrl("/console/webhooks"));
  const ses = card(page, /^Amazon SES/);
  await ses.getByLabel("SNS topic ARN").fill("arn:aws:sqs:us-east-1:123456789012:not-a-topic");
  await ses.getByRole("button", { name: "Save" }).click();
  const field = card(page, /^Amazon SES/).getByLabel("SNS topic ARN");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("arn:aws:sqs:us-east-1:123456789012:not-a-topic");
  await expect(card(page, /^Amazon SES/).getByRole("alert")).toHaveText("Enter the topic's ARN, like arn:aws:sns:us-east-1:123456789012:ses-events.");
});

test("the deliveries list shows what the provider reported, and filters by it", async ({ adminPage: page, newConsolePage, uniqueEmail }) => {
  const email = uniqueEmail("webhook-bounced");
  const visitor = await newConsolePage();
  await visitor.goto(consoleUrl("/sign-up"));
  await visitor.getByLabel("Email", { exact: true }).fill(email);
  await visitor.getByLabel("Password", { exact: true }).fill(uniquePassword());
  await visitor.getByRole("button", { name: "Create account", exact: true }).click();
  await expect(visitor).toHaveURL((url) => url.pathname === "/sign-up/verify");

  const instance = instanceAt(CONSOLE_URL);
  await seederFor(instance.databaseUrl, instance.env).request({ op: "deliveryReport", recipient: email, status: "bounced", detail: "Permanent/General: smtp; 550 5.1.1 user unknown" });

  await page.goto(consoleUrl(`/console/deliveries?report=bounced&recipient=${encodeURIComponent(email)}`));
  const row = page.getByRole("table", { name: "Emails, newest first" }).getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(row).toHaveCount(1);
  const report = row.getByRole("cell").nth(1);
  await expect(report).toContainText("Bounced");
  await expect(report).toContainText("550 5.1.1 user unknown");
  await expect(report.locator("time")).toBeVisible();
  await expect(page.getByLabel("Provider report")).toHaveValue("bounced");

  await page.goto(consoleUrl(`/console/deliveries?report=complained&recipient=${encodeURIComponent(email)}`));
  await expect(page.getByText("No emails match these filters.")).toBeVisible();
});

test("not for anyone but an admin", async ({ newConsolePage }) => {
  await expectNotFound(await newConsolePage(), "/console/webhooks");
});
