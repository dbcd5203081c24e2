import { randomBytes, randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { codeField, expect, mailbox, step, submitPasswordSignIn, test, uniquePassword } from "./fixtures";

/*
 * The signed-in pages in Japanese: the account centre, organizations, an
 * invitation, a social sign-in's error page, and the language a user saves
 * in their profile (which follows them to a browser that asks for English).
 * One account walks through every page, so the spec stays short.
 */
const IP = `198.51.100.${randomInt(1, 250)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": IP } });

const main = (page: Page) => page.getByRole("main");
const heading = (page: Page, name: string) => main(page).getByRole("heading", { level: 1, name, exact: true });
const alert = (page: Page, text: string | RegExp) => main(page).getByRole("alert").filter({ hasText: text });
const status = (page: Page, text: string | RegExp) => main(page).getByRole("status").filter({ hasText: text });
const lang = (page: Page) => page.locator("html");

/** A wrong 6-digit code: anything but the one in the email. */
const wrongCode = (code: string) => (code === "000000" ? "111111" : "000000");

test.describe("with Accept-Language: ja", () => {
  test.use({ locale: "ja-JP" });

  test("sign up, the account centre, an organization and an invitation, in Japanese", async ({ page, uniqueEmail, newPage, users }) => {
    const email = uniqueEmail("japanese-account");
    const password = uniquePassword();

    await step("sign up", async () => {
      await page.goto("/sign-up");
      await page.getByLabel("メールアドレス", { exact: true }).fill(email);
      await page.getByLabel("パスワード", { exact: true }).fill(password);
      await page.getByRole("button", { name: "アカウントを作成", exact: true }).click();
      await codeField(page, "確認コード", "6 桁中 1 桁目").fill(await mailbox.waitForCode(email));
      await page.getByRole("button", { name: "確認", exact: true }).click();
      await expect(page).toHaveURL((url) => url.pathname === "/");
    });

    await step("profile: a bad avatar URL is refused in Japanese", async () => {
      await page.goto("/account");
      await expect(lang(page)).toHaveAttribute("lang", "ja");
      await expect(page).toHaveTitle(/^プロフィール · /);
      await expect(heading(page, "プロフィール")).toBeVisible();
      await expect(page.getByRole("navigation", { name: "アカウント" }).getByRole("link", { name: "プロフィール", exact: true })).toHaveAttribute("aria-current", "page");
      await expect(page.getByText(`${email} でサインイン中`)).toBeVisible();
      await page.getByLabel("アバター画像のURL", { exact: true }).fill("http://example.test/not-https.png");
      await page.getByRole("button", { name: "プロフィールを保存", exact: true }).click();
      await expect(alert(page, "画像の https:// から始まる URL を入力してください。")).toBeVisible();
    });

    await step("confirm it's you: a wrong password, then the right one", async () => {
      await page.goto("/account/email");
      await expect(heading(page, "メールアドレス")).toBeVisible();
      await page.getByRole("link", { name: "本人確認をする", exact: true }).click();
      await expect(heading(page, "本人確認")).toBeVisible();
      await page.getByLabel("パスワード", { exact: true }).fill("not the password at all");
      await page.getByRole("button", { name: "続ける", exact: true }).click();
      await expect(alert(page, "パスワードが正しくありません。")).toBeVisible();
      await page.getByLabel("パスワード", { exact: true }).fill(password);
      await page.getByRole("button", { name: "続ける", exact: true }).click();
      await expect(page).toHaveURL((url) => url.pathname === "/account/email");
    });

    await step("email: the current address is refused as the new one", async () => {
      await page.getByLabel("新しいメールアドレス", { exact: true }).fill(email);
      await page.getByRole("button", { name: "確認コードを送信", exact: true }).click();
      await expect(alert(page, "これはすでにあなたのアドレスです。新しいアドレスを入力してください。")).toBeVisible();
    });

    await step("password: the two entries must match", async () => {
      await page.goto("/account/password");
      await expect(heading(page, "パスワードの変更")).toBeVisible();
      await page.getByLabel("新しいパスワード", { exact: true }).fill(uniquePassword());
      await page.getByLabel("新しいパスワード（確認）", { exact: true }).fill(uniquePassword());
      await page.getByRole("button", { name: "パスワードの変更", exact: true }).click();
      await expect(alert(page, "パスワードが一致しません。")).toBeVisible();
    });

    await step("two-step verification: a wrong code while setting up email codes", async () => {
      await page.goto("/account/security");
      await expect(heading(page, "2段階認証")).toBeVisible();
      await expect(main(page).getByRole("heading", { name: "認証アプリ", exact: true })).toBeVisible();
      const after = new Date();
      await page.getByRole("button", { name: "メールでの確認コードを有効にする", exact: true }).click();
      const code = await mailbox.waitForCode(email, { after });
      await codeField(page, "確認コード", "6 桁中 1 桁目").fill(wrongCode(code));
      await page.getByRole("button", { name: "有効にする", exact: true }).click();
      await expect(alert(page, /^確認コードが正しくありません。あと\d+回入力できます。$/)).toBeVisible();
      await page.getByRole("button", { name: "設定をキャンセル", exact: true }).click();
      await expect(page.getByRole("link", { name: "本人確認をする", exact: true })).toBeVisible();
    });

    await step("sessions, activity, connected accounts and delete", async () => {
      await page.goto("/account/sessions");
      await expect(heading(page, "セッション")).toBeVisible();
      await expect(main(page).getByRole("columnheader", { name: "端末" })).toBeVisible();
      await expect(main(page).getByText("この端末", { exact: true })).toBeVisible();

      await page.goto("/account/activity");
      await expect(heading(page, "セキュリティ履歴")).toBeVisible();
      await expect(main(page).getByRole("cell", { name: "アカウントを作成してサインイン" })).toBeVisible();
      await expect(main(page).getByRole("cell", { name: "パスワードで本人確認", exact: true })).toBeVisible();
      await expect(main(page).getByRole("cell", { name: "パスワードによる本人確認に失敗", exact: true })).toBeVisible();

      await page.goto("/account/connections");
      await expect(heading(page, "連携アカウント")).toBeVisible();
      await expect(main(page).getByText("連携しているアカウントはありません。")).toBeVisible();

      await page.goto("/account/delete");
      await expect(heading(page, "アカウントの削除")).toBeVisible();
      // The first account of a fresh database owns the Mailgate, and is told it cannot delete it yet.
      await expect(main(page).getByText(/^アカウントを削除するには、まずパスワード|^あなたはこの Mailgate のオーナーのため/)).toBeVisible();
    });

    const orgName = `日本の組織 ${randomBytes(3).toString("hex")}`;
    const slug = `ja-${randomBytes(4).toString("hex")}`;
    await step("create an organization: a bad URL name, then a good one", async () => {
      await page.goto("/orgs");
      await expect(heading(page, "組織")).toBeVisible();
      await page.goto("/orgs/new");
      await expect(heading(page, "組織を作成")).toBeVisible();
      await page.getByLabel("名前", { exact: true }).fill(orgName);
      await page.getByLabel("URL 名", { exact: true }).fill("Bad Slug!");
      await page.getByRole("button", { name: "組織を作成", exact: true }).click();
      await expect(alert(page, "英小文字（a–z）、数字、ハイフンを使い、先頭と末尾は英小文字か数字にしてください。")).toBeVisible();
      await page.getByLabel("URL 名", { exact: true }).fill(slug);
      await page.getByRole("button", { name: "組織を作成", exact: true }).click();
      await expect(status(page, "組織を作成しました。あなたがオーナーです。")).toBeVisible();
      await expect(heading(page, "メンバー")).toBeVisible();
      await expect(page.getByText("あなたはオーナーです")).toBeVisible();
    });

    const invitee = await users.create({ prefix: "japanese-invitee" });
    await step("invite: a bad address, then the invitee", async () => {
      await page.goto(`/orgs/${slug}/invitations`);
      await expect(heading(page, "メンバーを招待")).toBeVisible();
      await page.getByLabel("メールアドレス", { exact: true }).fill("not-an-address");
      await page.getByRole("button", { name: "招待を送信", exact: true }).click();
      await expect(alert(page, "有効なメールアドレスではありません: not-an-address。")).toBeVisible();
      await page.getByLabel("メールアドレス", { exact: true }).fill(invitee.email);
      await page.getByRole("button", { name: "招待を送信", exact: true }).click();
      await expect(page.getByRole("list", { name: "招待の結果" })).toContainText("招待しました");
      await expect(main(page).getByRole("cell", { name: "保留中" }).first()).toBeVisible();
    });

    await step("the invitee signs in from the invitation and accepts it", async () => {
      const message = await mailbox.waitForMessage(invitee.email, (m) => /\/invite\/[A-Za-z0-9_-]{43}/.test(m.text));
      const link = new URL(/https?:\/\/\S+?\/invite\/[A-Za-z0-9_-]{43}/.exec(message.text)![0]).pathname;
      const other = await newPage({ locale: "ja-JP", extraHTTPHeaders: { "x-forwarded-for": IP } });
      await other.goto(link);
      await expect(other.getByRole("heading", { level: 1, name: `${orgName} に参加` })).toBeVisible();
      await expect(other.getByText(/メンバーとして招待しています。$/)).toBeVisible();
      await other.getByRole("link", { name: "サインインして承諾", exact: true }).click();
      await other.getByLabel("メールアドレス", { exact: true }).fill(invitee.email);
      await other.getByLabel("パスワード", { exact: true }).fill(invitee.password);
      await other.getByRole("button", { name: "サインイン", exact: true }).click();
      await expect(other).toHaveURL((url) => url.pathname === link);
      await other.getByRole("button", { name: "参加する", exact: true }).click();
      await expect(other).toHaveURL((url) => url.pathname === `/orgs/${slug}`);
      await expect(heading(other, "メンバー")).toBeVisible();
      await expect(other.getByText("あなたはメンバーです")).toBeVisible();
    });

    await step("an invitation withdrawn while /orgs is open: Accept says so in Japanese", async () => {
      const late = await users.create({ prefix: "japanese-late", locale: "ja" });
      await page.goto(`/orgs/${slug}/invitations`);
      await page.getByLabel("メールアドレス", { exact: true }).fill(late.email);
      await page.getByRole("button", { name: "招待を送信", exact: true }).click();
      await expect(page.getByRole("list", { name: "招待の結果" })).toContainText("招待しました");
      const other = await newPage({ locale: "ja-JP", extraHTTPHeaders: { "x-forwarded-for": IP } });
      await other.goto("/sign-in?next=/orgs");
      await other.getByLabel("メールアドレス", { exact: true }).fill(late.email);
      await other.getByLabel("パスワード", { exact: true }).fill(late.password);
      await other.getByRole("button", { name: "サインイン", exact: true }).click();
      await expect(other).toHaveURL((url) => url.pathname === "/orgs");
      const accept = main(other).getByRole("button", { name: /^参加する/ });
      await expect(accept).toBeVisible();
      await page.goto(`/orgs/${slug}/invitations`);
      await main(page).getByRole("row").filter({ hasText: late.email }).getByRole("button", { name: /^取り消す/ }).click();
      await expect(status(page, "招待を取り消しました。")).toBeVisible();
      await accept.click();
      await expect(alert(other, `${orgName} への招待は取り消されました。誤りだと思われる場合は、`)).toBeVisible();
      await expect(alert(other, /Ask|withdrawn/)).toHaveCount(0);
    });

    await step("the organization's activity names what happened", async () => {
      await page.goto(`/orgs/${slug}`);
      await expect(main(page).getByRole("cell", { name: `組織 ${orgName} を作成`, exact: true })).toBeVisible();
      await expect(main(page).getByRole("cell", { name: `${orgName} にメンバーとして参加（招待を承諾）`, exact: true })).toBeVisible();
    });

    await step("a social sign-in's error page", async () => {
      await page.goto("/sign-in/social/error?reason=denied");
      await expect(page.getByRole("heading", { level: 1, name: "サインインはキャンセルされました" })).toBeVisible();
      await expect(page.getByRole("link", { name: "サインインに戻る", exact: true })).toBeVisible();
    });
  });
});

test("choosing 日本語 in the profile keeps the pages Japanese in a browser that asks for English", async ({ page, signedInUser, newPage }) => {
  await page.goto("/account");
  await expect(heading(page, "Profile")).toBeVisible();
  await page.getByLabel("Preferred language", { exact: true }).selectOption("ja");
  await page.getByRole("button", { name: "Save profile", exact: true }).click();
  await expect(status(page, "プロフィールを保存しました。")).toBeVisible();
  await expect(heading(page, "プロフィール")).toBeVisible();
  await expect(page.getByLabel("使用する言語", { exact: true })).toHaveValue("ja");
  await expect(page.getByRole("navigation", { name: "アカウント" })).toBeVisible();
  await expect(lang(page)).toHaveAttribute("lang", "ja");

  const fresh = await newPage({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": IP } });
  await submitPasswordSignIn(fresh, signedInUser.email, signedInUser.password);
  await expect(fresh).toHaveURL((url) => url.pathname === "/");
  await fresh.goto("/account/sessions");
  await expect(lang(fresh)).toHaveAttribute("lang", "ja");
  await expect(heading(fresh, "セッション")).toBeVisible();
});
