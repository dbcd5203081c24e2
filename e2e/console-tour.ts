import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { CONSOLE_URL, consoleUrl, ensureAdmin, expect, failNextSmtp, uniquePassword } from "./console-fixtures";
import { instanceAt, SUITE_BROWSER, uniqueEmail } from "./fixtures";
import type { Check } from "./page-tour";
import { orgsOf } from "./seed/orgs";
import { suppressionsOf } from "./seed/suppressions";
import { seedSocialConnector } from "./social-connectors";

/**
 * Every console page, as the admin, for e2e/console-phones.spec.ts and
 * e2e/console-a11y.spec.ts. Pages with an id get their data first: an email
 * the SMTP sink refused for good (a dead delivery, with its error and
 * Retry), an organization, a disabled GitHub connector (so no other spec's
 * sign-in page gains a button), a suppressed address (a row of the list, and
 * its removal's confirmation).
 */
const PAGES = [
  "/console/connectors",
  "/console/connectors/new",
  "/console/connectors/setup/smtp",
  "/console/connectors/setup/http",
  "/console/emails",
  "/console/branding",
  "/console/sign-in-experience",
  "/console/social",
  "/console/social/new",
  "/console/social/new/github",
  "/console/organizations",
  "/console/admins",
  "/console/deliveries",
  "/console/webhooks",
  "/console/suppressions",
];

/** The href of the link named `name` on `path`. */
async function linkOn(page: Page, path: string, name: string | RegExp): Promise<string> {
  await page.goto(consoleUrl(path));
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  expect(href, `a link named ${name} on ${path}`).toBeTruthy();
  return href!;
}

/** Sends one sign-up code the sink refuses with 550: a dead delivery on /console/deliveries. */
async function refusedDelivery(visitor: Page) {
  await failNextSmtp(1, 550, "5.1.1 The email account that you tried to reach does not exist; please try double-checking the recipient's address");
  await visitor.goto(consoleUrl("/sign-up"));
  await visitor.getByLabel("Email", { exact: true }).fill(uniqueEmail("console-tour-refused"));
  await visitor.getByLabel("Password", { exact: true }).fill(uniquePassword());
  await visitor.getByRole("button", { name: "Create account", exact: true }).click();
  // Sign-up sends at once, so the refusal shows there: the delivery is dead already.
  await expect(visitor.getByRole("alert").filter({ hasText: "We couldn't send the email" })).toBeVisible();
}

export async function tourConsole(admin: Page, visitor: Page, check: Check) {
  await refusedDelivery(visitor);
  const orgName = `Tour ${randomBytes(3).toString("hex")}`;
  await orgsOf(instanceAt(CONSOLE_URL), SUITE_BROWSER).create(await ensureAdmin(), orgName);
  const social = await seedSocialConnector(instanceAt(CONSOLE_URL), { providerId: "github", enabled: false });
  const suppressed = uniqueEmail("console-tour-suppressed");
  await suppressionsOf(instanceAt(CONSOLE_URL)).add(suppressed);
  const more = [
    await linkOn(admin, "/console/emails", /^Edit /),
    await linkOn(admin, "/console/organizations", orgName),
    `/console/social/${social.id}`,
    `/console/suppressions?remove=${encodeURIComponent(suppressed)}`,
    await linkOn(admin, "/console/deliveries", /^View/),
  ];
  for (const path of [...PAGES, ...more]) await check(admin, consoleUrl(path));
}
