import { defaultBranding, type Branding } from "@/lib/settings/schema";
import type { Locale } from "../i18n";
import type { OrgRole } from "@/lib/orgs/permissions";
import type { MfaFactor } from "../kinds";
import type { TemplateText } from "../template-text";

/**
 * Props of every template. All are optional so a template renders on its own
 * in a preview; the renderer (lib/mail/render.ts) always passes all of them,
 * already validated.
 */
export type EmailProps = {
  locale?: Locale;
  branding?: Branding;
  /** The recipient, named in the footer. */
  to?: string;
  /** Base URL for links into the app, without a trailing slash. */
  appUrl?: string;
  code?: string;
  ttlMinutes?: number;
  /** An extra link (an invitation's accept URL); null for none. */
  link?: string | null;
  lockMinutes?: number;
  /** The email provider that sent a ConnectorTest, e.g. "SendGrid". */
  provider?: string;
  /** EmailChanged: the account's new address, in full; templates only ever show it masked. */
  newEmail?: string;
  /** MfaFactorAdded / MfaFactorRemoved: the second factor concerned; null for none. */
  factor?: MfaFactor | null;
  /** OrganizationInvitationNotice: the organization, who invited (a name or address), the role offered and the days the link stays valid. */
  organization?: string;
  inviter?: string;
  role?: OrgRole | null;
  expiresInDays?: number;
  /**
   * IdentityLinked / IdentityUnlinked: the provider's name is `provider`; what
   * it said of the person (name, address — shown masked; either may be empty),
   * when (a UTC time already written out), from which browser and IP ("" when unknown).
   */
  identityName?: string;
  identityEmail?: string;
  occurredAt?: string;
  device?: string;
  fromIp?: string;
  /** An operator's text in place of the built-in copy (app/console/emails); null for the copy. */
  template?: TemplateText | null;
};

export type ResolvedEmailProps = Required<EmailProps>;

/** What a template shows when rendered with no props (previews, warm-up). */
export const PREVIEW_PROPS: ResolvedEmailProps = {
  locale: "en",
  branding: defaultBranding,
  to: "ada@example.com",
  appUrl: "http://localhost:3000",
  code: "123456",
  ttlMinutes: 10,
  link: null,
  lockMinutes: 15,
  provider: "SendGrid",
  newEmail: "grace@example.com",
  factor: "totp",
  organization: "Acme Research",
  inviter: "Grace Hopper",
  role: "admin",
  expiresInDays: 7,
  identityName: "Ada Lovelace",
  identityEmail: "ada@users.example.com",
  occurredAt: "2026-12-07 09:30 UTC",
  device: "Chrome on macOS",
  fromIp: "203.0.113.7",
  template: null,
};

export function withPreviewDefaults(props: EmailProps): ResolvedEmailProps {
  const defined = Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
  return { ...PREVIEW_PROPS, ...defined };
}
