import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, mailbox, requestResetCode, submitCode, submitPasswordSignIn, uniqueEmail, uniquePassword } from "./fixtures";
import { createAccountOnInvitation } from "./invitation-fixtures";
import type { Check, TourData } from "./page-tour";

/**
 * The signed-out pages only a form reaches, for e2e/page-tour.ts: each is
 * reached the way a person reaches it (codes read from the SMTP sink, the
 * test OpenID Connect provider's login page), then checked where it stands.
 */
type FormTour = TourData & { invitation: string; connector: string };

const at = (page: Page, pathname: string) => expect(page).toHaveURL((url) => url.pathname === pathname);

export async function formPages(page: Page, check: Check, data: FormTour) {
  await page.goto(data.invitation);
  await createAccountOnInvitation(page, data.invitation, uniquePassword());
  await check(page, null);

  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("tour-sign-up"));
  await page.getByLabel("Password", { exact: true }).fill(uniquePassword());
  await page.getByRole("button", { name: "Create account", exact: true }).click();
  await at(page, "/sign-up/verify");
  await check(page, null);

  const member = await data.users.create({ prefix: "tour-member" });
  await resetPages(page, check, member.email);
  await socialPages(page, check, data.connector, member.email);

  await data.orgs.addEmailFactor(member);
  await submitPasswordSignIn(page, member.email, member.password);
  await at(page, "/sign-in/mfa");
  await check(page, null);
}

/** /forgot-password/verify, then /forgot-password/reset after the right code. */
async function resetPages(page: Page, check: Check, email: string) {
  const after = new Date();
  await requestResetCode(page, email);
  await at(page, "/forgot-password/verify");
  await check(page, null);
  await submitCode(page, await mailbox.waitForCode(email, { after }));
  await at(page, "/forgot-password/reset");
  await check(page, null);
}

/**
 * /sign-in/social/email (the provider gives no address) and
 * /sign-in/social/link (its verified address has an account here). The
 * cookies go first each time, so the provider asks who signs in again.
 */
async function socialPages(page: Page, check: Check, connector: string, existing: string) {
  for (const [login, pathname] of [
    [`noemail:tour-${randomBytes(4).toString("hex")}`, "/sign-in/social/email"],
    [existing, "/sign-in/social/link"],
  ] as const) {
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: `Continue with ${connector}`, exact: true }).click();
    await page.getByLabel("Login name").fill(login);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await at(page, pathname);
    await check(page, null);
  }
}
