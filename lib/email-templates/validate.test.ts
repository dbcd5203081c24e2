import { describe, expect, it } from "vitest";
import { defaultTemplateText, EMAIL_KINDS, LOCALES, SECURITY_NOTICES } from "@/emails";
import { renderEmail, renderEmailFresh, sampleRenderInput } from "@/lib/mail/render";
import { validateTemplate, type TemplateForm } from "./validate";

const form = (over: Partial<TemplateForm> = {}): TemplateForm => ({
  subject: "{{code}} opens {{productName}}",
  heading: "Welcome back",
  body: "Hello {{email}}.\n\nThe code works for {{ttlMinutes}} minutes.",
  buttonLabel: "",
  footer: "Not you? Ignore this.",
  ...over,
});

describe("validateTemplate", () => {
  it("accepts declared variables and splits the body into paragraphs", () => {
    const result = validateTemplate("SignIn", form({ body: "Hello {{ email }}.\nStill the first paragraph.\n\n\nSecond." }));
    expect(result).toEqual({
      ok: true,
      text: { subject: "{{code}} opens {{productName}}", heading: "Welcome back", paragraphs: ["Hello {{ email }}. Still the first paragraph.", "Second."], buttonLabel: "", footer: "Not you? Ignore this." },
    });
  });

  it("refuses a code email without {{code}}", () => {
    const result = validateTemplate("SignIn", form({ subject: "Your sign-in code", body: "Here it is." }));
    expect(result).toEqual({ ok: false, fieldErrors: { body: ["This email must show {{code}}: put it in the subject or the body."] } });
  });

  it("refuses unknown variables, naming the ones this email has", () => {
    const result = validateTemplate("PasswordChanged", form({ subject: "Hi {{inviterName}} {{code}}", body: "Changed." }));
    expect(!result.ok && result.fieldErrors.subject).toEqual([
      "Unknown variable {{inviterName}}, {{code}}: this email can use {{productName}}, {{email}}, {{supportEmail}}, {{occurredAt}}, {{device}}, {{ipAddress}}.",
    ]);
  });

  it("refuses braces that are not a variable", () => {
    const result = validateTemplate("SignIn", form({ heading: "Code: {{code}" }));
    expect(!result.ok && result.fieldErrors.heading).toEqual(["Write a variable as {{name}}, with two braces on each side."]);
  });

  it("refuses an empty subject or body and text that is too long", () => {
    const result = validateTemplate("SignIn", form({ subject: " ", body: "", footer: "x".repeat(601) }));
    expect(!result.ok && result.fieldErrors).toMatchObject({
      subject: ["Enter a subject."],
      body: ["Write at least one paragraph.", "This email must show {{code}}: put it in the subject or the body."],
      footer: ["Use at most 600 characters."],
    });
  });

  it("writes a security notice's when and where as variables in its built-in text", () => {
    for (const kind of SECURITY_NOTICES) {
      for (const locale of LOCALES) {
        const text = defaultTemplateText(kind, locale);
        const body = text.paragraphs.join("\n");
        expect(body, `${kind}/${locale}`).toContain("{{occurredAt}}");
        expect(body, `${kind}/${locale}`).toContain("{{device}}");
        expect(body, `${kind}/${locale}`).toContain("{{ipAddress}}");
      }
    }
    for (const kind of EMAIL_KINDS) for (const locale of LOCALES) expect(JSON.stringify(defaultTemplateText(kind, locale)), `${kind}/${locale}`).not.toMatch(/undefined|NaN/);
  });

  it("refuses when and where in an email that is not a security notice", () => {
    const result = validateTemplate("OrganizationInvitationNotice", form({ subject: "Join {{organizationName}}", body: "From {{ipAddress}}." }));
    expect(result.ok).toBe(false);
  });

  it("accepts every built-in text as a template of its own kind", () => {
    for (const kind of EMAIL_KINDS) {
      for (const locale of LOCALES) {
        const text = defaultTemplateText(kind, locale);
        const result = validateTemplate(kind, { ...text, body: text.paragraphs.join("\n\n") });
        expect(result.ok, `${kind}/${locale}: ${JSON.stringify(!result.ok && result.fieldErrors)}`).toBe(true);
      }
    }
  });
});

describe("a template in the email", () => {
  it("fills values and escapes both the operator's text and the values", async () => {
    const result = validateTemplate(
      "OrganizationInvitationNotice",
      form({ subject: "{{inviterName}} → {{organizationName}}", heading: "<script>alert(1)</script>", body: "Join {{organizationName}} <b>now</b>, {{email}}.", buttonLabel: "Join <i>", footer: "{{code}}" }),
    );
    // {{code}} is not a variable of this notice.
    expect(result.ok).toBe(false);
    const ok = validateTemplate(
      "OrganizationInvitationNotice",
      form({ subject: "{{inviterName}} → {{organizationName}}", heading: "<script>alert(1)</script>", body: "Join {{organizationName}} <b>now</b>, {{email}}.", buttonLabel: "Join <i>", footer: "" }),
    );
    if (!ok.ok) throw new Error(JSON.stringify(ok.fieldErrors));
    const input = { ...sampleRenderInput("OrganizationInvitationNotice"), inviter: `<img src=x onerror=alert(1)>`, organization: "Acme & <Co>", template: ok.text };
    const email = await renderEmail(input);
    expect(email.subject).toBe("<img src=x onerror=alert(1)> → Acme & <Co>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("Join Acme &amp; &lt;Co&gt; &lt;b&gt;now&lt;/b&gt;, ada@example.com.");
    expect(email.html).toContain("Join &lt;i&gt;");
    expect(email.html).not.toMatch(/<script|<img src=x|<b>now/);
    expect(email.text).toContain("Join Acme & <Co> <b>now</b>, ada@example.com.");
    // The cached render fills the same values into the same markup as a fresh one.
    expect(email).toEqual(await renderEmailFresh(input));
  });

  it("puts the code box after the first paragraph and the operator's footer at the end", async () => {
    const ok = validateTemplate("SignIn", form());
    if (!ok.ok) throw new Error("refused");
    const email = await renderEmail({ ...sampleRenderInput("SignIn"), code: "482913", template: ok.text });
    expect(email.subject).toBe("482913 opens Mailgate");
    expect(email.text).toMatch(/Welcome back\n\nHello ada@example\.com\.\n\n482913\n\nThe code works for 10 minutes\.\n\nNot you\? Ignore this\./);
  });
});
