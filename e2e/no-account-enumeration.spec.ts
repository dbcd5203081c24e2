import type { Browser, Page } from "@playwright/test";
import {
  expect,
  extractCode,
  mailbox,
  openPage,
  requestResetCode,
  requestSignInCode,
  test,
  uniqueEmail,
  uniquePassword,
} from "./fixtures";

/**
 * An address with an account and one without must get the same URL and the
 * same visible text; only the email that arrives differs. The account is
 * made in the database (the `verifiedUser` fixture), so no code was sent to
 * it before the test and no resend cooldown is running.
 */

/** "You already have an account" (the product name may sit in between: "a Mailgate account"). */
const ALREADY_HAVE_ACCOUNT = /already have an? (?:\S+ )?account/i;

/** URL and visible text of a verify page, with the address and numbers (countdowns) blanked. */
async function verifyScreen(page: Page, email: string) {
  await expect(page.getByText(`We sent a code to ${email}`)).toBeVisible();
  await page.waitForLoadState("networkidle");
  const blank = (s: string) => s.split(encodeURIComponent(email)).join("<email>").split(email).join("<email>");
  const url = new URL(page.url());
  const text = blank(await page.locator("body").innerText()).replace(/\d+/g, "N").replace(/\s+/g, " ").trim();
  return { path: blank(url.pathname + url.search), text };
}

async function screenFor(browser: Browser, email: string, request: (page: Page, email: string) => Promise<void>) {
  const page = await openPage(browser);
  try {
    await request(page, email);
    return await verifyScreen(page, email);
  } finally {
    await page.context().close();
  }
}

test("sign-in code: an unknown address sees exactly what a registered one sees", async ({ browser, verifiedUser: { email: registered } }) => {
  const unknown = uniqueEmail("unknown-code");
  const after = new Date();

  const known = await screenFor(browser, registered, requestSignInCode);
  const stranger = await screenFor(browser, unknown, requestSignInCode);
  expect(known.path).toMatch(/^\/sign-in\/verify/);
  expect(stranger).toEqual(known);

  await mailbox.waitForCode(registered, { after });
  const notice = await mailbox.waitForMessage(unknown, () => true, { after });
  expect(notice.subject, "the unknown address gets a no-account notice").toMatch(/\bno\b.*\baccount\b/i);
  expect(extractCode(notice), `the no-account notice must carry no code: ${JSON.stringify(notice.subject)}`).toBeNull();
});

test("forgot password: an unknown address sees exactly what a registered one sees", async ({ browser, verifiedUser: { email: registered } }) => {
  const unknown = uniqueEmail("unknown-reset");
  const after = new Date();

  const known = await screenFor(browser, registered, requestResetCode);
  const stranger = await screenFor(browser, unknown, requestResetCode);
  expect(known.path).toMatch(/^\/forgot-password\/verify/);
  expect(stranger).toEqual(known);

  await mailbox.waitForCode(registered, { after });
  const toStranger = await mailbox.messages(unknown);
  expect(toStranger.filter((m) => extractCode(m) !== null), "no code may be sent to an address without an account").toHaveLength(0);
});

test("sign-up with an existing address shows the new-address screen and emails a notice", async ({ browser, verifiedUser: { email: registered } }) => {
  const fresh = uniqueEmail("new-signup");
  const signUpForm = async (page: Page, email: string) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(uniquePassword());
    await page.getByRole("button", { name: "Create account", exact: true }).click();
  };
  const after = new Date();

  const newcomer = await screenFor(browser, fresh, signUpForm);
  const existing = await screenFor(browser, registered, signUpForm);
  expect(newcomer.path).toMatch(/^\/sign-up\/verify/);
  expect(existing).toEqual(newcomer);

  await mailbox.waitForCode(fresh, { after });
  const notice = await mailbox.waitForMessage(registered, (m) => ALREADY_HAVE_ACCOUNT.test(m.subject), { after });
  expect(extractCode(notice), "the account-exists notice must carry no code").toBeNull();
  const codes = (await mailbox.messages(registered)).filter((m) => new Date(m.date) >= after && extractCode(m) !== null);
  expect(codes, "the existing account must not be sent a sign-up code").toHaveLength(0);
});
