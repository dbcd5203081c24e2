import type { Locator, Page } from "@playwright/test";
import { consoleUrl, expect, expectNotFound, failNextSmtp, mailbox, test, uniquePassword } from "./console-fixtures";

/**
 * The console's Deliveries and Sign-in experience pages, against the console
 * instance (3101), whose emails go over SMTP to the sink on 2525 and are
 * retried within seconds (OUTBOX_RETRY_BASE_SECONDS=2). Serial: the
 * sign-in experience tests change settings every page reads, and put them
 * back before they end.
 */
test.describe.configure({ mode: "serial" });

/** The expected mask, worked out here rather than imported: `e2e-x-1a2b@mailgate.test` → `e•••b@mailgate.test`. */
function masked(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local[0]}•••${local[local.length - 1]}@${domain}`;
}

/** The first step of sign-up only: the Register code email is sent (or refused); the account is not finished. */
async function startSignUp(page: Page, email: string) {
  await page.goto(consoleUrl("/sign-up"));
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(uniquePassword());
  await page.getByRole("button", { name: "Create account", exact: true }).click();
}

const deliveriesFor = (email: string) => consoleUrl(`/console/deliveries?recipient=${encodeURIComponent(email)}`);
const table = (page: Page) => page.getByRole("table", { name: "Emails, newest first" });
const rows = (page: Page) => table(page).getByRole("row").filter({ has: page.getByRole("cell") });
/** Cells by column: 0 status (and Retry), 1 provider report, 2 email (and View), 3 recipient, 4 connector, 5 attempts, 6 next attempt, 7 error, 8 provider id, 9 created, 10 sent. */
const cell = (row: Locator, column: number) => row.getByRole("cell").nth(column);

/** Reloads the deliveries of `email` until its newest message has `status` (the worker runs in the background). */
async function waitForStatus(page: Page, email: string, status: string, timeout = 30_000) {
  await expect(async () => {
    await page.goto(deliveriesFor(email));
    await expect(cell(rows(page).first(), 0)).toHaveText(new RegExp(`^${status}`), { timeout: 1_000 });
  }).toPass({ timeout, intervals: [250, 500, 1_000] });
}

test("a sign-up code email shows as sent, with the recipient masked and the code hidden", async ({ adminPage: page, newConsolePage, uniqueEmail }) => {
  const email = uniqueEmail("deliveries-sent");
  const user = await newConsolePage();
  const after = new Date();
  await startSignUp(user, email);
  const code = await mailbox.waitForCode(email, { after });

  await page.goto(consoleUrl("/console/deliveries"));
  await expect(page.getByRole("heading", { level: 1, name: "Deliveries" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Emails per hour over the last 24 hours \(UTC\): [1-9]\d* sent/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Messages by status" }).getByRole("link", { name: /^\d+\s*Sent$/ })).toBeVisible();

  // Every e2e address masks to e•••<last hex digit>: another spec's email on this instance can share
  // the mask (1 in 16), so the row is read in the list filtered to this address.
  await expect(rows(page).filter({ hasText: masked(email) }).first()).toBeVisible();
  await page.goto(deliveriesFor(email));
  const row = rows(page).filter({ hasText: masked(email) });
  await expect(row).toHaveCount(1);
  await expect(cell(row, 0)).toHaveText("Sent");
  await expect(cell(row, 1)).toHaveText("No report");
  await expect(cell(row, 2)).toContainText("Sign-up code");
  await expect(cell(row, 3)).toHaveText(masked(email));
  await expect(cell(row, 5)).toHaveText("1/6");
  await expect(cell(row, 8)).not.toHaveText("—");
  await expect(cell(row, 10).locator("time")).toBeVisible();
  // The whole address is not in the list, and the code in the subject is hidden.
  await expect(page.getByText(email)).toHaveCount(0);
  await expect(cell(row, 2)).toContainText("••••••");
  await expect(cell(row, 2)).not.toContainText(code);
});

/** Asks for a sign-in code for an address with no account: the app emails a "no account" notice (no code in it). */
async function requestCodeForUnknownAddress(page: Page, email: string) {
  await page.goto(consoleUrl("/sign-in?method=code"));
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a code", exact: true }).click();
}

test("a refused code email is dead, its code withdrawn: no Retry, content not kept", async ({ adminPage: page, newConsolePage, uniqueEmail }) => {
  const email = uniqueEmail("deliveries-dead-code");
  const user = await newConsolePage();
  await failNextSmtp(1, 550, "5.7.1 Refused by the e2e sink");
  await startSignUp(user, email);
  await expect(user.getByText(/couldn.t send the email/)).toBeVisible();

  await page.goto(deliveriesFor(email));
  const row = rows(page).first();
  await expect(rows(page)).toHaveCount(1);
  await expect(cell(row, 0)).toHaveText(/^Dead/);
  await expect(cell(row, 7)).toContainText("provider_error");
  await expect(cell(row, 7)).toContainText("5.7.1 Refused by the e2e sink");
  // The user was told to try again, which issues a new code: this one must never go out later.
  await expect(row.getByRole("button", { name: /^Retry/ })).toHaveCount(0);
  await expect(cell(row, 0)).toContainText("The code in this message has expired");
  await row.getByRole("link", { name: /^View/ }).click();
  await expect(page.locator("pre.delivery-error-full")).toContainText("5.7.1 Refused by the e2e sink");
  await expect(page.locator("iframe")).toHaveCount(0);
});

test("a refused notice shows as dead with its error and content; Retry sends it", async ({ adminPage: page, newConsolePage, uniqueEmail }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("deliveries-dead");
  const user = await newConsolePage();
  await failNextSmtp(1, 550, "5.7.1 Refused by the e2e sink");
  await requestCodeForUnknownAddress(user, email);
  await expect(user.getByText(/couldn.t send the email/)).toBeVisible();

  await page.goto(deliveriesFor(email));
  const row = rows(page).first();
  await expect(rows(page)).toHaveCount(1);
  await expect(cell(row, 0)).toHaveText(/^Dead/);
  await expect(cell(row, 2)).toContainText("No account for this address");
  await expect(cell(row, 7)).toContainText("provider_error");
  await expect(cell(row, 7)).toContainText("5.7.1 Refused by the e2e sink");

  await test.step("the message's page: full error, timeline and the content in a sandbox", async () => {
    await row.getByRole("link", { name: /^View/ }).click();
    await expect(page).toHaveURL(/\/console\/deliveries\/[0-9a-f-]+$/);
    await expect(page.getByRole("heading", { name: /Error: provider_error/ })).toBeVisible();
    await expect(page.locator("pre.delivery-error-full")).toContainText("5.7.1 Refused by the e2e sink");
    await expect(page.getByText(email, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Timeline (UTC)" })).toBeVisible();
    const frame = page.locator('iframe[title="Email content (HTML)"]');
    await expect(frame).toHaveAttribute("sandbox", "");
    await expect(frame).toHaveAttribute("srcdoc", /^(<!DOCTYPE[^>]*>)?<meta http-equiv="Content-Security-Policy" content="default-src 'none';/i);
    await expect(page.frameLocator('iframe[title="Email content (HTML)"]').locator("body")).toContainText("no account");
    await expect(page.locator("pre.delivery-text")).toContainText("no account");
  });

  await test.step("Retry from the list: queued, then sent by the worker, and the email arrives", async () => {
    await page.goto(deliveriesFor(email));
    const retriedAt = new Date();
    await rows(page).first().getByRole("button", { name: /^Retry/ }).click();
    await expect(page.getByText("Queued for another attempt")).toBeVisible();
    await expect(page).toHaveURL(/retried=1/);
    await waitForStatus(page, email, "Sent");
    await expect(cell(rows(page).first(), 5)).toHaveText(/^2\//);
    await mailbox.waitForMessage(email, () => true, { after: retriedAt });
  });

  await test.step("once sent, its content is no longer kept", async () => {
    await rows(page).first().getByRole("link", { name: /^View/ }).click();
    await expect(page.getByText("Sent messages' content is not kept: it may contain a sign-in code.")).toBeVisible();
    await expect(page.locator("iframe")).toHaveCount(0);
  });
});

test("a temporary failure shows as failed with its next attempt, then is sent on its own", async ({ adminPage: page, newConsolePage, uniqueEmail }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("deliveries-retry");
  const user = await newConsolePage();
  // Two refusals: the inline attempt and the first retry; the second retry (~6 s in) goes through.
  await failNextSmtp(2, 451);
  const after = new Date();
  await startSignUp(user, email);
  await expect(user).toHaveURL((url) => url.pathname === "/sign-up/verify");

  await waitForStatus(page, email, "Failed", 10_000);
  const row = rows(page).first();
  await expect(cell(row, 6).locator("time")).toBeVisible();
  await expect(cell(row, 7)).toContainText("transient");
  await expect(row.getByRole("button", { name: /^Retry/ })).toBeVisible();

  await waitForStatus(page, email, "Sent", 45_000);
  await expect(cell(rows(page).first(), 6)).toHaveText("—");
  await mailbox.waitForCode(email, { after });
});

test("the filters narrow the table, with or without JavaScript", async ({ adminPage: page, newConsolePage, signInAsAdmin, uniqueEmail }) => {
  const email = uniqueEmail("deliveries-filter");
  const after = new Date();
  await startSignUp(await newConsolePage(), email);
  await mailbox.waitForCode(email, { after });

  await page.goto(consoleUrl("/console/deliveries"));
  const filters = page.getByRole("search", { name: "Filter deliveries" });
  await filters.getByLabel("Status", { exact: true }).selectOption("sent");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=sent/);
  await expect(rows(page).first()).toBeVisible();
  for (const status of await rows(page).locator("td:first-child").allInnerTexts()) expect(status).toBe("Sent");

  await filters.getByLabel("Email", { exact: true }).selectOption("Register");
  await filters.getByLabel("Recipient", { exact: true }).fill(email.toUpperCase());
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(cell(rows(page).first(), 3)).toHaveText(masked(email));

  await filters.getByLabel("Email", { exact: true }).selectOption("SignIn");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No emails match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/console/deliveries" && url.search === "");

  // The same GET form with JavaScript off.
  const plain = await newConsolePage({ javaScriptEnabled: false });
  await signInAsAdmin(plain);
  await plain.goto(consoleUrl("/console/deliveries"));
  await plain.getByLabel("Recipient", { exact: true }).fill(email);
  await plain.getByRole("button", { name: "Filter" }).click();
  await expect(rows(plain)).toHaveCount(1);
  await expect(cell(rows(plain).first(), 3)).toHaveText(masked(email));
});

test("non-admins and signed-out visitors get a 404 for deliveries and sign-in experience", async ({ page, newConsolePage, users }) => {
  const paths = ["/console/deliveries", "/console/deliveries/00000000-0000-4000-8000-000000000000", "/console/sign-in-experience"];
  for (const path of paths) await expectNotFound(page, path);
  const user = await newConsolePage();
  await users.signIn(user, await users.create({ prefix: "deliveries-nonadmin" }));
  for (const path of paths) await expectNotFound(user, path);
});

// ---------------------------------------------------------------- sign-in experience

const emailCodeToggle = (page: Page) => page.getByLabel("Sign-in with an email code", { exact: true });
const passwordToggle = (page: Page) => page.getByLabel("Sign-in with password", { exact: true });

async function openSignInExperience(page: Page) {
  await page.goto(consoleUrl("/console/sign-in-experience"));
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in experience" })).toBeVisible();
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

test("turning email-code sign-in off removes “Email me a code” from the sign-in page, and on brings it back", async ({ adminPage: page, newConsolePage }) => {
  await openSignInExperience(page);
  await expect(emailCodeToggle(page)).toBeChecked();
  const visitor = await newConsolePage();
  try {
    await emailCodeToggle(page).uncheck();
    await save(page);
    await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
    await expect(emailCodeToggle(page)).not.toBeChecked();

    await visitor.goto(consoleUrl("/sign-in"));
    await expect(visitor.getByLabel("Password", { exact: true })).toBeVisible();
    await expect(visitor.getByRole("link", { name: "Email me a code instead" })).toHaveCount(0);
    await visitor.goto(consoleUrl("/sign-in?method=code"));
    await expect(visitor.getByRole("button", { name: "Email me a code", exact: true })).toHaveCount(0);
  } finally {
    await openSignInExperience(page);
    await emailCodeToggle(page).check();
    await save(page);
    await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
  }
  await visitor.goto(consoleUrl("/sign-in"));
  await expect(visitor.getByRole("link", { name: "Email me a code instead" })).toBeVisible();
});

test("“Sign-up: open / by invitation only”: by invitation, /sign-up explains instead of showing its form", async ({ adminPage: page, newConsolePage }) => {
  await openSignInExperience(page);
  const modes = page.getByRole("group", { name: "Sign-up: open / by invitation only" });
  const open = modes.getByLabel("Open", { exact: true });
  const byInvitation = modes.getByLabel("By invitation only", { exact: true });
  await expect(open).toBeChecked();
  const visitor = await newConsolePage();
  try {
    await byInvitation.check();
    await save(page);
    await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
    await expect(byInvitation).toBeChecked();
    await visitor.goto(consoleUrl("/sign-up"));
    await expect(visitor.getByText(/^Sign-up is by invitation only\./)).toBeVisible();
    await expect(visitor.getByLabel("Email")).toHaveCount(0);
  } finally {
    await openSignInExperience(page);
    await open.check();
    await save(page);
    await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
  }
  await visitor.goto(consoleUrl("/sign-up"));
  await expect(visitor.getByLabel("Email", { exact: true })).toBeVisible();
});

test("sign-in experience refuses turning both sign-in methods off and out-of-range limits, and saves nothing", async ({ adminPage: page }) => {
  await openSignInExperience(page);
  const lifetime = page.getByLabel("Code lifetime", { exact: true });
  const saved = await lifetime.inputValue();
  await expect(page.getByText(/^From 60 to 600 seconds; the default is 600\.$/)).toBeVisible();

  await passwordToggle(page).uncheck();
  await emailCodeToggle(page).uncheck();
  await save(page);
  await expect(page.getByText("At least one sign-in method must stay on: password sign-in or email-code sign-in.")).toBeVisible();
  // The refused input stays in the form.
  await expect(passwordToggle(page)).not.toBeChecked();

  await passwordToggle(page).check();
  await emailCodeToggle(page).check();
  await lifetime.fill("30");
  await save(page);
  await expect(page.getByText("Enter a whole number from 60 to 600 (seconds).")).toBeVisible();
  await expect(lifetime).toHaveAttribute("aria-invalid", "true");

  await openSignInExperience(page);
  await expect(lifetime).toHaveValue(saved);
  await expect(passwordToggle(page)).toBeChecked();
  await expect(emailCodeToggle(page)).toBeChecked();
});

test("sign-in experience edits the organization invitation limits within their bounds", async ({ adminPage: page }) => {
  await openSignInExperience(page);
  const invitations = page.getByRole("group", { name: "Organization invitations" });
  const expiry = invitations.getByLabel("Invitation links stay valid for", { exact: true });
  await expect(expiry).toHaveValue("7");
  await expect(invitations.getByText(/^From 1 to 30 days; the default is 7\.$/)).toBeVisible();
  try {
    await expiry.fill("31");
    await save(page);
    await expect(page.getByText("Enter a whole number from 1 to 30 (days).")).toBeVisible();
    await expect(expiry).toHaveAttribute("aria-invalid", "true");

    await expiry.fill("3");
    await invitations.getByLabel("Pending invitations per organization", { exact: true }).fill("20");
    await save(page);
    await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
    await openSignInExperience(page);
    await expect(expiry).toHaveValue("3");
    await expect(invitations.getByLabel("Pending invitations per organization", { exact: true })).toHaveValue("20");
  } finally {
    await openSignInExperience(page);
    await expiry.fill("7");
    await invitations.getByLabel("Pending invitations per organization", { exact: true }).fill("50");
    await save(page);
    await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
  }
});

test("sign-in experience saves without JavaScript", async ({ newConsolePage, signInAsAdmin }) => {
  const page = await newConsolePage({ javaScriptEnabled: false });
  await signInAsAdmin(page);
  await openSignInExperience(page);
  const cooldown = page.getByLabel("Wait before another code can be sent", { exact: true });
  const saved = await cooldown.inputValue();
  const changed = String(Number(saved) === 90 ? 91 : 90);
  try {
    await cooldown.fill(changed);
    await save(page);
    await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
    await openSignInExperience(page);
    await expect(cooldown).toHaveValue(changed);
  } finally {
    await openSignInExperience(page);
    await cooldown.fill(saved);
    await save(page);
    await expect(page.getByText("Saved. The sign-in pages use these settings from now on.")).toBeVisible();
  }
});
