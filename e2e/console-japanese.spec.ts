import type { Page } from "@playwright/test";
import { consoleUrl, expect, test } from "./console-fixtures";

/**
 * The admin console in Japanese, page by page (headings and main buttons),
 * with one refused form of each kind saying why in Japanese, and English
 * unchanged for an English reader.
 *
 * The admin's saved language (English, kept when the account was made)
 * wins over the browser's Accept-Language, so the admin picks Japanese with
 * the switcher under an auth card, as a person would; the test puts English
 * back at the end, which the other console specs expect.
 */

/** The switcher under /forgot-password's card (a page a signed-in admin can open); saves the choice as the admin's own. */
async function chooseLanguage(page: Page, name: "日本語" | "English") {
  await page.goto(consoleUrl("/forgot-password"));
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", name === "日本語" ? "ja" : "en");
}

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });
const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** Opens a console page and checks its main heading (and the document title when given). */
async function open(page: Page, path: string, title: string, documentTitle?: string) {
  await page.goto(consoleUrl(path));
  await expect(heading(page, title)).toBeVisible();
  if (documentTitle) await expect(page).toHaveTitle(new RegExp(`^${documentTitle}`));
}

test("an admin who reads Japanese gets the whole console in Japanese", async ({ newConsolePage, signInAsAdmin }) => {
  const page = await newConsolePage({ locale: "ja-JP" });
  await signInAsAdmin(page);
  await chooseLanguage(page, "日本語");
  try {
    await test.step("email connector", async () => {
      await open(page, "/console/connectors", "メールコネクター", "メールコネクター · コンソール");
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
      const nav = page.getByRole("navigation", { name: "コンソール" });
      for (const name of ["配信履歴", "ソーシャルサインイン", "サインイン設定", "ブランディング", "メールテンプレート", "組織", "管理者"]) {
        await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
      }
      await expect(page.getByRole("link", { name: /^(メールコネクターを変更|コンソールで設定)$/ })).toBeVisible();

      await open(page, "/console/connectors/new", "メールプロバイダーを選択");
      await expect(page.getByText("開発用", { exact: true })).toBeVisible();
    });

    await test.step("SMTP set-up form: labels, options, and a refused test in Japanese", async () => {
      await page.goto(consoleUrl("/console/connectors/setup/smtp"));
      await expect(page.getByRole("heading", { level: 1, name: /^SMTP の(設定|編集)$/ })).toBeVisible();
      await expect(page.getByLabel("SMTP サーバー", { exact: true })).toBeVisible();
      await expect(page.getByLabel("ポート", { exact: true })).toBeVisible();
      await expect(page.getByLabel("認証方式", { exact: true }).locator("option", { hasText: "ユーザー名とパスワード" })).toHaveCount(1);
      await expect(button(page, "保存して完了")).toBeVisible();
      await page.getByLabel("テストメールの送信先", { exact: true }).fill("");
      await button(page, "テストメールを送信").click();
      await expect(page.getByText("テストメールの送信先アドレスを入力してください。", { exact: true })).toBeVisible();
    });

    await test.step("SMTP on loopback without the private-targets box: the connector's refusal in Japanese", async () => {
      await page.getByLabel("差出人アドレス", { exact: true }).fill("no-reply@mailgate.test");
      await page.getByLabel("SMTP サーバー", { exact: true }).fill("127.0.0.1");
      await page.getByLabel("認証方式", { exact: true }).selectOption("none");
      const box = page.getByLabel("プライベートネットワークへの接続を許可する", { exact: true });
      if (!(await box.isVisible())) await page.locator("details.advanced > summary").click();
      await box.setChecked(false);
      await page.getByLabel("テストメールの送信先", { exact: true }).fill("admin@example.com");
      await button(page, "テストメールを送信").click();
      const alert = page.getByRole("alert").filter({ hasText: "テストメールを送信できませんでした（invalid_config）" });
      await expect(alert).toContainText("SMTP サーバー 127.0.0.1 はループバックアドレスです。「プライベートネットワークへの接続を許可する」は");
    });

    await test.step("deliveries", async () => {
      await open(page, "/console/deliveries?recipient=not-an-address", "配信履歴");
      await expect(button(page, "絞り込む")).toBeVisible();
      await expect(page.getByRole("heading", { name: "過去 24 時間" })).toBeVisible();
      // The lib's refusal of the filter, in Japanese.
      await expect(page.getByText(/^name@example\.com のように、アドレス全体を入力してください。絞り込みは/)).toBeVisible();
      await expect(page.getByRole("link", { name: "絞り込みを解除" })).toBeVisible();
    });

    await test.step("social sign-in", async () => {
      await open(page, "/console/social", "ソーシャルサインイン");
      await expect(page.getByRole("link", { name: "プロバイダーを追加", exact: true })).toBeVisible();
      await open(page, "/console/social/new", "ソーシャルプロバイダーの追加");
      await open(page, "/console/social/new/google", "Google を追加");
      await expect(page.getByRole("heading", { name: "Google の設定" })).toBeVisible();
      await expect(page.getByLabel("クライアント ID", { exact: true })).toBeVisible();
      await expect(button(page, "設定をテスト")).toBeVisible();
      await expect(button(page, "保存")).toBeVisible();
    });

    await test.step("sign-in experience", async () => {
      await open(page, "/console/sign-in-experience", "サインイン設定");
      await expect(page.getByLabel("パスワードでのサインイン", { exact: true })).toBeVisible();
      await expect(page.getByLabel("コードの有効期間", { exact: true })).toBeVisible();
      await expect(button(page, "保存")).toBeVisible();
    });

    await test.step("branding: a colour without enough contrast is refused in Japanese", async () => {
      await open(page, "/console/branding", "ブランディング");
      await expect(button(page, "プレビュー")).toBeVisible();
      await page.getByLabel("メインカラー", { exact: true }).fill("#7a7a7a");
      await button(page, "保存").click();
      await expect(page.getByRole("alert").filter({ hasText: "保存されていません。強調表示された項目を確認してください。" })).toBeVisible();
      await expect(page.getByText("#7a7a7a 上のボタンの文字のコントラスト比は 4.29:1 しかありません", { exact: false })).toBeVisible();
    });

    await test.step("email templates", async () => {
      await open(page, "/console/emails", "メールテンプレート");
      await page.getByRole("link", { name: "サインインコード（日本語）を編集", exact: true }).click();
      await expect(page).toHaveURL((url) => url.pathname === "/console/emails/SignIn/ja");
      await expect(heading(page, "サインインコード（日本語）")).toBeVisible();
      await expect(page.getByRole("link", { name: "← メールテンプレート" })).toBeVisible();
      for (const name of ["プレビュー", "自分宛てにテスト送信", "保存"]) await expect(button(page, name)).toBeVisible();
      await expect(page.getByRole("heading", { name: "バージョン" })).toBeVisible();
    });

    await test.step("organizations and admins", async () => {
      await open(page, "/console/organizations", "組織");
      await open(page, "/console/admins", "管理者");
      await expect(page.getByRole("heading", { name: "アカウントを管理者にする" })).toBeVisible();
      // Just signed in, the owner has no fresh "Confirm it's you": the form is replaced by the prompt, in Japanese too.
      await expect(page.locator(".account-step-up")).toContainText("管理者を変更するには、まずパスワードまたは");
      await expect(page.getByRole("columnheader", { name: "ロール" })).toBeVisible();
    });
  } finally {
    await chooseLanguage(page, "English");
  }
});

test("an English reader's console is unchanged", async ({ adminPage: page }) => {
  await page.goto(consoleUrl("/console/connectors"));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(heading(page, "Email connector")).toBeVisible();
  await expect(page).toHaveTitle(/^Email connector · Console/);
  await open(page, "/console/deliveries", "Deliveries");
  await expect(button(page, "Filter")).toBeVisible();
  await open(page, "/console/branding", "Branding");
  await page.goto(consoleUrl("/console/emails/SignIn/en"));
  await expect(heading(page, "Sign-in code (English)")).toBeVisible();
  await open(page, "/console/admins", "Admins");
  await expect(page.getByRole("heading", { name: "Make an account an admin" })).toBeVisible();
});
