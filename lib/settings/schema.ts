import { z } from "zod";

/**
 * Settings live in one database row as JSON; these schemas give every field
 * its default, so an empty row means "the defaults this product ships with".
 * Bounds keep an operator from loosening the code limits past safe values.
 */
export const otpLimitsSchema = z.object({
  /** @default 600 — seconds a code stays valid */
  ttlSeconds: z.number().int().min(60).max(600).default(600),
  /** @default 5 — wrong tries before a code is dead */
  maxAttempts: z.number().int().min(1).max(5).default(5),
  /** @default 60 — seconds between two sends to one address for one purpose */
  resendCooldownSeconds: z.number().int().min(30).max(600).default(60),
  /** @default 10 */
  maxSendsPerAddressPerHour: z.number().int().min(1).max(30).default(10),
  /** @default 60 */
  maxSendsPerIpPerHour: z.number().int().min(1).max(100_000).default(60),
  /** @default 300 */
  maxVerifiesPerIpPerHour: z.number().int().min(1).max(100_000).default(300),
  /** @default 20 — consecutive wrong codes for one address before code sign-in locks */
  lockAfterFailedVerifies: z.number().int().min(5).max(100).default(20),
  /** @default 15 */
  lockMinutes: z.number().int().min(1).max(1440).default(15),
});

export const signInExperienceSchema = z.object({
  signUp: z
    .object({
      emailPassword: z.boolean().default(true),
      /**
       * "invitation": /sign-up creates nothing; accounts are made only through
       * an organization's invitation (lib/orgs/accept-invitation-with-new-account.ts).
       * @default "open"
       */
      mode: z.enum(["open", "invitation"]).default("open"),
    })
    .prefault({}),
  signIn: z
    .object({ password: z.boolean().default(true), emailCode: z.boolean().default(true) })
    .prefault({}),
  forgotPassword: z.object({ emailCode: z.boolean().default(true) }).prefault({}),
  password: z
    .object({
      /** @default 12 */
      minLength: z.number().int().min(8).max(64).default(12),
      /** @default 10 — wrong passwords per address per 15 minutes */
      maxFailuresPer15Minutes: z.number().int().min(3).max(100).default(10),
    })
    .prefault({}),
  otp: otpLimitsSchema.prefault({}),
  invitations: z
    .object({
      /** @default 7 — days an invitation link stays valid (each send renews it) */
      expiryDays: z.number().int().min(1).max(30).default(7),
      /** @default 100 — invitation emails (first sends and resends) per organization per day */
      maxEmailsPerOrgPerDay: z.number().int().min(1).max(1000).default(100),
      /** @default 50 — pending, unexpired invitations per organization */
      maxPendingPerOrg: z.number().int().min(1).max(500).default(50),
    })
    .prefault({}),
  mfa: z
    .object({
      /** Everyone must have a second factor: users without one set it up right after signing in. */
      required: z.boolean().default(false),
    })
    .prefault({}),
  notifications: z
    .object({
      /**
       * Email the owner when a social sign-in is connected to or disconnected
       * from their account (IdentityLinked / IdentityUnlinked).
       * @default true
       */
      identityChanges: z.boolean().default(true),
    })
    .prefault({}),
});

export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #4f46e5");
/** A BrandAsset id (lib/branding/assets.ts): the SHA-256 of the image, hex. */
const assetId = z.string().regex(/^[0-9a-f]{64}$/, "must be an uploaded image");
/** An https page on a public host name (terms, privacy). */
export const httpsUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(2000);

export const brandingSchema = z.object({
  productName: z.string().min(1).max(60).default("Mailgate"),
  /** Absolute https URL of a logo someone else hosts; `logoAsset` wins when both are set. None shows the product name as text. */
  logoUrl: z.url().nullable().default(null),
  /** An uploaded logo, served from /brand-assets/<id>. */
  logoAsset: assetId.nullable().default(null),
  /** An uploaded favicon, served from /brand-assets/<id>; none keeps the browser's default. */
  faviconAsset: assetId.nullable().default(null),
  /** Buttons and links; white or near-black text on it must reach 4.5:1 (lib/branding/contrast.ts). */
  primaryColor: hexColor.default("#4f46e5"),
  /** The same in dark mode (pages and email clients that darken), on dark backgrounds. */
  darkPrimaryColor: hexColor.default("#a5b4fc"),
  backgroundColor: hexColor.default("#f6f7fb"),
  senderName: z.string().min(1).max(60).default("Mailgate"),
  companyAddress: z.string().max(200).default("Mailgate · Open-source authentication"),
  supportEmail: z.email().nullable().default(null),
  /** Linked under the sign-in card and in every email's footer; none hides the link. */
  termsUrl: httpsUrlSchema.nullable().default(null),
  privacyUrl: httpsUrlSchema.nullable().default(null),
});

export type OtpLimits = z.infer<typeof otpLimitsSchema>;
export type InvitationLimits = SignInExperience["invitations"];
export type SignInExperience = z.infer<typeof signInExperienceSchema>;
export type Branding = z.infer<typeof brandingSchema>;

export const defaultSignInExperience: SignInExperience = signInExperienceSchema.parse({});
export const defaultBranding: Branding = brandingSchema.parse({});
