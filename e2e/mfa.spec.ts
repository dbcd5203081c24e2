import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import {
  codeField,
  expect,
  expectSignedIn,
  mailbox,
  requestSignInCode,
  signOut,
  step,
  submitCode,
  submitPasswordSignIn,
  test,
} from "./fixtures";
import { answerWithTotp, confirmItsYou, enableTotp, section, SECURITY, wrongCode } from "./mfa-setup";
import { codeForStep, stepAt } from "./totp";

/*
 * Two-step verification: setting factors up on /account/security and the
 * second step of sign-in on /sign-in/mfa. Authenticator codes come from
 * e2e/totp.ts (written apart from the app's own TOTP code). Each file run
 * gets its own client address (X-Forwarded-For, as behind a proxy), so these
 * tests do not spend the per-IP send cap the other specs share.
 */
const IP = `100.64.${randomInt(0, 256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": IP } });

const BIND_MFA = /code to turn on .* two-step verification/;
const MFA_CODE = /two-step verification code/;

/** The page's own alerts (Next.js's route announcer is an alert too, outside <main>). */
const alerts = (page: Page) => page.getByRole("main").getByRole("alert");
const onMfaPage = (page: Page) => expect(page).toHaveURL((url) => url.pathname === "/sign-in/mfa");

/** The backup codes on screen (shown once), after checking the warning and the download link. */
async function readBackupCodes(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "Backup codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  await expect(page.getByText("they won't be shown again")).toBeVisible();
  const download = page.getByRole("link", { name: "Download as text", exact: true });
  await expect(download).toHaveAttribute("href", /^data:text\/plain/);
  await expect(download).toHaveAttribute("download", "backup-codes.txt");
  const codes = (await list.getByRole("listitem").allInnerTexts()).map((code) => code.trim());
  for (const code of codes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
  return codes;
}

/** Turns on email codes (confirm → code from the BindMfa email → on). */
async function enableEmailCodes(page: Page, email: string, password: string) {
  await confirmItsYou(page, password);
  await step("turn on email codes", async () => {
    const emailCodes = section(page, "Email codes");
    const after = new Date();
    await emailCodes.getByRole("button", { name: "Turn on email codes", exact: true }).click();
    await expect(emailCodes.getByText(`We sent a code to ${email}`)).toBeVisible();
    const code = await mailbox.waitForCode(email, { after, subject: BIND_MFA });
    await emailCodes.getByLabel("Verification code", { exact: true }).fill(code);
    await emailCodes.getByRole("button", { name: "Turn on", exact: true }).click();
  });
}

async function answerWithBackupCode(page: Page, code: string) {
  await page.getByRole("link", { name: "Backup code", exact: true }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("method") === "backup_code");
  await page.getByLabel("Backup code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}

test("email codes as the second step of a password sign-in", async ({ page, signedInUser }) => {
  const { email, password } = signedInUser;

  await step("the page says nothing is on and asks to confirm first", async () => {
    await page.goto(SECURITY);
    await expect(section(page, "Email codes").getByText("Off", { exact: true })).toBeVisible();
    await expect(section(page, "Authenticator app").getByText("Off", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Turn on email codes" })).toHaveCount(0);
  });

  await enableEmailCodes(page, email, password);
  await step("the first factor comes with backup codes, shown once", async () => {
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email codes are on." })).toBeVisible();
    await readBackupCodes(page);
    await expect(section(page, "Email codes").getByText("On", { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("list", { name: "Backup codes" })).toHaveCount(0);
    await expect(section(page, "Backup codes").getByText("10 of 10 left")).toBeVisible();
  });
  await signOut(page);

  await step("password sign-in asks for the second step", async () => {
    await submitPasswordSignIn(page, email, password);
    await onMfaPage(page);
    await expect(page.getByText(/^One more step to sign in to e•••@mailgate\.test/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Email code", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: "Backup code", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Password", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Authenticator app", exact: true })).toHaveCount(0);
    // No session yet.
    await page.goto("/");
    await expect(page.getByText(/Signed in as/)).toHaveCount(0);
    await page.goto("/sign-in/mfa");
  });

  await step("an emailed code passes it; a wrong one says how many tries are left", async () => {
    const after = new Date();
    await page.getByRole("button", { name: "Send a code to e•••@mailgate.test", exact: true }).click();
    await expect(page.getByText("We sent a code to e•••@mailgate.test")).toBeVisible();
    const message = await mailbox.waitForMessage(email, (m) => MFA_CODE.test(m.subject), { after });
    const code = await mailbox.waitForCode(email, { after, subject: MFA_CODE });
    expect(message.subject).toContain(code);
    await submitCode(page, code === "000000" ? "111111" : "000000");
    await expect(alerts(page).filter({ hasText: "You have 4 tries left." })).toBeVisible();
    await submitCode(page, code);
    await expectSignedIn(page, email);
  });

  await step("the challenge is gone once used", async () => {
    await page.goto("/sign-in/mfa");
    await expect(page).toHaveURL((url) => url.pathname === "/");
  });
});

test("an authenticator app, then sign-in with its codes", async ({ page, signedInUser }) => {
  test.slow(); // a second sign-in within 30 s waits for the next time step
  const { email, password } = signedInUser;

  const totp = await enableTotp(page, password);
  await readBackupCodes(page);
  await signOut(page);

  await step("sign in with a code from the app", async () => {
    await submitPasswordSignIn(page, email, password);
    await onMfaPage(page);
    await expect(page.getByRole("link", { name: "Authenticator app", exact: true })).toHaveAttribute("aria-current", "page");
    totp.lastStep = await answerWithTotp(page, totp);
    await expectSignedIn(page, email);
  });
  await signOut(page);

  await step("the same time step is refused the second time", async () => {
    await submitPasswordSignIn(page, email, password);
    await onMfaPage(page);
    await page.getByLabel("Code from your authenticator app", { exact: true }).fill(codeForStep(totp.secret, totp.lastStep));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(alerts(page).filter({ hasText: /already used|wrong/ })).toBeVisible();
    totp.lastStep = await answerWithTotp(page, totp);
    await expectSignedIn(page, email);
  });
});

test("a backup code signs in once", async ({ page, signedInUser }) => {
  const { email, password } = signedInUser;
  await enableTotp(page, password);
  const [first, second] = await readBackupCodes(page);
  await signOut(page);

  await step("a backup code passes the second step", async () => {
    await submitPasswordSignIn(page, email, password);
    await onMfaPage(page);
    await answerWithBackupCode(page, first!.toUpperCase()); // typed any case
    await expectSignedIn(page, email);
    await page.goto(SECURITY);
    await expect(section(page, "Backup codes").getByText("9 of 10 left")).toBeVisible();
  });
  await signOut(page);

  await step("the same code is refused the second time", async () => {
    await submitPasswordSignIn(page, email, password);
    await onMfaPage(page);
    await answerWithBackupCode(page, first!);
    await expect(alerts(page).filter({ hasText: "That backup code is wrong or was already used. You have 4 tries left." })).toBeVisible();
    await page.getByLabel("Backup code", { exact: true }).fill(second!);
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expectSignedIn(page, email);
  });
});

test("after an email-code sign-in, email is not offered as the second step", async ({ page, signedInUser }) => {
  const { email, password } = signedInUser;
  await enableEmailCodes(page, email, password);
  await readBackupCodes(page);
  await signOut(page);

  const after = new Date();
  await requestSignInCode(page, email);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
  await submitCode(page, await mailbox.waitForCode(email, { after, subject: /sign-in code/ }));
  await onMfaPage(page);

  await step("the password and backup codes are offered, email is not", async () => {
    await expect(page.getByRole("link", { name: "Email code", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Send a code/ })).toHaveCount(0);
    await page.goto("/sign-in/mfa?method=email");
    await expect(page.getByRole("button", { name: /^Send a code/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Backup code", exact: true })).toHaveAttribute("aria-current", "page");
  });

  await step("the password passes the second step", async () => {
    await page.getByRole("link", { name: "Password", exact: true }).click();
    await page.getByLabel("Password", { exact: true }).fill(`${password}-wrong`);
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(alerts(page).filter({ hasText: "That password is wrong. You have 4 tries left." })).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expectSignedIn(page, email);
  });
  // Only the sign-in code went out: no MfaVerification email.
  expect((await mailbox.messages(email)).filter((m) => MFA_CODE.test(m.subject))).toHaveLength(0);
});

test("five wrong authenticator codes end the challenge", async ({ page, signedInUser }) => {
  const { email, password } = signedInUser;
  const totp = await enableTotp(page, password);
  await signOut(page);

  await submitPasswordSignIn(page, email, password);
  await onMfaPage(page);
  const field = page.getByLabel("Code from your authenticator app", { exact: true });
  for (let left = 4; left >= 1; left--) {
    await field.fill(wrongCode(totp.secret));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(alerts(page).filter({ hasText: `You have ${left} ${left === 1 ? "try" : "tries"} left.` })).toBeVisible();
  }
  await field.fill(wrongCode(totp.secret));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(alerts(page).filter({ hasText: "Too many wrong tries: sign in again." })).toBeVisible();

  await step("even a right code no longer helps: the challenge is over", async () => {
    // An ended challenge is refused before any code is looked at.
    await field.fill(codeForStep(totp.secret, stepAt(Date.now())));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(alerts(page).filter({ hasText: "This sign-in has expired. Start again." })).toBeVisible();
    await page.goto("/sign-in/mfa");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    await page.goto("/");
    await expect(page.getByText(/Signed in as/)).toHaveCount(0);
  });
});

test("turning a factor off needs a fresh confirmation", async ({ page, signedInUser }) => {
  const { email, password } = signedInUser;
  await enableTotp(page, password);
  await readBackupCodes(page);
  await enableEmailCodes(page, email, password);
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email codes are on." })).toBeVisible();

  await step("without a confirmation there is no way to turn it off", async () => {
    await page.goto(SECURITY);
    await expect(page.getByRole("link", { name: "Confirm it's you", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Turn off email codes" })).toHaveCount(0);
  });

  await step("a confirmation used up elsewhere is refused by the action itself", async () => {
    await confirmItsYou(page, password);
    const otherTab = await page.context().newPage();
    await otherTab.goto(SECURITY);
    await otherTab.getByRole("button", { name: "Regenerate backup codes", exact: true }).click();
    await readBackupCodes(otherTab);
    await otherTab.close();
    await section(page, "Email codes").getByRole("button", { name: "Turn off email codes", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify" && url.searchParams.get("next") === SECURITY);
  });

  await step("with a fresh one it goes off", async () => {
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === SECURITY);
    await section(page, "Email codes").getByRole("button", { name: "Turn off email codes", exact: true }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Email codes are off." })).toBeVisible();
    await expect(section(page, "Email codes").getByText("Off", { exact: true })).toBeVisible();
    await expect(section(page, "Authenticator app").getByText("On", { exact: true })).toBeVisible();
  });
});

test("regenerated backup codes replace the old ones", async ({ page, signedInUser }) => {
  const { email, password } = signedInUser;
  await enableTotp(page, password);
  const old = await readBackupCodes(page);

  await confirmItsYou(page, password);
  await page.getByRole("button", { name: "Regenerate backup codes", exact: true }).click();
  await expect(page.getByText("New backup codes are ready. The old ones no longer work.")).toBeVisible();
  const fresh = await readBackupCodes(page);
  expect(fresh.filter((code) => old.includes(code))).toEqual([]);
  await signOut(page);

  await submitPasswordSignIn(page, email, password);
  await onMfaPage(page);
  await answerWithBackupCode(page, old[0]!);
  await expect(alerts(page).filter({ hasText: "That backup code is wrong or was already used." })).toBeVisible();
  await page.getByLabel("Backup code", { exact: true }).fill(fresh[0]!);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expectSignedIn(page, email);
});

test.describe("without JavaScript", () => {
  test("set up an authenticator app and sign in with a backup code", async ({ newPage, verifiedUser }) => {
    const { email, password } = verifiedUser;
    const noJs = await newPage({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": IP } });
    await submitPasswordSignIn(noJs, email, password);
    await expectSignedIn(noJs, email);
    await enableTotp(noJs, password, { wrongFirst: true });
    const [code] = await readBackupCodes(noJs);
    await signOut(noJs);

    await submitPasswordSignIn(noJs, email, password);
    await onMfaPage(noJs);
    await expect(codeField(noJs)).toHaveCount(0);
    await answerWithBackupCode(noJs, code!);
    await expectSignedIn(noJs, email);
  });
});
