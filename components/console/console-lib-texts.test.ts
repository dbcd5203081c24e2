import { describe, expect, it } from "vitest";
import { ONE_SIGN_IN_METHOD, parseSignInExperienceForm } from "@/app/console/sign-in-experience/fields";
import { brandingFormValues, parseBrandingForm } from "@/lib/branding/branding-form";
import { validateTemplate } from "@/lib/email-templates/validate";
import { ERROR_CODES, operatorText } from "@/lib/errors/codes";
import { translateText } from "@/lib/i18n/translate-text";
import { bucketByHour, chartSummaryParts, parseDeliveryQuery, retryRefusal } from "@/lib/mail/deliveries-view";
import { defaultBranding, signInExperienceSchema } from "@/lib/settings/schema";

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

  it("the operator's hint for every error code a delivery can show", () => {
    const hints = ERROR_CODES.map((code) => operatorText(code)).filter((hint): hint is string => hint !== undefined);
    expect(hints.length).toBeGreaterThan(10);
    expect(untranslated(hints)).toEqual([]);
  });
});
