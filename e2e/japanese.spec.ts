import type { Page } from "@playwright/test";
import { codeField, expect, test } from "./fixtures";

// The Japanese UI: chosen by the browser's Accept-Language, or by the
// switcher under every auth card (a plain form: it must work without JavaScript).

const lang = (page: Page) => page.locator("html");

test.describe("with Accept-Language: ja", () => {
  test.use({ locale: "ja-JP" });

  test("the sign-up and sign-in pages are in Japanese", async ({ page }) => {
    await page.goto("/sign-up");
    await expect(lang(page)).toHaveAttribute("lang", "ja");
    await expect(page).toHaveTitle(/^アカウントを作成/);
    await expect(page.getByRole("heading", { name: "アカウントを作成" })).toBeVisible();
    await expect(page.getByLabel("メールアドレス", { exact: true })).toBeVisible();
    await expect(page.getByLabel("パスワード", { exact: true })).toBeVisible();
    await expect(page.getByText(/^\d+文字以上で入力してください。/)).toBeVisible();

    await page.getByRole("link", { name: "サインイン", exact: true }).click();
    await expect(page.getByRole("heading", { name: "サインイン" })).toBeVisible();
    await expect(lang(page)).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("link", { name: "パスワードをお忘れですか？" })).toBeVisible();
  });

  test("a refused sign-in says why in Japanese", async ({ page, uniqueEmail }) => {
    await page.goto("/sign-in");
    await page.getByLabel("メールアドレス", { exact: true }).fill(uniqueEmail("japanese-wrong"));
    await page.getByLabel("パスワード", { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: "サインイン", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "メールアドレスまたはパスワードが正しくありません。" })).toBeVisible();
  });

  test("a code sign-in works end to end in Japanese", async ({ page, mailbox, verifiedUser: { email } }) => {
    await page.goto("/sign-in?method=code");
    await page.getByLabel("メールアドレス", { exact: true }).fill(email);
    await page.getByRole("button", { name: "確認コードをメールで受け取る", exact: true }).click();
    await expect(page.getByRole("heading", { name: "メールをご確認ください" })).toBeVisible();
    await expect(page.getByText("に確認コードを送信しました。")).toBeVisible();

    const code = await mailbox.waitForCode(email);
    const wrong = code === "000000" ? "111111" : "000000";
    const field = codeField(page, "確認コード", "6 桁中 1 桁目");
    await field.fill(wrong);
    await page.getByRole("button", { name: "確認", exact: true }).click();
    await expect(page.getByText(/^確認コードが正しくありません。あと\d+回入力できます。$/)).toBeVisible();

    await field.fill(code);
    await page.getByRole("button", { name: "確認", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByText(`${email} でサインインしています`)).toBeVisible();
    await expect(page.getByRole("button", { name: "サインアウト", exact: true })).toBeVisible();
    await expect(lang(page)).toHaveAttribute("lang", "ja");
  });
});

for (const javaScriptEnabled of [true, false]) {
  test(`the switcher turns an English page Japanese and back (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ newPage }) => {
    const page = await newPage({ javaScriptEnabled, locale: "en-US" });
    await page.goto("/forgot-password?next=/orgs");
    await expect(lang(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();

    await page.getByRole("button", { name: "日本語", exact: true }).click();
    await expect(page.getByRole("heading", { name: "パスワードの再設定" })).toBeVisible();
    await expect(lang(page)).toHaveAttribute("lang", "ja");
    // Back on the same page, its query kept.
    await expect(page).toHaveURL((url) => url.pathname === "/forgot-password" && url.searchParams.get("next") === "/orgs");
    // The choice is remembered across pages (a cookie), over the browser's English.
    await page.goto("/sign-up");
    await expect(page.getByRole("heading", { name: "アカウントを作成" })).toBeVisible();

    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Create account" })).toBeVisible();
    await expect(lang(page)).toHaveAttribute("lang", "en");
  });
}
