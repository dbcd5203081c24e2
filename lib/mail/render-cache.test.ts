import { describe, expect, it } from "vitest";
import { EMAIL_KINDS, LOCALES, MFA_FACTORS, isNoticeKind, type EmailKind, type Locale } from "@/emails";
import { defaultBranding, type Branding } from "@/lib/settings/schema";
import { renderEmail, renderEmailFresh, sampleRenderInput, warmTemplates, type RenderInput } from "./render";
import { MAX_ENTRIES, renderCacheStats } from "./render-cache";

const acme: Branding = {
  productName: `Acme "Cloud" & <Co> 'β' 日本`,
  logoUrl: null,
  primaryColor: "#0a7c42",
  backgroundColor: "#fafaf0",
  senderName: "Acme <Security>",
  companyAddress: "Acme Inc.\n1 Market St & Co\n東京都千代田区",
  supportEmail: "help@acme.test",
  ...{ logoAsset: null, faviconAsset: null, darkPrimaryColor: "#6ee7b7", termsUrl: null, privacyUrl: null },
};

/** Values that need escaping, in text, in attributes (the link) and in subjects (provider, code). */
const NASTY: Partial<RenderInput> = {
  to: `o'brien+"<script>alert(1)</script>"&x@例え.jp`,
  provider: `Send<b>"Grid"</b> & 'co' 送信 <script>`,
  newEmail: "山田&'x@ex&ample.jp",
  link: "https://auth.acme.test/invitations/a'b?team=7&x=<1>&y=\"2\"",
  code: "0042917",
  organization: `R&D <"Lab"> 'β' 研究所`,
  inviter: `<b>Grace</b> & "Co" 山田`,
};

/** A long line, so anything that pads or cuts to a length would show. */
const LONG: Partial<RenderInput> = { to: `${"very-long-local-part.".repeat(8)}@example.jp`, provider: "P".repeat(200), organization: "O".repeat(80), inviter: "I".repeat(120) };

const VARIANTS: [string, Partial<RenderInput>][] = [
  ["sample values", {}],
  ["values that need escaping", NASTY],
  ["long values", LONG],
  ["branding with a logo, no support address, one address line", {
    branding: { ...acme, logoUrl: "https://cdn.acme.test/logo.png?v=1&s=2", supportEmail: null, companyAddress: "Acme" },
  }],
  ["one minute and a pale colour", { ttlMinutes: 1, lockMinutes: 1, branding: { ...acme, primaryColor: "#ffe14d" } }],
  ["no recipient and no link", { to: "", link: undefined }],
];

function input(kind: EmailKind, locale: Locale, extra: Partial<RenderInput>): RenderInput {
  const link = isNoticeKind(kind) ? undefined : "https://auth.acme.test/open?x=1";
  const value = { ...sampleRenderInput(kind, locale), branding: acme, link, lockMinutes: 25, ttlMinutes: 7, ...extra };
  // The invitation is the one notice that must carry its link.
  return kind === "OrganizationInvitationNotice" ? { ...value, link: extra.link ?? "https://auth.acme.test/invite/t0k3n" } : value;
}

/** Renders through the cache and asserts it filled (not rendered) the message. */
async function filled(value: RenderInput) {
  const before = renderCacheStats();
  const rendered = await renderEmail(value);
  const after = renderCacheStats();
  expect(after.fresh, "rendered fresh instead of filled").toBe(before.fresh);
  expect(after.filled).toBe(before.filled + 1);
  return rendered;
}

const cases = EMAIL_KINDS.flatMap((kind) => LOCALES.flatMap((locale) => VARIANTS.map(([name, extra]) => [kind, locale, name, extra] as const)));

describe("renderEmail (cached) equals a fresh React render", () => {
  it.each(cases)("%s (%s) with %s", async (kind, locale, _name, extra) => {
    const value = input(kind, locale, extra);
    const fresh = await renderEmailFresh(value);
    // Twice: the first compiles the entry, the second only fills it.
    for (let round = 0; round < 2; round += 1) expect(await filled(value)).toEqual(fresh);
  });

  it.each(MFA_FACTORS)("names the %s factor as a fresh render does", async (factor) => {
    for (const kind of ["MfaFactorAdded", "MfaFactorRemoved"] as const) {
      for (const locale of LOCALES) {
        const value = input(kind, locale, { factor });
        expect(await filled(value)).toEqual(await renderEmailFresh(value));
      }
    }
  });

  it("renders afresh, identically, a value the text converter would collapse", async () => {
    const value = input("BindNewIdentifier", "en", { to: "ada\u200b@example.test" });
    const before = renderCacheStats().fresh;
    expect(await renderEmail(value)).toEqual(await renderEmailFresh(value));
    expect(renderCacheStats().fresh).toBe(before + 1);
  });

  it("fills a fresh code and recipient into one compiled entry per kind and locale", async () => {
    const first = await renderEmail(input("SignIn", "ja", { code: "111111", to: "a@example.test" }));
    const compiled = renderCacheStats().compiled;
    const second = await filled(input("SignIn", "ja", { code: "222222", to: "b@example.test" }));
    expect(renderCacheStats().compiled).toBe(compiled);
    expect(second.subject).toContain("222222");
    expect(second.html).toContain("b@example.test");
    expect(second.html).not.toMatch(/111111|a@example\.test/);
    expect(first.text).toContain("111111");
  });

  it("compiles an entry once however many messages ask for it at the same time", async () => {
    const branding = { ...acme, productName: "Concurrent" };
    const before = renderCacheStats().compiled;
    const codes = Array.from({ length: 12 }, (_, i) => String(100_000 + i));
    const rendered = await Promise.all(codes.map((code) => renderEmail(input("Register", "en", { branding, code }))));
    expect(renderCacheStats().compiled).toBe(before + 1);
    rendered.forEach((email, i) => expect(email.subject.startsWith(codes[i]!)).toBe(true));
  });
});

describe("renderEmail cache: branding", () => {
  it("uses a new branding at once and keeps each branding's own output", async () => {
    const a = input("SignIn", "en", { branding: { ...acme, productName: "Alpha", primaryColor: "#112233" } });
    const b = input("SignIn", "en", { branding: { ...acme, productName: "Beta", primaryColor: "#445566" } });
    const first = await renderEmail(a);
    const changed = await renderEmail(b);
    expect(changed).toEqual(await renderEmailFresh(b));
    expect(changed.html).toContain("Beta");
    expect(changed.html).toContain("#445566");
    expect(changed.html).not.toMatch(/Alpha|#112233/);
    expect(await renderEmail(a)).toEqual(first);
    for (const field of ["senderName", "companyAddress", "supportEmail", "logoUrl", "backgroundColor"] as const) {
      const value = field === "supportEmail" ? "other@acme.test" : field === "logoUrl" ? "https://cdn.acme.test/x.png" : field === "backgroundColor" ? "#000000" : "Changed";
      const next = input("SignIn", "en", { branding: { ...acme, [field]: value } });
      expect(await renderEmail(next), field).toEqual(await renderEmailFresh(next));
    }
  });

  it("stays bounded however many brandings come and go", async () => {
    for (let i = 0; i < MAX_ENTRIES + 20; i += 1) {
      await renderEmail(input("Generic", "en", { branding: { ...acme, productName: `Brand ${i}` } }));
    }
    expect(renderCacheStats().size).toBeLessThanOrEqual(MAX_ENTRIES);
    const recent = input("Generic", "en", { branding: { ...acme, productName: `Brand ${MAX_ENTRIES + 19}` } });
    const compiled = renderCacheStats().compiled;
    await filled(recent);
    expect(renderCacheStats().compiled).toBe(compiled);
  });

  it("warmTemplates compiles every code email in every language for the given branding", async () => {
    const branding = { ...acme, productName: "Warmed" };
    await warmTemplates({ branding, appUrl: "https://auth.warm.test", ttlMinutes: 5 });
    const compiled = renderCacheStats().compiled;
    for (const kind of EMAIL_KINDS.filter((k) => !isNoticeKind(k))) {
      for (const locale of LOCALES) await filled({ ...sampleRenderInput(kind, locale), branding, appUrl: "https://auth.warm.test", ttlMinutes: 5, code: "987654" });
    }
    expect(renderCacheStats().compiled).toBe(compiled);
  });
});

describe("renderEmail cache: escaping", () => {
  it("never turns an operator's branding or a recipient's text into markup", async () => {
    const branding = { ...defaultBranding, productName: `<script>alert("p")</script>`, senderName: `<img src=x onerror=alert(1)>` };
    const to = `"><script>alert(2)</script><a href="javascript:alert(3)">@x.test`;
    for (const kind of EMAIL_KINDS) {
      for (const locale of LOCALES) {
        const { html, subject } = await renderEmail(input(kind, locale, { branding, to, provider: "<script>alert(4)</script>" }));
        expect(html).not.toMatch(/<script|<img src=x|<a href="javascript:/i);
        expect(html).toContain("&lt;script&gt;alert(&quot;p&quot;)&lt;/script&gt;");
        // A subject is a header, not HTML: it carries the text as is, on one line.
        expect(subject).not.toMatch(/[\r\n]/);
      }
    }
  });

  it("escapes a link where it is an attribute and where it is text", async () => {
    const { html, text } = await filled(input("OrganizationInvitation", "en", { link: "https://a.test/p'q?x=1&y=2" }));
    expect(html).toContain(`href="https://a.test/p&#x27;q?x=1&amp;y=2"`);
    expect(html).toContain(">https://a.test/p&#x27;q?x=1&amp;y=2</a>");
    expect(text).toContain("Accept the invitation: https://a.test/p'q?x=1&y=2");
  });
});
