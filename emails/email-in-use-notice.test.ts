import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/mail/render";
import { defaultBranding } from "@/lib/settings/schema";

const render = (locale: "en" | "ja") =>
  renderEmail({ kind: "EmailInUseNotice", locale, branding: defaultBranding, to: "ada@example.test", appUrl: "https://auth.example.test" });

describe("EmailInUseNotice", () => {
  it("says the address can't be used for another account, links to sign-in, and carries no code", async () => {
    const { subject, text, html } = await render("en");
    expect(subject).toBe("This address can't be added to another Mailgate account");
    expect(text).toContain("already belongs to an account, so it can't be used for another one");
    expect(text).toContain("Sign in: https://auth.example.test/sign-in");
    expect(html).toContain('href="https://auth.example.test/sign-in"');
    expect(`${subject} ${text}`).not.toMatch(/\b\d{6}\b/);
  });

  it("has its own Japanese copy", async () => {
    const { subject, text } = await render("ja");
    expect(subject).toBe("このメールアドレスは別の Mailgate アカウントには使えません");
    expect(text).toContain("すでに別のアカウントで使われているため");
  });
});
