import { createElement } from "react";
import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import { EMAIL_KINDS, LOCALES, TEMPLATES, copyFor, isNoticeKind, SECURITY_NOTICES, type EmailKind, type Locale } from "@/emails";
import { defaultBranding, type Branding } from "@/lib/settings/schema";
import { pickLocale } from "./locale";
import { renderEmail, warmTemplates, type RenderInput } from "./render";
import { measureRenderTimes } from "./render-timing";

const branding: Branding = {
  productName: "Acme Cloud",
  logoUrl: null,
  primaryColor: "#0a7c42",
  backgroundColor: "#fafaf0",
  senderName: "Acme Security",
  companyAddress: "Acme Inc., 1 Market St, Springfield",
  supportEmail: null,
  ...{ logoAsset: null, faviconAsset: null, darkPrimaryColor: "#6ee7b7", termsUrl: null, privacyUrl: null },
};

/** When and from where: every security notice carries it. */
const WHERE: Partial<RenderInput> = { occurredAt: "2026-12-07 09:30 UTC", device: "Firefox on Linux", fromIp: "198.51.100.4" };

const IDENTITY: Partial<RenderInput> = { provider: "GitHub", identityName: "Ada L.", identityEmail: "ada.l@users.example.test", ...WHERE };

/** What each notice needs beyond the common fields. */
const NOTICE_VARS: Partial<Record<EmailKind, Partial<RenderInput>>> = {
  CodeLockoutNotice: { lockMinutes: 25, ...WHERE },
  MfaLockoutNotice: { lockMinutes: 25, ...WHERE },
  ConnectorTest: { provider: "SendGrid" },
  LinkIdentity: { provider: "GitHub" },
  PasswordChanged: WHERE,
  EmailChanged: { newEmail: "grace.hopper@new-mail.test", ...WHERE },
  MfaFactorAdded: { factor: "totp", ...WHERE },
  MfaFactorRemoved: { factor: "totp", ...WHERE },
  BackupCodesRegenerated: WHERE,
  IdentityLinked: IDENTITY,
  IdentityUnlinked: IDENTITY,
  OrganizationInvitationNotice: {
    organization: "Acme Research", inviter: "Grace Hopper", role: "admin", expiresInDays: 7, link: "https://auth.acme.test/invite/tok3n",
  },
};

const input = (kind: EmailKind, locale: Locale = "en", extra: Partial<RenderInput> = {}): RenderInput => ({
  kind, locale, branding, to: "ada@example.test", appUrl: "https://auth.acme.test/",
  ...(isNoticeKind(kind) ? {} : { code: "042917", ttlMinutes: 7 }),
  ...NOTICE_VARS[kind],
  ...extra,
});

const withSupport = { branding: { ...branding, supportEmail: "help@acme.test" } };

/** HTML with React's entity escapes undone, to search for copy. */
const unescape = (html: string) => html.replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

const cases = EMAIL_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const));

describe("renderEmail: every kind × locale", () => {
  it.each(cases)("%s (%s) has a clean subject, the branding, and the essentials in text", async (kind, locale) => {
    const { subject, html, text } = await renderEmail(input(kind, locale));
    const copy = copyFor(locale);
    expect(subject.trim()).not.toBe("");
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toContain("Acme Cloud");
    expect(html).toContain("Acme Cloud");
    expect(html).toContain("#0a7c42");
    expect(html).toContain("#fafaf0");
    expect(html).toContain("Acme Inc., 1 Market St, Springfield");
    expect(html).toContain(`lang="${copy.lang}"`);
    expect(text).toContain("Acme Inc., 1 Market St, Springfield");
    if (!isNoticeKind(kind)) {
      expect(subject.startsWith("042917")).toBe(true);
      for (const part of [unescape(html), text]) {
        expect(part).toContain("042917");
        expect(part).toContain(copy.common.expires(7));
        expect(part).toContain(copy.common.ignore);
      }
    }
  });

  it.each(EMAIL_KINDS)("%s: the Japanese subject and body differ from the English ones", async (kind) => {
    const [en, ja] = await Promise.all([renderEmail(input(kind, "en")), renderEmail(input(kind, "ja"))]);
    expect(ja.subject).not.toBe(en.subject);
    expect(ja.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja.text).not.toBe(en.text);
  });

  it("gives every code purpose its own subject and heading", async () => {
    const codeKinds = EMAIL_KINDS.filter((kind) => !isNoticeKind(kind));
    for (const locale of LOCALES) {
      const rendered = await Promise.all(codeKinds.map((kind) => renderEmail(input(kind, locale))));
      expect(new Set(rendered.map((r) => r.subject)).size).toBe(codeKinds.length);
      expect(new Set(rendered.map((r) => r.text.split("\n\n")[1])).size).toBe(codeKinds.length);
    }
  });
});

describe("renderEmail: copy and links", () => {
  it("states the purpose-specific wording", async () => {
    const expectations: [EmailKind, string, string][] = [
      ["SignIn", "Your sign-in code", "042917 is your Acme Cloud sign-in code"],
      ["Register", "Confirm your email to finish creating your account", "042917 is your Acme Cloud sign-up code"],
      ["ForgotPassword", "Reset your password", "042917 is your Acme Cloud password reset code"],
      ["UserPermissionValidation", "Confirm it's you", "042917 is your Acme Cloud confirmation code"],
      ["BindNewIdentifier", "Confirm your new email address", "042917 is the code to confirm your new Acme Cloud email address"],
      ["MfaVerification", "Your two-step verification code", "042917 is your Acme Cloud two-step verification code"],
      ["BindMfa", "Turn on email two-step verification", "042917 is your code to turn on Acme Cloud two-step verification"],
      ["OrganizationInvitation", "You've been invited to join Acme Cloud", "042917 is your Acme Cloud invitation code"],
      ["Generic", "Your verification code", "042917 is your Acme Cloud verification code"],
      ["LinkIdentity", "Connect GitHub to your account", "042917 is your code to connect GitHub to Acme Cloud"],
    ];
    for (const [kind, heading, subject] of expectations) {
      const r = await renderEmail(input(kind));
      expect(r.subject).toBe(subject);
      expect(r.text).toContain(heading);
    }
  });

  it("shows the code as one selectable run of text, large and monospace", async () => {
    const { html } = await renderEmail(input("SignIn"));
    const codeTag = /<p style="([^"]*)">042917<\/p>/.exec(html);
    expect(codeTag?.[1]).toMatch(/font-family:ui-monospace/);
    expect(codeTag?.[1]).toMatch(/letter-spacing:/);
    expect(codeTag?.[1]).toMatch(/font-size:32px/);
    expect(html.match(/042917/g)).toHaveLength(1);
  });

  it("AccountExistsNotice links to sign-in and password reset", async () => {
    const { html, text, subject } = await renderEmail(input("AccountExistsNotice"));
    expect(subject).toBe("You already have an account with Acme Cloud");
    for (const url of ["https://auth.acme.test/sign-in", "https://auth.acme.test/forgot-password"]) {
      expect(html).toContain(`href="${url}"`);
      expect(text).toContain(url);
    }
    expect(text).toContain("Sign in: https://auth.acme.test/sign-in");
    expect(text).toContain("but you already have one");
  });

  it("AccountExistsNotice from an invitation's page signs in back to the invitation", async () => {
    const link = "https://auth.acme.test/sign-in?next=%2Finvite%2Ftok3n";
    const { html, text } = await renderEmail(input("AccountExistsNotice", "en", { link }));
    expect(html).toContain(`href="${link}"`);
    expect(text).toContain(`Sign in: ${link}`);
    expect(html).not.toContain('href="https://auth.acme.test/sign-in"');
    expect(text).toContain("Reset your password: https://auth.acme.test/forgot-password");
    // Other notices never carry one.
    expect((await renderEmail(input("NoAccountNotice", "en", { link }))).html).not.toContain("tok3n");
  });

  it("NoAccountNotice links to sign-up and says what to do if it wasn't you", async () => {
    const { html, text } = await renderEmail(input("NoAccountNotice"));
    expect(html).toContain('href="https://auth.acme.test/sign-up"');
    expect(text).toContain("Create an account: https://auth.acme.test/sign-up");
    expect(text).toContain("there is no account");
    expect(text).toContain("If it wasn't you, you can ignore this email");
  });

  it("CodeLockoutNotice states the pause and suggests a password change", async () => {
    const en = await renderEmail(input("CodeLockoutNotice"));
    expect(en.subject).toContain("25 minutes");
    expect(en.text).toContain("code sign-in is paused for 25 minutes");
    expect(en.text).toContain("Consider changing your password");
    const ja = await renderEmail(input("CodeLockoutNotice", "ja"));
    expect(ja.text).toContain("25分間");
    expect(en.text).not.toContain("https://auth.acme.test");
  });

  it("OrganizationInvitation carries the code and the accept link when given", async () => {
    const link = "https://auth.acme.test/invitations/abc?team=7&x=1";
    const { html, text } = await renderEmail(input("OrganizationInvitation", "en", { link }));
    expect(html).toContain('href="https://auth.acme.test/invitations/abc?team=7&amp;x=1"');
    expect(text).toContain(`Accept the invitation: ${link}`);
    expect(text).toContain("042917");
    const without = await renderEmail(input("OrganizationInvitation"));
    expect(without.html).not.toContain("invitations/abc");
  });

  it("drops a link that is not http(s)", async () => {
    const { html } = await renderEmail(input("OrganizationInvitation", "en", { link: "javascript:alert(1)" }));
    expect(html).not.toContain("javascript:");
  });

  it("says 1 minute, not 1 minutes", async () => {
    const { text } = await renderEmail(input("SignIn", "en", { ttlMinutes: 1 }));
    expect(text).toContain("This code expires in 1 minute.");
  });
});

describe("renderEmail: account notices", () => {
  /** The buttons of an email, as "Label: URL" lines of its text part. */
  const buttons = (text: string) => text.split("\n").filter((line) => /^[^:]+: https?:\/\//.test(line));

  it("ConnectorTest names the product and the provider, and has no buttons", async () => {
    const en = await renderEmail(input("ConnectorTest"));
    expect(en.subject).toBe("Test email from Acme Cloud via SendGrid");
    expect(en.text).toContain("Your email connector works");
    expect(en.text).toContain("This is a test email from Acme Cloud, sent through SendGrid.");
    expect(en.text).toContain("If you can read this, the email connector is set up correctly and sign-in codes will reach your users.");
    expect(en.text).toContain("You received this because an administrator of Acme Cloud sent a test to this address.");
    expect(en.html).toContain("SendGrid");
    expect(en.html).not.toContain('class="mg-action"');
    expect(buttons(en.text)).toEqual([]);
    const ja = await renderEmail(input("ConnectorTest", "ja"));
    expect(ja.subject).toBe("Acme Cloud のテストメール（SendGrid 経由）");
    expect(ja.text).toContain("これは Acme Cloud から SendGrid 経由で送信されたテストメールです。");
    expect(ja.text).toContain("メールコネクタは正しく設定されており、サインインコードもユーザーに届きます。");
    expect(ja.text).toContain("Acme Cloud の管理者がこのアドレス宛てにテストメールを送信したため");
  });

  it("ConnectorTest keeps the provider on one line and escapes it", async () => {
    const { subject, html } = await renderEmail(input("ConnectorTest", "en", { provider: "  Send\r\nGrid <b>x</b> " }));
    expect(subject).toBe("Test email from Acme Cloud via Send Grid <b>x</b>");
    expect(html).not.toContain("<b>x</b>");
    expect(html).toContain("Send Grid &lt;b&gt;x&lt;/b&gt;");
  });

  it("PasswordChanged says what changed and links to password reset", async () => {
    const en = await renderEmail(input("PasswordChanged"));
    expect(en.subject).toBe("Your Acme Cloud password was changed");
    expect(en.text).toContain("The password for your Acme Cloud account was changed.");
    expect(en.text).toContain("you've been signed out on all other devices and browsers");
    expect(en.html).toContain('href="https://auth.acme.test/forgot-password"');
    expect(buttons(en.text)).toEqual(["Reset your password: https://auth.acme.test/forgot-password"]);
    expect(en.text).toContain("If this wasn't you, reset your password now and contact Acme Cloud support.");
    const ja = await renderEmail(input("PasswordChanged", "ja"));
    expect(ja.subject).toBe("Acme Cloud のパスワードが変更されました");
    expect(ja.text).toContain("Acme Cloud アカウントのパスワードが変更されました。");
    expect(ja.text).toContain("ほかのすべての端末とブラウザからサインアウトしました");
    expect(buttons(ja.text)).toEqual(["パスワードを再設定: https://auth.acme.test/forgot-password"]);
    expect(ja.text).toContain("今すぐパスワードを再設定し、Acme Cloud のサポート窓口までご連絡ください。");
  });

  it("PasswordChanged names the support address when branding has one", async () => {
    const en = await renderEmail(input("PasswordChanged", "en", withSupport));
    expect(en.text).toContain("reset your password now and contact support at help@acme.test.");
    const ja = await renderEmail(input("PasswordChanged", "ja", withSupport));
    expect(ja.text).toContain("今すぐパスワードを再設定し、help@acme.test までご連絡ください。");
  });

  it("EmailChanged shows the new address masked, never in full, and no sign-in button", async () => {
    for (const locale of LOCALES) {
      const { subject, html, text } = await renderEmail(input("EmailChanged", locale));
      for (const part of [subject, html, text]) {
        expect(part).not.toContain("grace.hopper@new-mail.test");
        expect(part).not.toContain("grace.hopper");
      }
      expect(html).toContain("g•••@new-mail.test");
      expect(text).toContain("g•••@new-mail.test");
      expect(html).not.toContain('class="mg-action"');
      expect(html).not.toContain("https://auth.acme.test");
    }
    const en = await renderEmail(input("EmailChanged"));
    expect(en.subject).toBe("Your Acme Cloud email address was changed");
    expect(en.text).toContain("The email address for your Acme Cloud account was changed to g•••@new-mail.test.");
    expect(en.text).toContain("You can no longer sign in with this address");
    expect(en.text).toContain("If you didn't make this change, contact Acme Cloud support right away");
    const ja = await renderEmail(input("EmailChanged", "ja"));
    expect(ja.subject).toBe("Acme Cloud アカウントのメールアドレスが変更されました");
    expect(ja.text).toContain("Acme Cloud アカウントのメールアドレスが g•••@new-mail.test に変更されました。");
    expect(ja.text).toContain("今後はこのメールアドレスではサインインできません。");
    expect(ja.text).toContain("すぐに Acme Cloud のサポート窓口までご連絡ください。");
  });

  it("EmailChanged points to the support address when branding has one", async () => {
    const en = await renderEmail(input("EmailChanged", "en", withSupport));
    expect(en.text).toContain("If you didn't make this change, contact support at help@acme.test right away");
    expect(en.html).toContain('href="mailto:help@acme.test"');
    const ja = await renderEmail(input("EmailChanged", "ja", withSupport));
    expect(ja.text).toContain("すぐに help@acme.test までご連絡ください。");
  });

  it.each([
    ["email", "email codes", "メールによる確認コード"],
    ["totp", "an authenticator app", "認証アプリ"],
    ["backup_codes", "backup codes", "バックアップコード"],
  ] as const)("MfaFactorAdded / MfaFactorRemoved name the %s factor", async (factor, enName, jaName) => {
    const added = await renderEmail(input("MfaFactorAdded", "en", { factor }));
    expect(added.subject).toBe("A two-step verification method was added to your Acme Cloud account");
    expect(added.text).toContain(`Your Acme Cloud account can now use ${enName} for two-step verification.`);
    const removed = await renderEmail(input("MfaFactorRemoved", "en", { factor }));
    expect(removed.subject).toBe("A two-step verification method was removed from your Acme Cloud account");
    expect(removed.text).toContain(`Your Acme Cloud account can no longer use ${enName} for two-step verification.`);
    const addedJa = await renderEmail(input("MfaFactorAdded", "ja", { factor }));
    expect(addedJa.subject).toBe("Acme Cloud アカウントに2段階認証の方法が追加されました");
    expect(addedJa.text).toContain(`Acme Cloud アカウントの2段階認証で、${jaName}が使えるようになりました。`);
    const removedJa = await renderEmail(input("MfaFactorRemoved", "ja", { factor }));
    expect(removedJa.subject).toBe("Acme Cloud アカウントから2段階認証の方法が削除されました");
    expect(removedJa.text).toContain(`Acme Cloud アカウントの2段階認証で、${jaName}が使えなくなりました。`);
  });

  it.each(["MfaFactorAdded", "MfaFactorRemoved", "BackupCodesRegenerated"] as const)(
    "%s links to account security and says what to do if it wasn't you",
    async (kind) => {
      const en = await renderEmail(input(kind));
      expect(en.html).toContain('href="https://auth.acme.test/account/security"');
      expect(buttons(en.text)).toEqual(["Open security settings: https://auth.acme.test/account/security"]);
      expect(en.text).toContain("If you didn't make this change, someone else may have access to your account.");
      const ja = await renderEmail(input(kind, "ja"));
      expect(buttons(ja.text)).toEqual(["セキュリティ設定を開く: https://auth.acme.test/account/security"]);
      expect(ja.text).toContain("パスワードを再設定し、2段階認証の設定を確認してください。");
    },
  );

  it("BackupCodesRegenerated says the old codes no longer work", async () => {
    const en = await renderEmail(input("BackupCodesRegenerated"));
    expect(en.subject).toBe("New backup codes were generated for your Acme Cloud account");
    expect(en.text).toContain("New backup codes were generated for your Acme Cloud account.");
    expect(en.text).toContain("Your old backup codes no longer work.");
    const ja = await renderEmail(input("BackupCodesRegenerated", "ja"));
    expect(ja.subject).toBe("Acme Cloud アカウントのバックアップコードが再発行されました");
    expect(ja.text).toContain("以前のバックアップコードは使えなくなりました。");
  });

  it("MfaLockoutNotice states the pause and asks for a password change", async () => {
    const en = await renderEmail(input("MfaLockoutNotice"));
    expect(en.subject).toBe("Two-step sign-in to Acme Cloud is paused for 25 minutes");
    expect(en.text).toContain("so two-step sign-in is paused for 25 minutes.");
    expect(en.text).toContain("If it wasn't you, someone else knows your password. Change it right away.");
    expect(buttons(en.text)).toEqual(["Reset your password: https://auth.acme.test/forgot-password"]);
    const ja = await renderEmail(input("MfaLockoutNotice", "ja"));
    expect(ja.subject).toBe("Acme Cloud の2段階認証によるサインインを25分間停止しました");
    expect(ja.text).toContain("2段階認証によるサインインを25分間停止しています。");
    expect(ja.text).toContain("パスワードが第三者に知られています。すぐにパスワードを変更してください。");
    expect(buttons(ja.text)).toEqual(["パスワードを再設定: https://auth.acme.test/forgot-password"]);
    const once = await renderEmail(input("MfaLockoutNotice", "en", { lockMinutes: 1 }));
    expect(once.subject).toBe("Two-step sign-in to Acme Cloud is paused for 1 minute");
  });
});

describe("renderEmail: branding", () => {
  it("renders the logo as an <img> when logoUrl is set, the name as text otherwise", async () => {
    const withLogo = await renderEmail(input("SignIn", "en", { branding: { ...branding, logoUrl: "https://cdn.acme.test/logo.png" } }));
    expect(withLogo.html).toMatch(/<img[^>]+src="https:\/\/cdn\.acme\.test\/logo\.png"[^>]*alt="Acme Cloud"|<img[^>]+alt="Acme Cloud"[^>]*src="https:\/\/cdn\.acme\.test\/logo\.png"/);
    const without = await renderEmail(input("SignIn"));
    expect(without.html).not.toContain("<img");
  });

  it("ignores a logo URL that is not http(s)", async () => {
    const { html } = await renderEmail(input("SignIn", "en", { branding: { ...branding, logoUrl: "javascript:alert(1)" } }));
    expect(html).not.toContain("<img");
    expect(html).not.toContain("javascript:");
  });

  it("shows the support address only when set", async () => {
    const withSupport = await renderEmail(input("SignIn", "en", { branding: { ...branding, supportEmail: "help@acme.test" } }));
    expect(withSupport.text).toContain("Questions? Write to help@acme.test.");
    expect(withSupport.html).toContain('href="mailto:help@acme.test"');
    const ja = await renderEmail(input("SignIn", "ja", { branding: { ...branding, supportEmail: "help@acme.test" } }));
    expect(ja.text).toContain("help@acme.test までお問い合わせください");
    const without = await renderEmail(input("SignIn"));
    expect(without.text).not.toContain("Questions?");
  });

  it("names the sender and the recipient in the footer", async () => {
    const { text } = await renderEmail(input("SignIn"));
    expect(text).toContain("Acme Security sent this email to ada@example.test.");
  });

  it("strips CR/LF from branding so a subject can never carry a header", async () => {
    const evil = { ...branding, productName: "Acme\r\nBcc: victim@example.test", senderName: "Acme\nX" };
    for (const kind of EMAIL_KINDS) {
      const { subject } = await renderEmail(input(kind, "en", { branding: evil }));
      expect(subject).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(subject).toContain("Acme Bcc: victim@example.test");
    }
  });

  it("escapes HTML in branding", async () => {
    const { html } = await renderEmail(input("SignIn", "en", { branding: { ...branding, productName: '<script>alert("x")</script>' } }));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps a multi-line company address as lines", async () => {
    const { html, text } = await renderEmail(input("SignIn", "en", { branding: { ...branding, companyAddress: "Acme Inc.\n1 Market St" } }));
    expect(html).toContain("<br/>");
    expect(text).toContain("Acme Inc.\n1 Market St");
  });

  it("uses readable text on a pale primary colour", async () => {
    const { html } = await renderEmail(input("NoAccountNotice", "en", { branding: { ...branding, primaryColor: "#ffe14d" } }));
    expect(html).toMatch(/background-color:#ffe14d;color:#111827/);
  });
});

describe("renderEmail: identity notices", () => {
  it.each([
    ["IdentityLinked", "GitHub sign-in was connected to your Acme Cloud account", "can now sign in"],
    ["IdentityUnlinked", "GitHub sign-in was disconnected from your Acme Cloud account", "can no longer sign in"],
  ] as const)("%s names the provider, the account (address masked), when, the browser and the IP", async (kind, subject, sentence) => {
    const { subject: got, html, text } = await renderEmail(input(kind));
    expect(got).toBe(subject);
    expect(text).toContain(`The GitHub account Ada L. (a•••@users.example.test) ${sentence} to your Acme Cloud account.`);
    expect(text).toContain("When: 2026-12-07 09:30 UTC. From: Firefox on Linux, IP address 198.51.100.4.");
    expect(text).not.toContain("ada.l@users.example.test");
    expect(html).toContain('href="https://auth.acme.test/account/connections"');
    expect(text).toMatch(/If this wasn't you/);
    const ja = await renderEmail(input(kind, "ja"));
    expect(ja.text).toContain("GitHub のアカウント「Ada L. (a•••@users.example.test)」");
    expect(ja.text).toContain("日時: 2026-12-07 09:30 UTC。操作元: Firefox on Linux(IP アドレス 198.51.100.4)。");
  });

  it("says 'a <provider> account' when the provider named nobody, and leaves out an unknown IP", async () => {
    const { text } = await renderEmail(input("IdentityLinked", "en", { identityName: "", identityEmail: undefined, fromIp: "" }));
    expect(text).toContain("A GitHub account can now sign in to your Acme Cloud account.");
    expect(text).toContain("When: 2026-12-07 09:30 UTC. From: Firefox on Linux.");
  });
});

describe("renderEmail: security notices", () => {
  it.each(SECURITY_NOTICES)("%s says when, from which browser and from which IP, in both languages", async (kind) => {
    const { text } = await renderEmail(input(kind));
    expect(text).toContain("When: 2026-12-07 09:30 UTC. From: Firefox on Linux, IP address 198.51.100.4.");
    const ja = await renderEmail(input(kind, "ja"));
    expect(ja.text).toContain("日時: 2026-12-07 09:30 UTC。操作元: Firefox on Linux(IP アドレス 198.51.100.4)。");
  });

  it.each(SECURITY_NOTICES)("%s is refused without when or the browser (a programming error)", async (kind) => {
    await expect(renderEmail(input(kind, "en", { occurredAt: undefined }))).rejects.toThrow(`${kind} needs occurredAt`);
    await expect(renderEmail(input(kind, "en", { device: "" }))).rejects.toThrow(`${kind} needs device`);
  });

  it("other notices say nothing of when and where", async () => {
    for (const kind of ["NoAccountNotice", "OrganizationInvitationNotice", "ConnectorTest"] as const) {
      const { text } = await renderEmail(input(kind, "en", WHERE));
      expect(text, kind).not.toContain("When:");
    }
  });
});

describe("renderEmail: input errors", () => {
  it("refuses a code email without a numeric code or an expiry", async () => {
    await expect(renderEmail(input("SignIn", "en", { code: undefined }))).rejects.toThrow(/code/);
    await expect(renderEmail(input("SignIn", "en", { code: "12ab56" }))).rejects.toThrow(/code/);
    await expect(renderEmail(input("SignIn", "en", { ttlMinutes: undefined }))).rejects.toThrow(/ttlMinutes/);
    await expect(renderEmail(input("CodeLockoutNotice", "en", { lockMinutes: undefined }))).rejects.toThrow(/lockMinutes/);
  });

  it.each([
    ["MfaLockoutNotice", { lockMinutes: undefined }, /MfaLockoutNotice needs lockMinutes/],
    ["ConnectorTest", { provider: undefined }, /ConnectorTest needs provider/],
    ["ConnectorTest", { provider: " \r\n " }, /ConnectorTest needs provider/],
    ["EmailChanged", { newEmail: undefined }, /EmailChanged needs newEmail/],
    ["EmailChanged", { newEmail: "not an address" }, /EmailChanged needs newEmail/],
    ["MfaFactorAdded", { factor: undefined }, /MfaFactorAdded needs factor \(one of email, totp, backup_codes\)/],
    ["MfaFactorRemoved", { factor: "sms" as never }, /MfaFactorRemoved needs factor/],
    ["IdentityLinked", { provider: undefined }, /IdentityLinked needs provider/],
    ["IdentityUnlinked", { occurredAt: undefined }, /IdentityUnlinked needs occurredAt/],
    ["IdentityLinked", { device: " " }, /IdentityLinked needs device/],
  ] as const)("refuses %s with %o", async (kind, extra, error) => {
    await expect(renderEmail(input(kind, "en", extra))).rejects.toThrow(error);
  });

  it("refuses a non-http appUrl and an unknown kind", async () => {
    await expect(renderEmail(input("NoAccountNotice", "en", { appUrl: "javascript:alert(1)" }))).rejects.toThrow(/appUrl/);
    await expect(renderEmail(input("Nope" as EmailKind))).rejects.toThrow(/unknown/);
  });
});

describe("templates", () => {
  it.each(EMAIL_KINDS)("%s renders on its own with preview defaults", async (kind) => {
    const html = await render(createElement(TEMPLATES[kind]));
    expect(html).toContain(defaultBranding.productName);
    if (!isNoticeKind(kind)) expect(html).toContain("123456");
  });

  it("warmTemplates compiles the code emails and can be called again", async () => {
    await expect(warmTemplates()).resolves.toBeUndefined();
    await expect(warmTemplates({ branding })).resolves.toBeUndefined();
  });

  it("measureRenderTimes reports a mean for every kind", async () => {
    const times = await measureRenderTimes(1);
    expect(Object.keys(times).sort()).toEqual([...EMAIL_KINDS].sort());
    for (const ms of Object.values(times)) expect(ms).toBeGreaterThan(0);
  });
});

describe("pickLocale", () => {
  it.each([
    ["saved locale wins over the header", "ja", "en-US,en;q=0.9", "ja"],
    ["saved regional tag", "ja-JP", null, "ja"],
    ["saved en wins over a Japanese header", "en", "ja-JP,ja;q=0.9", "en"],
    ["unsupported saved locale falls through to the header", "fr", "ja", "ja"],
    ["Accept-Language ja-JP", null, "ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["Accept-Language with an unsupported language", undefined, "fr", "en"],
    ["q-values beat header order", null, "en;q=0.5,ja;q=0.9", "ja"],
    ["q-values beat header order (en)", null, "ja;q=0.4, fr, en;q=0.8", "en"],
    ["equal q keeps header order", null, "ja;q=0.8,en;q=0.8", "ja"],
    ["q=0 means not acceptable", null, "ja;q=0,en;q=0.1", "en"],
    ["first supported language after unsupported ones", null, "fr-FR,de;q=0.9,ja;q=0.8", "ja"],
    ["wildcard only", null, "*", "en"],
    ["garbage", null, ";;;,,=q=ja==", "en"],
    ["invalid q-value drops the entry", null, "ja;q=2,en;q=0.5", "en"],
    ["case and spaces", null, "  JA-jp ; Q=0.7 ", "ja"],
    ["nothing at all", null, null, "en"],
    ["empty strings", "", "", "en"],
    ["prototype names are not locales", "constructor", "__proto__", "en"],
  ] as const)("%s", (_name, saved, header, expected) => {
    expect(pickLocale(saved, header)).toBe(expected);
  });

  it("copes with a huge header", () => {
    expect(pickLocale(null, `${"xx,".repeat(50_000)}ja`)).toBe("en");
  });
});

describe("OrganizationInvitationNotice", () => {
  it("names the organization, the inviter, the role and the expiry, with an Accept invitation button to the link", async () => {
    const { subject, html, text } = await renderEmail(input("OrganizationInvitationNotice", "en", { expiresInDays: 3 }));
    expect(subject).toBe("Grace Hopper invited you to join Acme Research on Acme Cloud");
    expect(text).toContain("Grace Hopper invited you to join Acme Research on Acme Cloud as an admin.");
    expect(text).toContain("This invitation expires in 3 days.");
    expect(text).toContain("Accept invitation: https://auth.acme.test/invite/tok3n");
    expect(html).toContain('href="https://auth.acme.test/invite/tok3n"');
    const ja = await renderEmail(input("OrganizationInvitationNotice", "ja", { role: "member" }));
    expect(ja.text).toContain("メンバーとしてあなたを招待しました");
    expect(ja.text).toContain("招待を承諾する: https://auth.acme.test/invite/tok3n");
  });

  it("refuses to render without its link or with an unknown role (a programming error)", async () => {
    await expect(renderEmail(input("OrganizationInvitationNotice", "en", { link: undefined }))).rejects.toThrow(/needs link/);
    await expect(renderEmail(input("OrganizationInvitationNotice", "en", { role: "boss" as never }))).rejects.toThrow(/needs role/);
  });
});
