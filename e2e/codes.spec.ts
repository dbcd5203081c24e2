import type { Page } from "@playwright/test";
import {
  codeField,
  expect,
  expectSignedIn,
  expectSignedOut,
  postedCode,
  requestSignInCode,
  submitCode,
  test,
  uniquePassword,
} from "./fixtures";

/** Fills the sign-up form and lands on /sign-up/verify; returns the emailed code. */
async function startSignUp(page: Page, email: string, mailbox: { waitForCode(to: string, o?: { after?: Date }): Promise<string> }) {
  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(uniquePassword());
  const after = new Date();
  await page.getByRole("button", { name: "Create account", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-up/verify");
  await expect(page.getByText(`We sent a code to ${email}`)).toBeVisible();
  return mailbox.waitForCode(email, { after });
}

/** A code that is certainly not `code`. */
const wrongCode = (code: string, offset: number) => String((Number(code) + offset) % 1_000_000).padStart(6, "0");

/** Clicks Verify and waits for the server's answer (a POST), so stale text is not mistaken for the new result. */
async function verifyAndWait(page: Page) {
  const answered = page.waitForResponse((res) => res.request().method() === "POST", { timeout: 15_000 });
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await answered;
}

/** Pastes `text` from the real clipboard into the code field (Ctrl/Cmd+V). */
async function paste(page: Page, text: string) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await codeField(page).click();
  await page.keyboard.press("ControlOrMeta+V");
}

/** The app may submit on paste; otherwise press Verify. */
async function verifyIfStillThere(page: Page) {
  const left = await page
    .waitForURL((url) => url.pathname === "/", { timeout: 1_500 })
    .then(() => true)
    .catch(() => false);
  if (!left) await page.getByRole("button", { name: "Verify", exact: true }).click();
}

test("five wrong codes kill the code; then even the right code is refused", async ({ page, mailbox, uniqueEmail }) => {
  const email = uniqueEmail("wrong");
  const code = await startSignUp(page, email, mailbox);

  for (const [i, left] of [4, 3, 2, 1].entries()) {
    await codeField(page).fill(wrongCode(code, i + 1));
    await verifyAndWait(page);
    const tries = left === 1 ? /That code is wrong\. You have 1 tr(?:y|ies) left\./ : `That code is wrong. You have ${left} tries left.`;
    await expect(page.getByText(tries)).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === "/sign-up/verify");
  }

  await codeField(page).fill(wrongCode(code, 5));
  await verifyAndWait(page);
  const dead = page.getByText("This code can no longer be used. Request a new code.");
  await expect(dead).toBeVisible();

  await codeField(page).fill(code);
  await verifyAndWait(page);
  await expect(dead).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-up/verify");

  await page.goto("/");
  await expectSignedOut(page);
});

test("pasting the code as '123 456' into the code field works", async ({ page, mailbox, uniqueEmail }) => {
  const email = uniqueEmail("paste-spaced");
  const code = await startSignUp(page, email, mailbox);

  const field = codeField(page);
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await paste(page, `${code.slice(0, 3)} ${code.slice(3)}`);
  await expect
    .poll(async () => (page.url().includes("/verify") ? (await postedCode(page)).replace(/\D/g, "") : code))
    .toBe(code);
  await verifyIfStillThere(page);
  await expectSignedIn(page, email);
});

test("pasting the whole code into the sign-in code field works", async ({ page, mailbox, verifiedUser: { email } }) => {

  const after = new Date();
  await requestSignInCode(page, email);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
  const code = await mailbox.waitForCode(email, { after });

  await paste(page, code);
  await expect
    .poll(async () => (page.url().includes("/verify") ? (await postedCode(page)).replace(/\D/g, "") : code))
    .toBe(code);
  await verifyIfStillThere(page);
  await expectSignedIn(page, email);
});

test("right after a send, Resend code is disabled and counts down", async ({ page, mailbox, uniqueEmail }) => {
  const email = uniqueEmail("resend");
  await startSignUp(page, email, mailbox);

  const countdown = page.getByText(/Resend code in \d+s/);
  await expect(countdown).toBeVisible();
  const resend = page.getByRole("button", { name: /^Resend code/ });
  await expect(resend).toBeVisible();
  await expect(resend).toBeDisabled();

  const seconds = async () => Number(/Resend code in (\d+)s/.exec(await countdown.innerText())?.[1] ?? NaN);
  const first = await seconds();
  expect(first).toBeGreaterThan(45);
  expect(first).toBeLessThanOrEqual(60);
  await expect.poll(seconds, { timeout: 5_000 }).toBeLessThan(first);
  await expect(resend).toBeDisabled();

  await expect(page.getByRole("link", { name: "Use a different email", exact: true })).toBeVisible();
});

test("a permanent send failure shows “We couldn't send the email”", async ({ page, mailbox, verifiedUser: { email } }) => {

  await mailbox.failNext(1, 550);
  const after = new Date();
  await requestSignInCode(page, email);
  await expect(page.getByText(/We couldn[’']t send the email/)).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  expect(await mailbox.messages(email).then((list) => list.filter((m) => new Date(m.date) >= after))).toHaveLength(0);
});

test("a temporary send failure says the email is delayed, and the outbox delivers the code", async ({ page, mailbox, verifiedUser: { email } }) => {

  await mailbox.failNext(1, 451);
  const after = new Date();
  await requestSignInCode(page, email);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
  await expect(page.getByRole("status").filter({ hasText: "taking longer than usual" })).toBeVisible();
  // The e2e app retries after ~2 s (OUTBOX_RETRY_BASE_SECONDS=2).
  const code = await mailbox.waitForCode(email, { after, timeout: 20_000 });
  await submitCode(page, code);
  await expectSignedIn(page, email);
});
