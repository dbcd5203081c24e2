import { randomBytes, randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { APP_URL, expect, expectSignedIn, instanceAt, mailbox, signOut, step, submitCode, test } from "./fixtures";
import { answerWithTotp, enableTotp } from "./mfa-setup";
import { seedSocialConnector, type SeededSocialConnector } from "./social-connectors";

/*
 * Social sign-in from the button to a session, in Chromium, against the
 * test OpenID Connect provider (oidc-provider) and the GitHub stand-in
 * (tests/providers/serve.ts), with codes read from the SMTP sink. At the
 * providers, the login name picks the person: `x@y` has a verified address,
 * `unverified:x@y` an unverified one (tests/providers/oidc-accounts.ts).
 * Each test starts in a fresh browser, so the provider asks who you are.
 */
const IP = `100.65.${randomInt(0, 256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": IP } });

let oidc: SeededSocialConnector;
let github: SeededSocialConnector;

test.beforeAll(async () => {
  const app = instanceAt(APP_URL);
  oidc = await seedSocialConnector(app, { providerId: "oidc", name: `Test ID ${randomBytes(2).toString("hex")}` });
  github = await seedSocialConnector(app, { providerId: "github", name: `Test Hub ${randomBytes(2).toString("hex")}` });
});

const fresh = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}@social.test`;
const LINK_CODE = /code to connect .* to /;

/** From /sign-in (or /sign-up): the connector's button, then who you are at the provider. */
async function continueWith(page: Page, connector: SeededSocialConnector, login: string, { from = "/sign-in", action = "login" } = {}) {
  await step(`continue with ${connector.name} as ${login}`, async () => {
    await page.goto(from);
    await page.getByRole("link", { name: `Continue with ${connector.name}`, exact: true }).click();
    await answerProvider(page, connector, login, action);
  });
}

async function answerProvider(page: Page, connector: SeededSocialConnector, login: string, action: string) {
  const github = connector.providerId === "github";
  const field = page.getByLabel(github ? "Signed in to GitHub as" : "Login name");
  await field.fill(login);
  const button = github ? (action === "deny" ? "Deny" : "Authorize") : action === "deny" ? "Deny" : "Sign in";
  await page.getByRole("button", { name: button, exact: true }).click();
}

const onErrorPage = async (page: Page, heading: string) => {
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/social/error");
  await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
};

test("sign up with the OpenID Connect provider, then sign in again with it", async ({ page, newPage }) => {
  const email = fresh("oidc-new");
  await continueWith(page, oidc, email, { from: "/sign-up" });
  await expectSignedIn(page, email);
  await signOut(page);

  const again = await newPage();
  await continueWith(again, oidc, email);
  await expectSignedIn(again, email);
  await step("the activity list names the provider", async () => {
    await again.goto("/account/activity");
    await expect(again.getByText(`Signed in with ${oidc.name}`).first()).toBeVisible();
    await expect(again.getByText(`Connected sign-in with ${oidc.name}`)).toBeVisible();
  });
});

test("an address that has an account: the code from its inbox links, a wrong one does not, then the second step is asked", async ({ page, newPage, users }) => {
  const owner = await users.create({ prefix: "social-owner" });
  await users.signIn(page, owner);
  const totp = await enableTotp(page, owner.password);

  const browser = await newPage();
  const after = new Date();
  await continueWith(browser, oidc, owner.email);
  await step("told the account exists, and a code is sent to it", async () => {
    await expect(browser).toHaveURL((url) => url.pathname === "/sign-in/social/link");
    await expect(browser.getByRole("heading", { name: "An account with this email already exists" })).toBeVisible();
  });
  const code = await mailbox.waitForCode(owner.email, { after, subject: LINK_CODE });
  await step("a wrong code links nothing", async () => {
    await submitCode(browser, code === "000000" ? "111111" : "000000");
    await expect(browser.getByText(/That code is wrong/)).toBeVisible();
    await expect(browser).toHaveURL((url) => url.pathname === "/sign-in/social/link");
  });
  await step("the right code links, then two-step verification is asked", async () => {
    await submitCode(browser, code);
    await expect(browser).toHaveURL((url) => url.pathname === "/sign-in/mfa");
    await answerWithTotp(browser, totp);
    await expectSignedIn(browser, owner.email);
  });
  await step("the next sign-in with the provider goes straight to the second step", async () => {
    const next = await newPage();
    await continueWith(next, oidc, owner.email);
    await expect(next).toHaveURL((url) => url.pathname === "/sign-in/mfa");
  });
});

test("a provider address that is not verified: an address is asked for and proven with a code", async ({ page }) => {
  const email = fresh("oidc-unverified");
  await continueWith(page, oidc, `unverified:${email}`);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/social/email");
  await expect(page.getByRole("heading", { name: "What's your email address?" })).toBeVisible();
  const after = new Date();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a code", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/social/link");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await submitCode(page, await mailbox.waitForCode(email, { after }));
  await expectSignedIn(page, email);
});

test("sign up with GitHub", async ({ page }) => {
  const email = fresh("github-new");
  await continueWith(page, github, email);
  await expectSignedIn(page, email);
});

test("without JavaScript: the button, the address page and the code page", async ({ newPage }) => {
  const page = await newPage({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": IP } });
  const email = fresh("github-nojs");
  await continueWith(page, github, `unverified:${email}`);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/social/email");
  const after = new Date();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a code", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/social/link");
  await submitCode(page, await mailbox.waitForCode(email, { after }));
  await expectSignedIn(page, email);
});

test("another site cannot start a sign-in in someone's browser", async ({ request }) => {
  const start = `/sign-in/social/start/${oidc.id}`;
  const crossSite = await request.get(start, { headers: { "sec-fetch-site": "cross-site" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(307);
  expect(new URL(crossSite.headers().location!, APP_URL).pathname).toBe("/sign-in");
  const sameSite = await request.get(start, { headers: { "sec-fetch-site": "same-origin" }, maxRedirects: 0 });
  expect(new URL(sameSite.headers().location!).searchParams.get("client_id")).toBe(oidc.clientId);
});

test("denied consent ends on the error page, with the way back", async ({ page }) => {
  await continueWith(page, github, fresh("github-deny"), { action: "deny" });
  await onErrorPage(page, "Sign-in was cancelled");
  await continueWith(page, oidc, fresh("oidc-deny"), { action: "deny" });
  await onErrorPage(page, "Sign-in was cancelled");
});

test("a tampered state parameter ends on the error page", async ({ page }) => {
  const authorization = await step("the button sends the browser to the provider with a state", async () => {
    await page.goto("/sign-in");
    const request = page.waitForRequest((r) => new URL(r.url()).searchParams.get("client_id") === oidc.clientId);
    await page.getByRole("link", { name: `Continue with ${oidc.name}`, exact: true }).click();
    const sent = new URL((await request).url());
    await expect(page.getByLabel("Login name")).toBeVisible();
    return sent;
  });
  expect(authorization.searchParams.get("state")).toBeTruthy();
  await step("the same request with a changed state: the provider hands that state back", async () => {
    authorization.searchParams.set("state", `${authorization.searchParams.get("state")}x`);
    await page.goto(authorization.href);
    await answerProvider(page, oidc, fresh("oidc-tampered"), "login");
  });
  await onErrorPage(page, "This sign-in could not be checked");
});
