import type { Page } from "@playwright/test";
import { startApp } from "./app-instance";
import { expect, requestSignInCode, step, SUITE_BROWSER, test } from "./fixtures";
import { PORTS } from "./ports";
import { closeSeeder } from "./seed/seeders";
import { usersOf } from "./seed/users";

/*
 * The site's own pages: the home page signed out and in, the branded 404 in
 * the reader's language, the favicon, and the dev mailbox (refreshing by
 * itself, a copy button per code, kinds in words) on an instance that
 * turned it on as a demo would, since the suite's instances run without it.
 */

const places = (page: Page) => page.getByRole("navigation", { name: "Where to go" });

test("signed out, the home page says what this is and how to get in, in English and Japanese", async ({ page, newPage }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Mailgate");
  await expect(page.getByRole("heading", { level: 1, name: "One sign-in for everything here." })).toBeVisible();
  await expect(page.getByRole("list", { name: "What you can do" }).getByRole("listitem")).toHaveCount(5);
  await expect(page.getByText("Sign in with a password, or with a one-time code we email you")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute("href", "/sign-in");
  await expect(page.getByRole("link", { name: "Create account", exact: true })).toHaveAttribute("href", "/sign-up");

  await step("the default favicon, shipped with the app", async () => {
    const icon = page.locator('link[rel="icon"]');
    await expect(icon).toHaveAttribute("href", "/icon.svg");
    const response = await page.request.get("/icon.svg");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
  });

  await step("in Japanese for a Japanese browser", async () => {
    const ja = await newPage({ locale: "ja-JP" });
    await ja.goto("/");
    await expect(ja.locator("html")).toHaveAttribute("lang", "ja");
    await expect(ja.getByRole("heading", { level: 1, name: "ひとつのアカウントで、すべてにサインイン。" })).toBeVisible();
    await expect(ja.getByRole("link", { name: "サインイン", exact: true })).toHaveAttribute("href", "/sign-in");
    await expect(ja.getByRole("link", { name: "アカウントを作成", exact: true })).toHaveAttribute("href", "/sign-up");
  });
});

test("signed in, the home page says who you are and where to go; no console or dev mailbox for a user in production", async ({ page, users }) => {
  // An install's first account is its owner, an admin: when this spec runs first, that must be someone else.
  await users.create({ prefix: "site-owner" });
  const user = await users.create({ prefix: "site" });
  await users.signIn(page, user);
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
  await expect(places(page).getByRole("link", { name: "Account", exact: true })).toHaveAttribute("href", "/account");
  await expect(places(page).getByRole("link", { name: "Organizations", exact: true })).toHaveAttribute("href", "/orgs");
  await expect(places(page).getByRole("link")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Admin console" })).toHaveCount(0);

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin console" })).toHaveCount(0);
});

test("a missing page is the branded 404, in the reader's language, with a way home", async ({ page, newPage }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Mailgate");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Mailgate", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Home", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  for (const javaScriptEnabled of [true, false]) {
    const ja = await newPage({ locale: "ja-JP", javaScriptEnabled });
    expect((await ja.goto("/no-such-page"))?.status()).toBe(404);
    await expect(ja.locator("html")).toHaveAttribute("lang", "ja");
    await expect(ja).toHaveTitle("ページが見つかりません · Mailgate");
    await expect(ja.getByRole("heading", { level: 1, name: "ページが見つかりません" })).toBeVisible();
    await expect(ja.getByRole("link", { name: "ホーム", exact: true })).toHaveAttribute("href", "/");
  }
});

test("the dev mailbox, where it is on: new emails appear by themselves, each code has a copy button, kinds are words", async ({ browser }) => {
  test.setTimeout(120_000);
  const app = await startApp({ port: PORTS.devMailbox, database: { sqlite: "e2e-dev-mailbox.db" }, env: { EMAIL_CONNECTOR: "dev", DEV_MAILBOX_IN_PRODUCTION: "true" } });
  try {
    const users = usersOf({ baseURL: app.url, databaseUrl: app.databaseUrl }, SUITE_BROWSER);
    const user = await users.create({ prefix: "dev-mailbox" });
    const context = await browser.newContext({ baseURL: app.url, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await users.signIn(page, user);
    await closeSeeder(app.databaseUrl);

    await step("the home page links to it", async () => {
      await places(page).getByRole("link", { name: "Dev mailbox", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Dev mailbox" })).toBeVisible();
      await expect(page.getByText("New emails appear on their own.")).toBeVisible();
    });

    const row = page.getByRole("row").filter({ hasText: user.email });
    await step("a code requested elsewhere appears without a reload, named in words", async () => {
      const visitor = await browser.newPage({ baseURL: app.url });
      await requestSignInCode(visitor, user.email);
      await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
      await visitor.close();
      await expect(row.getByRole("cell").nth(2)).toHaveText("Sign-in code", { timeout: 15_000 });
      await expect(page.getByText("SignIn", { exact: true })).toHaveCount(0);
    });

    await step("the copy button puts the code on the clipboard", async () => {
      const code = (await row.locator("code").innerText()).trim();
      expect(code).toMatch(/^\d{6}$/);
      await expect(row.getByRole("cell").nth(3)).toContainText(code);
      await row.getByRole("button", { name: "Copy code" }).click();
      await expect(row.getByRole("status")).toHaveText("Copied.");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

      await row.getByRole("link", { name: /^Open/ }).click();
      await expect(page.getByRole("definition").filter({ hasText: /^Sign-in code$/ })).toBeVisible();
      await expect(page.getByRole("definition").locator("code")).toHaveText(code);
      await expect(page.getByRole("button", { name: "Copy code" })).toBeVisible();
    });

    await step("without JavaScript: the code to select, and a Refresh link", async () => {
      const plain = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
      const visitor = await plain.newPage();
      await visitor.goto(`/dev/mailbox?to=${encodeURIComponent(user.email)}`);
      await expect(visitor.getByRole("link", { name: "Refresh", exact: true })).toHaveAttribute("href", `/dev/mailbox?to=${encodeURIComponent(user.email)}`);
      await expect(visitor.getByRole("row").filter({ hasText: user.email }).locator("code")).toHaveText(/^\d{6}$/);
      await expect(visitor.getByRole("button", { name: "Copy code" })).toHaveCount(0);
      await plain.close();
    });
    await context.close();
  } finally {
    await app.stop();
  }
});
