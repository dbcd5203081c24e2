import { afterEach, describe, expect, it, vi } from "vitest";
import { codeSpecs, invitationSpecs, ONE_SIGN_IN_METHOD, parseSignInExperienceForm, passwordSpecs } from "@/app/console/sign-in-experience/fields";
import { deleteRefusal, emailDependents } from "@/lib/connectors/dependents";
import { checkedAddresses, dns, type TargetGuard } from "@/lib/connectors/net/guard";
import { smtpConfigSchema } from "@/lib/connectors/smtp/schema";
import { toConnectorError } from "@/lib/connectors/smtp/errors";
import { open, seal } from "@/lib/crypto/seal";
import { brandingFormValues, parseBrandingForm } from "@/lib/branding/branding-form";
import { validateTemplate } from "@/lib/email-templates/validate";
import { ERROR_CODES, operatorText } from "@/lib/errors/codes";
import { translateText } from "@/lib/i18n/translate-text";
import { checkPastedSetting, PASTED_FIELDS } from "@/lib/webhooks/settings";
import { bucketByHour, chartSummaryParts, parseDeliveryQuery, retryRefusal } from "@/lib/mail/deliveries-view";
import { defaultBranding, signInExperienceSchema } from "@/lib/settings/schema";

const PASTED_PROVIDERS = Object.keys(PASTED_FIELDS) as (keyof typeof PASTED_FIELDS)[];

// The English the console's lib functions answer with, read from the
// functions themselves: words changed in lib/ that the console's catalogue
// (consoleLib in messages/*/console.json) misses would stay English, and fail here.
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const untranslated = (texts: readonly string[]) => texts.filter((text) => !japanese.test(translateText("ja", text)));

describe("the console's lib texts in Japanese", () => {
  it("deliveries: retry refusals, the recipient filter, the chart's summary", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const row = { status: "failed", errorCode: null, hasBody: true, expiresAt: null };
    const refusals = [
      retryRefusal({ ...row, status: "sent" }),
      retryRefusal({ ...row, status: "queued" }),
      retryRefusal({ ...row, errorCode: "superseded" }),
      retryRefusal({ ...row, expiresAt: new Date(0) }, now),
      retryRefusal({ ...row, hasBody: false }),
    ];
    const filter = parseDeliveryQuery({ recipient: "not-an-address" }).recipientProblem;
    const buckets = bucketByHour([{ status: "sent", errorCode: null, createdAt: now, sentAt: now } as never, { status: "dead", errorCode: "auth_failed", createdAt: now, sentAt: null } as never], now);
    expect(untranslated([...refusals.map((r) => r!), filter!, ...chartSummaryParts(buckets)])).toEqual([]);
  });

  it("branding: every refusal of the form, the contrast ratios with their numbers", () => {
    const values = brandingFormValues(defaultBranding);
    const parsed = parseBrandingForm({ ...values, productName: "", primaryColor: "#7a7a7a", darkPrimaryColor: "#7a7a7a", backgroundColor: "#777777", logoUrl: "http://x", supportEmail: "nope", termsUrl: "ftp://x" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const texts = [parsed.formError, ...Object.values(parsed.fieldErrors).flat()] as string[];
    expect(texts.length).toBeGreaterThan(6);
    expect(untranslated(texts)).toEqual([]);
    expect(translateText("ja", parsed.fieldErrors.primaryColor![0]!)).toMatch(/^#7a7a7a 上のボタンの文字のコントラスト比は 4\.29:1 しかありません/);
  });

  it("sign-in experience and email templates: what their forms refuse", () => {
    const current = signInExperienceSchema.parse({});
    const sie = parseSignInExperienceForm({ otpTtlSeconds: "-1", signUpMode: "nope" }, current);
    expect(sie.ok).toBe(false);
    const sieTexts = sie.ok ? [] : [sie.formError, ...Object.values(sie.fieldErrors).flat()];
    const template = validateTemplate("SignIn", { subject: "", heading: "", body: "", buttonLabel: "", footer: "" });
    const templateTexts = template.ok ? [] : Object.values(template.fieldErrors).flat();
    expect(templateTexts.length).toBeGreaterThan(2);
    expect(untranslated([ONE_SIGN_IN_METHOD, ...(sieTexts as string[]), ...(templateTexts as string[])])).toEqual([]);
  });

  it("sign-in experience: every number field's refusal names its unit in Japanese", () => {
    const current = signInExperienceSchema.parse({});
    const numbers = [...passwordSpecs(), ...codeSpecs(), ...invitationSpecs()];
    const parsed = parseSignInExperienceForm(Object.fromEntries(numbers.map((field) => [field.name, "-1"])), current);
    const texts = parsed.ok ? [] : numbers.flatMap((field) => parsed.fieldErrors[field.name] ?? []);
    expect(texts.length).toBe(numbers.length);
    expect(texts.map((text) => translateText("ja", text)).filter((text) => /\(|[a-z]{3}/.test(text))).toEqual([]);
  });

  it("the email connector's delete refusal, with every feature that uses it", () => {
    const on = signInExperienceSchema.parse({});
    const all = { ...on, signUp: { ...on.signUp, emailPassword: true }, signIn: { ...on.signIn, emailCode: true }, forgotPassword: { ...on.forgotPassword, emailCode: true } };
    const lists = [emailDependents(all, 1), emailDependents(all, 2), emailDependents(all, 0).slice(0, 1)];
    expect(lists[1]!.length).toBe(4);
    const texts = lists.map(deleteRefusal).map((text) => translateText("ja", text));
    expect(texts.filter((text) => /[a-z]{4}/.test(text.replace("Sign-in", "")))).toEqual([]);
  });
});

describe("connector refusals in Japanese", () => {
  afterEach(() => vi.restoreAllMocks());
  const refusal = (host: string, guard: TargetGuard) => checkedAddresses(host, guard).then(() => "", (error: Error) => error.message);
  const whats = ["the SMTP server", "the endpoint", "the SendGrid API"];
  const guard = (what: string): TargetGuard => ({ what, check: "the URL", allowPrivateTargets: false, timeoutMs: 1000 });
  // One address of each kind the guard names (lib/connectors/net/private-address.ts).
  const addresses = ["0.0.0.0", "255.255.255.255", "224.0.0.1", "169.254.169.254", "127.0.0.1", "100.64.0.1", "10.0.0.1", "240.0.0.1", "192.0.0.170",
    "::", "fe80::1", "ff02::1", "::1", "fc00::1", "fec0::1", "100::1", "64:ff9b:1::1", "2001::1", "2001:2::1"];
  const inJapanese = (text: string) => translateText("ja", `The test email was not sent (invalid_config): ${text}`);
  const english = (text: string) => text.replace(/\b(SMTP|SendGrid|API|URL|NAT64|NAT|IPv4|Teredo|EMAIL_CONNECTOR|ENCRYPTION_KEYS|AUTH_SECRET|invalid_config|ENOTFOUND|EAI_AGAIN|[a-z.]+\.invalid)\b/g, "").match(/[A-Za-z]{3,}/g);

  it("a private target, by IP and by name, for every kind of address", async () => {
    const texts = await Promise.all(whats.flatMap((what) => addresses.map((address) => refusal(address, guard(what)))));
    vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "10.0.0.1", family: 4 }]);
    texts.push(...(await Promise.all(whats.map((what) => refusal("mail.example.invalid", guard(what))))));
    expect(texts.every(Boolean)).toBe(true);
    expect(texts.map(inJapanese).filter((text) => english(text.replace(/(?<=[ （])[\d.:a-f]+(?=[ 、。）])/g, "")))).toEqual([]);
    expect(inJapanese(texts[4]!)).toContain("SMTP サーバー 127.0.0.1 はループバックアドレスです。");
  });

  it("an unknown host and a failed lookup, whatever setting they point to", async () => {
    const checks = ["the SMTP server name", "the URL", "the base URL or region", "the region and the endpoint URL", "the token URL", "the issuer or base URL"];
    vi.spyOn(dns, "resolve").mockRejectedValueOnce(Object.assign(new Error("x"), { code: "EAI_AGAIN" }));
    const texts = [await refusal("a.invalid", guard("the endpoint"))];
    for (const check of checks) {
      vi.spyOn(dns, "resolve").mockRejectedValueOnce(Object.assign(new Error("x"), { code: "ENOTFOUND" }));
      texts.push(await refusal("a.invalid", { ...guard("the SMTP server"), check }));
    }
    expect(texts.map(inJapanese).filter((text) => english(text))).toEqual([]);
  });

  it("what an SMTP server or the network answered, around the server's own words", () => {
    const config = (security: string, port = 587) => smtpConfigSchema.parse({ host: "smtp.example.com", port, security, auth: { type: "login", user: "bob", password: "pw" } });
    const failures: [object, string, number?, boolean?][] = [
      [{ code: "EAUTH", response: "535 5.7.8 bad credentials" }, "starttls"],
      [{ responseCode: 530, command: "MAIL FROM", response: "530 auth first" }, "starttls"],
      [{ responseCode: 550, command: "RCPT TO", response: "550 no such user" }, "starttls"],
      [{ responseCode: 553, command: "MAIL FROM", response: "553 not yours" }, "starttls"],
      [{ responseCode: 451, command: "DATA", response: "451 try later" }, "starttls"],
      [{ responseCode: 454, command: "DATA", response: "454 too many messages" }, "starttls"],
      [{ code: "ECONNRESET", message: "socket hang up" }, "starttls", 587, true],
      [{ code: "EDNS", message: "getaddrinfo ENOTFOUND smtp.example.com" }, "starttls"],
      [{ code: "EDNS", message: "getaddrinfo EAI_AGAIN smtp.example.com" }, "starttls"],
      [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, "starttls"],
      [{ responseCode: 554, command: "DATA", response: "554 spam" }, "starttls"],
      [{ code: "ESOCKET", reason: "wrong version number" }, "tls", 465],
      [{ code: "ESOCKET", message: "self-signed certificate" }, "starttls"],
      [{ code: "ETLS", command: "STARTTLS", responseCode: 454, response: "454 TLS not available" }, "starttls"],
      [{ code: "ETLS", message: "Client network socket disconnected before secure TLS connection was established" }, "starttls"],
      [{ code: "ETIMEDOUT", message: "Greeting never received" }, "starttls", 465],
    ];
    const texts = failures.map(([error, security, port, handedOver]) => toConnectorError(Object.assign(new Error(""), error), config(security, port), handedOver).message);
    expect(new Set(texts).size).toBeGreaterThan(12);
    expect(untranslated(texts)).toEqual([]);
    const hint = texts.find((text) => text.includes("Port 465 expects"))!;
    expect(translateText("ja", hint)).not.toMatch(/expects/);
  });

  it("a saved connector whose secrets cannot be opened", () => {
    const problems = ["not sealed", seal("{}", "other-context")].map((sealed) => {
      try {
        return open(sealed, "context");
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(untranslated(problems)).toEqual([]);
  });
});

describe("the console's operator hints in Japanese", () => {
  it("the operator's hint for every error code a delivery can show", () => {
    const hints = ERROR_CODES.map((code) => operatorText(code)).filter((hint): hint is string => hint !== undefined);
    expect(hints.length).toBeGreaterThan(10);
    expect(untranslated(hints)).toEqual([]);
  });

  it("webhooks: every refusal of a pasted setting", () => {
    const refusals = PASTED_PROVIDERS.map((provider) => checkPastedSetting(provider, "?")).flatMap((result) => (result.ok ? [] : Object.values(result.fieldErrors ?? {}).flat()));
    expect(refusals).toHaveLength(PASTED_PROVIDERS.length);
    expect(untranslated(refusals as string[])).toEqual([]);
  });
});
