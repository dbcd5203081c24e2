import { describe, expect, it } from "vitest";
import { defaultBranding } from "@/lib/settings/schema";
import { brandingFormValues, parseBrandingForm } from "./branding-form";
import { bestTextOn, contrastRatio, formatRatio } from "./contrast";

const saved = brandingFormValues(defaultBranding);

describe("contrast", () => {
  it("measures WCAG ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(bestTextOn("#fbbf24").color).toBe("#111827");
    expect(bestTextOn("#4f46e5").color).toBe("#ffffff");
  });

  it("rounds a ratio down, so a failing one never reads as 4.50", () => {
    expect(formatRatio(4.4999)).toBe("4.49:1");
  });
});

describe("parseBrandingForm", () => {
  it("accepts the defaults and normalises colours", () => {
    const parsed = parseBrandingForm({ ...saved, primaryColor: "#0A7C42" });
    expect(parsed.ok && parsed.patch).toMatchObject({ productName: "Mailgate", primaryColor: "#0a7c42", logoUrl: null, termsUrl: null, removeLogo: false });
  });

  it("refuses a primary colour no button text can be read on, with the measured ratio", () => {
    // Mid-grey: white and ink text both stay under 4.5:1.
    const parsed = parseBrandingForm({ ...saved, primaryColor: "#7a7a7a", darkPrimaryColor: "#7b7b7b" });
    expect(parsed.ok).toBe(false);
    const ratio = formatRatio(bestTextOn("#7a7a7a").ratio);
    expect(ratio).toMatch(/^4\.[0-4]\d:1$/);
    expect(!parsed.ok && parsed.fieldErrors.primaryColor).toEqual([
      `Button text on #7a7a7a reaches only ${ratio} (with white text, the better choice); WCAG AA needs 4.50:1. Choose a darker or a lighter colour.`,
    ]);
    expect(!parsed.ok && parsed.fieldErrors.darkPrimaryColor?.[0]).toMatch(/^Button text in dark mode on #7b7b7b reaches only 4\.\d\d:1/);
  });

  it("refuses a background no text can be read on", () => {
    const parsed = parseBrandingForm({ ...saved, backgroundColor: "#787878" });
    expect(!parsed.ok && parsed.fieldErrors.backgroundColor?.[0]).toMatch(/^Text on #787878 reaches only 4\.\d\d:1/);
  });

  it.each([
    ["primaryColor", "red", "Enter a colour as #rrggbb, e.g. #4f46e5."],
    ["productName", "   ", "Enter 1 to 60 characters."],
    ["senderName", "x".repeat(61), "Enter 1 to 60 characters."],
    ["logoUrl", "http://example.com/logo.png", "Enter an https:// address of an image, or leave it empty."],
    ["logoUrl", "https://user:pw@example.com/logo.png", "Enter an https:// address of an image, or leave it empty."],
    ["termsUrl", "javascript:alert(1)", "Enter an https:// address on a public host name, or leave it empty."],
    ["privacyUrl", "https://127.0.0.1/privacy", "Enter an https:// address on a public host name, or leave it empty."],
    ["supportEmail", "not an address", "Enter an email address, or leave it empty."],
    ["companyAddress", "x".repeat(201), "Use at most 200 characters."],
  ])("refuses %s = %j", (field, value, message) => {
    const parsed = parseBrandingForm({ ...saved, [field]: value });
    expect(!parsed.ok && parsed.fieldErrors[field]).toEqual([message]);
    expect(!parsed.ok && parsed.values[field as keyof typeof saved]).toBe(value);
  });

  it("keeps a product name on one line", () => {
    const parsed = parseBrandingForm({ ...saved, productName: "Acme\r\nBcc: x@evil.test" });
    expect(parsed.ok && parsed.patch.productName).toBe("Acme Bcc: x@evil.test");
  });
});
