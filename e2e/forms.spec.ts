import type { Page } from "@playwright/test";
import { codeField, expect, expectSignedIn, postedCode, requestSignInCode, step, submitPasswordSignIn, test } from "./fixtures";

// How the auth forms behave for people: the code boxes, the resend
// countdown, the show-password button, first-field focus and errors, each
// with JavaScript and as plain HTML forms without it.

/** A code that is certainly not `code`. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
const box = (page: Page, n: number) => page.getByRole("textbox", { name: `Digit ${n} of 6`, exact: true });
const boxValues = (page: Page) => Promise.all([1, 2, 3, 4, 5, 6].map((n) => box(page, n).inputValue()));
const fieldError = (page: Page, text: string | RegExp) => page.locator(".field-error").filter({ hasText: text });

/** Submits sign-up with a bad email and a short password at once. */
async function submitBadSignUp(page: Page) {
  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account", exact: true }).click();
}

test.describe("with JavaScript", () => {
  test("six code boxes: typing moves on, Backspace and arrows move back, a wrong code stays, a paste fills every box", async ({
    page,
    mailbox,
    verifiedUser: { email },
  }) => {
    // A page clock, so the resend countdown can run out without a minute's wait.
    await page.clock.install();
    const after = new Date();
    await requestSignInCode(page, email);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
    const code = await mailbox.waitForCode(email, { after });
    const wrong = wrongCode(code);

    await step("one labelled group of six boxes, the first focused", async () => {
      const group = page.getByRole("group", { name: "Verification code", exact: true });
      await expect(group).toBeVisible();
      await expect(group.getByRole("textbox")).toHaveCount(6);
      await expect(box(page, 1)).toHaveAttribute("autocomplete", "one-time-code");
      await expect(box(page, 1)).toBeFocused();
    });

    await step("typing moves on; Backspace on an empty box goes back and clears it; arrows move", async () => {
      await page.keyboard.type(wrong.slice(0, 5));
      await expect(box(page, 6)).toBeFocused();
      await page.keyboard.press("Backspace");
      await expect(box(page, 5)).toBeFocused();
      await expect(box(page, 5)).toHaveValue("");
      await page.keyboard.press("ArrowLeft");
      await expect(box(page, 4)).toBeFocused();
      await page.keyboard.press("ArrowRight");
      await expect(box(page, 5)).toBeFocused();
      await page.keyboard.type(wrong.slice(4));
      expect(await postedCode(page)).toBe(wrong);
    });

    await step("a wrong code is refused and its digits stay in the boxes", async () => {
      await page.getByRole("button", { name: "Verify", exact: true }).click();
      await expect(page.getByText(/That code is wrong\./)).toBeVisible();
      expect(await boxValues(page)).toEqual([...wrong]);
      await expect(box(page, 1)).toHaveAttribute("aria-invalid", "true");
    });

    await step("the countdown is not a live region; 'You can send a new code now' is announced once it runs out", async () => {
      const countdown = page.getByText(/Resend code in \d+s/);
      await expect(countdown).toHaveAttribute("aria-hidden", "true");
      await expect(page.getByRole("button", { name: /^Resend code/ })).toHaveAccessibleName("Resend code");
      await expect(page.locator("[aria-live], [role=status], [role=alert]").filter({ hasText: /Resend code in/ })).toHaveCount(0);
      const status = page.getByRole("status").filter({ hasText: "You can send a new code now" });
      await expect(status).toHaveCount(0);
      await page.clock.fastForward("01:05");
      await expect(status).toHaveCount(1);
      await expect(page.getByRole("button", { name: "Resend code", exact: true })).toBeEnabled();
    });

    await step("pasting ' 123 456 ' into the fourth box fills all six; Verify signs in", async () => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.evaluate((text) => navigator.clipboard.writeText(text), ` ${code.slice(0, 3)} ${code.slice(3)} `);
      await box(page, 4).click();
      await page.keyboard.press("ControlOrMeta+V");
      expect(await boxValues(page)).toEqual([...code]);
      await page.getByRole("button", { name: "Verify", exact: true }).click();
      await expectSignedIn(page, email);
    });
  });

  test("Show password on every password field; it keeps focus and types back to hidden", async ({ page, users, verifiedUser }) => {
    const check = async (path: string) => {
      await page.goto(path);
      const password = page.getByLabel("Password", { exact: true });
      const toggle = page.getByRole("button", { name: "Show password", exact: true });
      await password.fill("a secret phrase");
      await expect(password).toHaveAttribute("type", "password");
      await expect(toggle).toHaveAttribute("aria-pressed", "false");
      await toggle.click();
      await expect(password).toHaveAttribute("type", "text");
      await expect(password).toBeFocused();
      const hide = page.getByRole("button", { name: "Hide password", exact: true });
      await expect(hide).toHaveAttribute("aria-pressed", "true");
      await hide.focus();
      await page.keyboard.press("Enter");
      await expect(password).toHaveAttribute("type", "password");
      await expect(page.getByRole("button", { name: "Show password", exact: true })).toBeFocused();
    };
    for (const path of ["/sign-in", "/sign-up"]) await step(path, () => check(path));
    await users.signIn(page, verifiedUser);
    await step("/account/verify (confirm it's you)", () => check("/account/verify?next=/account/password"));
  });

  test("each auth page focuses its first field", async ({ page }) => {
    for (const [path, label] of [
      ["/sign-in", "Email"],
      ["/sign-in?method=code", "Email"],
      ["/sign-up", "Name (optional)"],
      ["/forgot-password", "Email"],
    ] as const) {
      await step(path, async () => {
        await page.goto(path);
        await expect(page.getByLabel(label, { exact: true })).toBeFocused();
      });
    }
  });

  test("sign-up shows a bad email and a short password together", async ({ page }) => {
    await submitBadSignUp(page);
    await expect(fieldError(page, "Enter a valid email address")).toBeVisible();
    await expect(fieldError(page, /Use at least \d+ characters/)).toBeVisible();
  });

  test("a password sign-in error does not follow to the code form, nor back", async ({ page, verifiedUser: { email, password } }) => {
    await submitPasswordSignIn(page, email, `${password}-nope`);
    const error = page.getByText("Email or password is wrong.");
    await expect(error).toBeVisible();
    await page.getByRole("link", { name: "Email me a code instead", exact: true }).click();
    await expect(page.getByRole("button", { name: "Email me a code", exact: true })).toBeVisible();
    await expect(error).toHaveCount(0);
    await page.getByRole("link", { name: "Use my password instead", exact: true }).click();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    await expect(error).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("one plain code input; a wrong code stays in it; the right one signs in", async ({ page, mailbox, verifiedUser: { email } }) => {
    const after = new Date();
    await requestSignInCode(page, email);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
    const code = await mailbox.waitForCode(email, { after });

    const field = page.getByLabel("Verification code", { exact: true });
    await expect(field).toHaveAttribute("name", "code");
    await expect(field).toHaveAttribute("inputmode", "numeric");
    await expect(field).toHaveAttribute("autocomplete", "one-time-code");
    await expect(field).toHaveAttribute("pattern", "[0-9]{6}");
    await expect(page.getByRole("group")).toHaveCount(0);

    await field.fill(wrongCode(code));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(page.getByText(/That code is wrong\./)).toBeVisible();
    await expect(codeField(page)).toHaveValue(wrongCode(code));

    await codeField(page).fill(` ${code.slice(0, 3)} ${code.slice(3)} `);
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expectSignedIn(page, email);
  });

  test("a password field is a plain password field, with no Show password button", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "password");
    await expect(page.getByRole("button", { name: "Show password" })).toHaveCount(0);
  });

  test("sign-up shows a bad email and a short password together", async ({ page }) => {
    await submitBadSignUp(page);
    await expect(fieldError(page, "Enter a valid email address")).toBeVisible();
    await expect(fieldError(page, /Use at least \d+ characters/)).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("not-an-email");
  });
});
