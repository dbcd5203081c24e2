import { randomBytes, randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { APP_URL, expect, instanceAt, mailbox, step, submitCode, test, type SinkMessage } from "./fixtures";
import { seederFor } from "./seed/seeders";
import { seedSocialConnector } from "./social-connectors";

/*
 * /account/connections: connecting an account at the real local OpenID
 * Connect provider (tests/providers/oidc.ts) while signed in, the
 * IdentityLinked and IdentityUnlinked notices in the SMTP sink, disconnecting
 * after "Confirm it's you", and the refusal to disconnect an account's last
 * way in. Each spec run has its own client address (X-Forwarded-For).
 */
const IP = `198.51.100.${randomInt(1, 250)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": IP } });

const PAGE = "/account/connections";
const instance = () => instanceAt(APP_URL);
const connectorName = () => `Acme ID ${randomBytes(2).toString("hex")}`;
/** A person at the provider: a login name its login page turns into a verified address. */
const providerLogin = () => `e2e-idp-${randomBytes(4).toString("hex")}@idp.test`;
const main = (page: Page) => page.getByRole("main");
const rowOf = (page: Page, provider: string) => main(page).getByRole("row").filter({ hasText: provider });

/** The test provider's own login page: the login name picks who signs in there. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL((url) => url.origin !== new URL(APP_URL).origin);
  await page.getByLabel("Login name").fill(login);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function confirmWithPassword(page: Page, password: string) {
  await step("confirm it's you with the password", async () => {
    await main(page).getByRole("link", { name: "Confirm it's you", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify" && url.searchParams.get("next") === PAGE);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === PAGE);
  });
}

async function confirmWithCode(page: Page, email: string) {
  await step("confirm it's you with an email code", async () => {
    await main(page).getByRole("link", { name: "Confirm it's you", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify");
    const after = new Date();
    await page.getByRole("button", { name: "Email me a code", exact: true }).click();
    const code = await mailbox.waitForCode(email, { after, subject: /confirmation code/ });
    await submitCode(page, code);
    await expect(page).toHaveURL((url) => url.pathname === PAGE);
  });
}

const noticeTo = (email: string, subject: RegExp, after: Date): Promise<SinkMessage> => mailbox.waitForMessage(email, () => true, { after, subject });

test("connect an account at the OpenID Connect provider, see it and its notice, then disconnect it after confirming", async ({ page, signedInUser: user }) => {
  const name = connectorName();
  await seedSocialConnector(instance(), { providerId: "oidc", name });
  const login = providerLogin();
  const [localPart, domain] = login.split("@");

  await step("the account centre lists nothing yet and offers the provider", async () => {
    await page.goto("/account");
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Connected accounts" }).click();
    await expect(page).toHaveURL((url) => url.pathname === PAGE);
    await expect(main(page).getByText("No accounts are connected.")).toBeVisible();
  });

  const connectedAt = new Date();
  await step("Connect goes to the provider and comes back connected", async () => {
    await main(page).getByRole("button", { name: `Connect ${name}`, exact: true }).click();
    await signInAtProvider(page, login);
    await expect(page).toHaveURL((url) => url.pathname === PAGE && url.searchParams.get("status") === "linked");
    await expect(main(page).getByRole("status")).toHaveText("Connected. You can now sign in with it.");
    const row = rowOf(page, name);
    await expect(row).toContainText(login);
    await expect(row).toContainText(localPart![0]!.toUpperCase() + localPart!.slice(1));
    await expect(row).toContainText("Never");
    // Connected once: its button is gone.
    await expect(main(page).getByRole("button", { name: `Connect ${name}`, exact: true })).toHaveCount(0);
  });

  await step("the owner is told, with the provider, the account (masked), the browser and the IP", async () => {
    const notice = await noticeTo(user.email, /sign-in was connected to your/, connectedAt);
    expect(notice.subject).toBe(`${name} sign-in was connected to your Mailgate account`);
    expect(notice.text).toContain(`The ${name} account `);
    expect(notice.text).toContain(`(${localPart![0]}•••@${domain})`);
    expect(notice.text).toMatch(new RegExp(`From: Chrome on \\w+, IP address ${IP.replaceAll(".", "\\.")}\\.`));
    expect(notice.text).toContain(`${APP_URL}/account/connections`);
  });

  await step("the activity log names it", async () => {
    await page.goto("/account/activity");
    await expect(main(page).getByText(`Connected sign-in with ${name}`)).toBeVisible();
    await page.goto(PAGE);
  });

  await step("Disconnect needs 'Confirm it's you' first", async () => {
    await expect(rowOf(page, name).getByRole("button", { name: /Disconnect/ })).toHaveCount(0);
    await confirmWithPassword(page, user.password);
  });

  const disconnectedAt = new Date();
  await step("disconnect", async () => {
    await rowOf(page, name).getByRole("button", { name: /^Disconnect/ }).click();
    await expect(page).toHaveURL((url) => url.pathname === PAGE && url.searchParams.get("status") === "disconnected");
    await expect(main(page).getByRole("status")).toHaveText("Disconnected. You can no longer sign in with that account.");
    await expect(main(page).getByText("No accounts are connected.")).toBeVisible();
    await expect(main(page).getByRole("button", { name: `Connect ${name}`, exact: true })).toBeVisible();
  });

  await step("the owner is told it was disconnected", async () => {
    const notice = await noticeTo(user.email, /sign-in was disconnected from your/, disconnectedAt);
    expect(notice.text).toContain("can no longer sign in to your Mailgate account.");
  });
});

test("an account made by social sign-up can't disconnect its last way in while email-code sign-in is off", async ({ page }) => {
  const name = connectorName();
  await seedSocialConnector(instance(), { providerId: "oidc", name });
  const email = providerLogin();
  const seeder = seederFor(instance().databaseUrl, instance().env);

  await step("sign up with the provider: a new account with no password", async () => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: `Continue with ${name}`, exact: true }).click();
    await signInAtProvider(page, email);
    await expect(page).toHaveURL((url) => url.origin === new URL(APP_URL).origin && url.pathname === "/");
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  });

  await step("confirm it's you (by email code: there is no password)", async () => {
    await page.goto(PAGE);
    await expect(rowOf(page, name)).toContainText(email);
    await confirmWithCode(page, email);
  });

  await seeder.request({ op: "emailCodeSignIn", on: false });
  try {
    await step("with email-code sign-in off, the page says so and Disconnect is refused", async () => {
      await expect(async () => {
        await page.reload();
        await expect(main(page).getByText("You can't disconnect your only way to sign in.", { exact: false })).toBeVisible();
      }).toPass();
      await rowOf(page, name).getByRole("button", { name: /^Disconnect/ }).click();
      await expect(main(page).getByRole("alert")).toContainText("This is the only way left to sign in to your account, so it can't be disconnected.");
      await page.goto(PAGE);
      await expect(rowOf(page, name)).toContainText(email);
    });
  } finally {
    await seeder.request({ op: "emailCodeSignIn", on: true });
  }

  await step("with email-code sign-in back on, the same confirmation disconnects it", async () => {
    // The app reads its settings at most a second old.
    await expect(async () => {
      await page.reload();
      await expect(main(page).getByText("You can't disconnect your only way to sign in.", { exact: false })).toHaveCount(0);
    }).toPass();
    await rowOf(page, name).getByRole("button", { name: /^Disconnect/ }).click();
    await expect(page).toHaveURL((url) => url.pathname === PAGE && url.searchParams.get("status") === "disconnected");
    await expect(main(page).getByText("No accounts are connected.")).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("connect, confirm it's you and disconnect work as plain forms", async ({ page, signedInUser: user }) => {
    const name = connectorName();
    await seedSocialConnector(instance(), { providerId: "oidc", name });
    const login = providerLogin();
    await page.goto(PAGE);
    await main(page).getByRole("button", { name: `Connect ${name}`, exact: true }).click();
    await signInAtProvider(page, login);
    await expect(page).toHaveURL((url) => url.pathname === PAGE && url.searchParams.get("status") === "linked");
    await expect(rowOf(page, name)).toContainText(login);
    await confirmWithPassword(page, user.password);
    await rowOf(page, name).getByRole("button", { name: /^Disconnect/ }).click();
    await expect(page).toHaveURL((url) => url.pathname === PAGE && url.searchParams.get("status") === "disconnected");
    await expect(main(page).getByText("No accounts are connected.")).toBeVisible();
  });
});
