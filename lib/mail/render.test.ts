import { createElement } from "react";
import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import { EMAIL_KINDS, LOCALES, TEMPLATES, copyFor, isNoticeKind, type EmailKind, type Locale } from "@/emails";
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
};

const input = (kind: EmailKind, locale: Locale = "en", extra: Partial<RenderInput> = {}): RenderInput => ({
  kind, locale, branding, to: "ada@example.test", appUrl: "https://auth.acme.test/",
  ...(isNoticeKind(kind) ? {} : { code: "042917", ttlMinutes: 7 }),
  ...(kind === "CodeLockoutNotice" ? { lockMinutes: 25 } : {}),
  ...extra,
});

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

describe("renderEmail: input errors", () => {
  it("refuses a code email without a numeric code or an expiry", async () => {
    await expect(renderEmail(input("SignIn", "en", { code: undefined }))).rejects.toThrow(/code/);
    await expect(renderEmail(input("SignIn", "en", { code: "12ab56" }))).rejects.toThrow(/code/);
    await expect(renderEmail(input("SignIn", "en", { ttlMinutes: undefined }))).rejects.toThrow(/ttlMinutes/);
    await expect(renderEmail(input("CodeLockoutNotice", "en", { lockMinutes: undefined }))).rejects.toThrow(/lockMinutes/);
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

  it("warmTemplates renders everything once and can be called again", async () => {
    await expect(warmTemplates()).resolves.toBeUndefined();
    await expect(warmTemplates()).resolves.toBeUndefined();
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
