import type { Page } from "@playwright/test";
import { ADMIN, consoleUrl, expect, mailbox, test } from "./console-fixtures";

/**
 * The email templates console (/console/emails) on the console instance.
 * Serial; the sign-in code email (English) is put back to the built-in text
 * at the end, which the other console specs read codes from.
 */
test.describe.configure({ mode: "serial" });

const PAGE = "/console/emails/SignIn/en";

async function openTemplate(page: Page) {
  await page.goto(consoleUrl(PAGE));
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in code (English)" })).toBeVisible();
}

async function fillText(page: Page, text: { subject?: string; heading?: string; body?: string }) {
  if (text.subject !== undefined) await page.getByLabel("Subject", { exact: true }).fill(text.subject);
  if (text.heading !== undefined) await page.getByLabel("Heading", { exact: true }).fill(text.heading);
  if (text.body !== undefined) await page.getByLabel("Paragraphs", { exact: true }).fill(text.body);
}

const desktop = (page: Page) => page.frameLocator('iframe[title="Email preview, desktop width"]').locator("body");

test("the overview lists every email in both languages", async ({ adminPage: page }) => {
  await page.goto(consoleUrl("/console/emails"));
  await expect(page.getByRole("heading", { level: 1, name: "Email templates" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit Sign-in code (English)" })).toHaveAttribute("href", PAGE);
  await expect(page.getByRole("link", { name: "Edit Invitation code (日本語)" })).toBeVisible();
});

test("a code email without {{code}}, or with an unknown variable, is refused", async ({ adminPage: page }) => {
  await openTemplate(page);
  await fillText(page, { subject: "Your sign-in code", body: "Hello {{email}}, here it is." });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("This email must show {{code}}: put it in the subject or the body.")).toBeVisible();
  await fillText(page, { subject: "{{code}} for {{organizationName}}" });
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByText("Unknown variable {{organizationName}}: this email can use", { exact: false })).toBeVisible();
  await openTemplate(page);
  await expect(page.getByText("In use: the built-in text.", { exact: false })).toBeVisible();
});

test("edit, preview, send a test, save, then revert to an earlier version", async ({ adminPage: page, newConsolePage, users }) => {
  try {
    await openTemplate(page);
    const first = { subject: "{{code}} is your E2E key for {{productName}}", heading: "E2E heading one", body: "E2E hello {{email}}.\n\nE2E <b>not bold</b> & fine." };
    await fillText(page, first);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByTestId("preview-subject")).toHaveText("123456 is your E2E key for Mailgate");
    await expect(desktop(page)).toContainText("E2E hello ada@example.com.");
    await expect(page.getByLabel("Email preview, text")).toContainText("E2E <b>not bold</b> & fine.");

    const sentAfter = new Date();
    await page.getByRole("button", { name: "Send a test to me", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: `Test sent to ${ADMIN.email} with sample values` })).toBeVisible();
    const test = await mailbox.waitForMessage(ADMIN.email, (m) => m.subject.includes("E2E key"), { after: sentAfter });
    expect(test.subject).toBe("123456 is your E2E key for Mailgate");
    expect(test.html).toContain("E2E &lt;b&gt;not bold&lt;/b&gt; &amp; fine.");
    expect(test.html).toContain(`E2E hello ${ADMIN.email}.`);

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved as a new version. Emails use it from now on." })).toBeVisible();
    await expect(page.getByText(`In use: the version saved by ${ADMIN.email}`, { exact: false })).toBeVisible();

    const user = await users.create({ prefix: "templates" });
    const visitor = await newConsolePage();
    const after = new Date();
    await visitor.goto(consoleUrl("/sign-in?method=code"));
    await visitor.getByLabel("Email", { exact: true }).fill(user.email);
    await visitor.getByRole("button", { name: "Email me a code", exact: true }).click();
    const real = await mailbox.waitForMessage(user.email, () => true, { after });
    expect(real.subject).toMatch(/^\d{6} is your E2E key for Mailgate$/);
    expect(real.text).toContain("E2E heading one");

    await fillText(page, { heading: "E2E heading two" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByLabel("Heading", { exact: true })).toHaveValue("E2E heading two");
    await page.getByRole("button", { name: /^Revert to the version of / }).first().click();
    await expect(page.getByRole("status").filter({ hasText: "That version is in use again." })).toBeVisible();
    await expect(page.getByLabel("Heading", { exact: true })).toHaveValue("E2E heading one");
    await expect(desktop(page)).toContainText("E2E heading one");
  } finally {
    await openTemplate(page);
    const reset = page.getByRole("button", { name: "Reset to the built-in text", exact: true });
    if (await reset.isVisible()) {
      await reset.click();
      await expect(page.getByRole("status").filter({ hasText: "The built-in text is in use again." })).toBeVisible();
    }
  }
});
