import { z } from "zod";
import type { FieldErrors } from "@/lib/errors/failure";
import { httpsImageUrl } from "@/lib/security/https-image-url";
import { hexColor, httpsUrlSchema, type Branding } from "@/lib/settings/schema";
import { AA_TEXT, bestTextOn, formatRatio, INK } from "./contrast";

/**
 * The branding form's text fields and their parse into a settings patch.
 * Pure (no database): the save and the preview both use it, so a preview
 * shows exactly what a save would store, and the form's checks are tested
 * on their own. Files (logo, favicon) are the save's (save-branding.ts).
 */
export const BRANDING_TEXT_FIELDS = [
  "productName",
  "senderName",
  "logoUrl",
  "removeLogo",
  "removeFavicon",
  "primaryColor",
  "darkPrimaryColor",
  "backgroundColor",
  "companyAddress",
  "supportEmail",
  "termsUrl",
  "privacyUrl",
] as const;

export type BrandingField = (typeof BRANDING_TEXT_FIELDS)[number];
export type BrandingFormValues = Record<BrandingField, string>;

/** What the text fields set; the logo and favicon choices are resolved by the save, which knows the uploads. */
export type BrandingTextPatch = Omit<Branding, "logoAsset" | "faviconAsset" | "logoUrl"> & {
  logoUrl: string | null;
  removeLogo: boolean;
  removeFavicon: boolean;
};

export type ParsedBrandingForm =
  | { ok: true; patch: BrandingTextPatch; values: BrandingFormValues }
  | { ok: false; formError: string; fieldErrors: FieldErrors; values: BrandingFormValues };

/** The form's values for saved branding. */
export function brandingFormValues(branding: Branding): BrandingFormValues {
  return {
    productName: branding.productName,
    senderName: branding.senderName,
    logoUrl: branding.logoUrl ?? "",
    removeLogo: "",
    removeFavicon: "",
    primaryColor: branding.primaryColor,
    darkPrimaryColor: branding.darkPrimaryColor,
    backgroundColor: branding.backgroundColor,
    companyAddress: branding.companyAddress,
    supportEmail: branding.supportEmail ?? "",
    termsUrl: branding.termsUrl ?? "",
    privacyUrl: branding.privacyUrl ?? "",
  };
}

type Check<T> = { value: T } | { error: string };

function name(raw: string, max: number): Check<string> {
  const value = raw.replace(/[\p{Cc}\u2028\u2029]+/gu, " ").trim();
  return value.length >= 1 && value.length <= max ? { value } : { error: `Enter 1 to ${max} characters.` };
}

function optional<T>(raw: string, parse: (value: string) => T | null, error: string): Check<T | null> {
  const value = raw.trim();
  if (!value) return { value: null };
  const parsed = parse(value);
  return parsed === null ? { error } : { value: parsed };
}

const address = (raw: string): Check<string> => (raw.length <= 200 ? { value: raw.trim() } : { error: "Use at most 200 characters." });

const emailOrNull = (value: string) => (z.email().safeParse(value).success ? value : null);
const pageUrlOrNull = (value: string) => {
  const parsed = httpsUrlSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/**
 * A colour people read text on. `what` says which text: button labels on
 * the primary colours, the page's and the footer's text on the background.
 * The better of white and ink text must reach WCAG AA (4.5:1); a refusal
 * names the measured ratio.
 */
function color(raw: string, what: string): Check<string> {
  const value = raw.trim().toLowerCase();
  if (!hexColor.safeParse(value).success) return { error: "Enter a colour as #rrggbb, e.g. #4f46e5." };
  const best = bestTextOn(value);
  if (best.ratio >= AA_TEXT) return { value };
  const text = best.color === INK ? "dark" : "white";
  return { error: `${what} on ${value} reaches only ${formatRatio(best.ratio)} (with ${text} text, the better choice); WCAG AA needs ${formatRatio(AA_TEXT)}. Choose a darker or a lighter colour.` };
}

/** The form's text fields → a branding patch, or an error for every field that is wrong. */
export function parseBrandingForm(form: Readonly<Record<string, string | undefined>>): ParsedBrandingForm {
  const values = Object.fromEntries(BRANDING_TEXT_FIELDS.map((field) => [field, form[field] ?? ""])) as BrandingFormValues;
  const checks = {
    productName: name(values.productName, 60),
    senderName: name(values.senderName, 60),
    logoUrl: optional(values.logoUrl, httpsImageUrl, "Enter an https:// address of an image, or leave it empty."),
    primaryColor: color(values.primaryColor, "Button text"),
    darkPrimaryColor: color(values.darkPrimaryColor, "Button text in dark mode"),
    backgroundColor: color(values.backgroundColor, "Text"),
    companyAddress: address(values.companyAddress),
    supportEmail: optional(values.supportEmail, emailOrNull, "Enter an email address, or leave it empty."),
    termsUrl: optional(values.termsUrl, pageUrlOrNull, "Enter an https:// address on a public host name, or leave it empty."),
    privacyUrl: optional(values.privacyUrl, pageUrlOrNull, "Enter an https:// address on a public host name, or leave it empty."),
  } satisfies Record<string, Check<unknown>>;
  const fieldErrors: FieldErrors = {};
  for (const [field, check] of Object.entries(checks)) if ("error" in check) fieldErrors[field] = [check.error];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, formError: "Nothing was saved: check the highlighted fields.", fieldErrors, values };
  const ok = <T>(check: Check<T>) => (check as { value: T }).value;
  return {
    ok: true,
    values,
    patch: {
      productName: ok(checks.productName),
      senderName: ok(checks.senderName),
      logoUrl: ok(checks.logoUrl),
      primaryColor: ok(checks.primaryColor),
      darkPrimaryColor: ok(checks.darkPrimaryColor),
      backgroundColor: ok(checks.backgroundColor),
      companyAddress: ok(checks.companyAddress),
      supportEmail: ok(checks.supportEmail),
      termsUrl: ok(checks.termsUrl),
      privacyUrl: ok(checks.privacyUrl),
      removeLogo: values.removeLogo === "on",
      removeFavicon: values.removeFavicon === "on",
    },
  };
}

/**
 * The branding a patch makes of `current`: an uploaded logo wins over an
 * https URL, "remove" clears both, and leaving both empty keeps an uploaded
 * logo; the same for the favicon. The save and the preview share it.
 */
export function applyBrandingPatch(current: Branding, patch: BrandingTextPatch, uploaded: { logo?: string | null; favicon?: string | null } = {}): Branding {
  const { removeLogo, removeFavicon, logoUrl, ...text } = patch;
  const logo = uploaded.logo
    ? { logoAsset: uploaded.logo, logoUrl: null }
    : removeLogo
      ? { logoAsset: null, logoUrl: null }
      : logoUrl !== null
        ? { logoAsset: null, logoUrl }
        : { logoAsset: current.logoAsset, logoUrl: null };
  const faviconAsset = uploaded.favicon ?? (removeFavicon ? null : current.faviconAsset);
  return { ...current, ...text, ...logo, faviconAsset };
}
