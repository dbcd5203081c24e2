import type { Page } from "@playwright/test";
import { expect, step } from "./fixtures";
import { codeForStep, freshTotp, stepAt } from "./totp";

/*
 * Setting up a second factor on /account/security and answering it on
 * /sign-in/mfa, as a person does: for mfa.spec.ts and the specs whose
 * sign-ins end in the second step (social-sign-in.spec.ts).
 */
export const SECURITY = "/account/security";

export type Totp = { secret: string; lastStep: number };

export const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** From /account/security: "Confirm it's you" with the password, and back. */
export async function confirmItsYou(page: Page, password: string) {
  await step("confirm it's you", async () => {
    await page.goto(SECURITY);
    await page.getByRole("link", { name: "Confirm it's you", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify" && url.searchParams.get("next") === SECURITY);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === SECURITY);
  });
}

/** Sets up an authenticator app with the key shown on the page; the first code's step is remembered. */
export async function enableTotp(page: Page, password: string, { wrongFirst = false } = {}): Promise<Totp> {
  await confirmItsYou(page, password);
  return step("set up an authenticator app", async () => {
    const app = section(page, "Authenticator app");
    await app.getByRole("button", { name: "Set up authenticator app", exact: true }).click();
    await expect(app.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    const shown = await app.locator(".totp-secret").innerText();
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = shown.replace(/\s/g, "");
    if (wrongFirst) {
      await app.getByLabel("Code from the app", { exact: true }).fill(wrongCode(secret));
      await app.getByRole("button", { name: "Turn on", exact: true }).click();
      await expect(app.getByText(/That code is wrong/)).toBeVisible();
      // The key is still there to try again.
      await expect(app.locator(".totp-secret")).toHaveText(shown);
    }
    const { code, step: used } = await freshTotp(secret);
    await app.getByLabel("Code from the app", { exact: true }).fill(code);
    await app.getByRole("button", { name: "Turn on", exact: true }).click();
    await expect(app.getByText("On", { exact: true })).toBeVisible();
    return { secret, lastStep: used };
  });
}

/** A well-formed code no authenticator would show right now (nor one step either side). */
export function wrongCode(secret: string): string {
  const now = stepAt(Date.now());
  const valid = new Set([now - 1, now, now + 1, now + 2].map((s) => codeForStep(secret, s)));
  let n = 123_456;
  while (valid.has(String(n))) n++;
  return String(n);
}

/** Answers the authenticator step with a code from a step not used before; returns that step. */
export async function answerWithTotp(page: Page, totp: Totp): Promise<number> {
  const { code, step: used } = await freshTotp(totp.secret, totp.lastStep);
  await page.getByLabel("Code from your authenticator app", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  return used;
}
