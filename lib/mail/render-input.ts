import {
  DEFAULT_LOCALE,
  MFA_FACTORS,
  TEMPLATES,
  isLocale,
  isMfaFactor,
  isNoticeKind,
  isSecurityNotice,
  type EmailKind,
  type Locale,
  type MfaFactor,
  type ResolvedEmailProps,
  type TemplateText,
} from "@/emails";
import { isOrgRole, ORG_ROLES, type OrgRole } from "@/lib/orgs/permissions";
import { logoSrc } from "@/lib/branding/asset-url";
import { defaultBranding, type Branding } from "@/lib/settings/schema";

// Pure: no server-only, env or database here (see render.ts).

export type RenderInput = {
  kind: EmailKind;
  locale: Locale;
  branding: Branding;
  to: string;
  /** Base URL for links into the app, e.g. "http://localhost:3000". */
  appUrl: string;
  /** The one-time code; required for every Purpose kind. */
  code?: string;
  /** Code lifetime stated in the email; required for every Purpose kind. */
  ttlMinutes?: number;
  /** Optional extra link (an invitation's accept URL, or AccountExistsNotice's sign-in back to it); http(s) only. */
  link?: string;
  /** Length of the pause; required for CodeLockoutNotice and MfaLockoutNotice. */
  lockMinutes?: number;
  /** Name of the email provider that sent the test, e.g. "SendGrid"; required for ConnectorTest. The social sign-in being connected, e.g. "GitHub"; required for LinkIdentity. */
  provider?: string;
  /** The account's new address, shown masked (`a•••@example.com`); required for EmailChanged. */
  newEmail?: string;
  /** The second factor added or removed; required for MfaFactorAdded and MfaFactorRemoved. */
  factor?: MfaFactor;
  /** OrganizationInvitationNotice (all required, with `link`): the organization's name, the inviter, the role, days until the link expires. */
  organization?: string;
  inviter?: string;
  role?: OrgRole;
  expiresInDays?: number;
  /**
   * IdentityLinked / IdentityUnlinked (with `provider`, the connector's name):
   * the name and address the provider gave (optional; the address is shown
   * masked).
   */
  identityName?: string;
  identityEmail?: string;
  /** Every security notice (SECURITY_NOTICES): when (required, written out in UTC), the browser (required) and the IP (optional). */
  occurredAt?: string;
  device?: string;
  fromIp?: string;
  /**
   * The operator's text for this kind and locale (lib/email-templates),
   * checked when it was saved; none for the built-in copy. Part of the
   * render cache's key, so a new version compiles once.
   */
  template?: TemplateText | null;
};

export type RenderedEmail = { subject: string; html: string; text: string };

/** Control characters, including CR/LF and the Unicode line separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;
const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const CODE = /^[0-9]{4,12}$/;
const ASSET_ID = /^[0-9a-f]{64}$/;
const EMAIL = /^[^\s@<>"()[\],;:]+@[^\s@<>"()[\],;:]+$/;

/** One line of text: control characters become spaces, runs of spaces collapse. */
export const oneLine = (value: string): string => value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Branding comes from an admin-editable row; the schema validates it on the
 * way in, and this makes the renderer safe on its own: single-line names (a
 * CR/LF can never reach the Subject header), http(s) logo and links only,
 * real colours. An uploaded logo becomes its absolute URL under `appUrl`:
 * the email is read far from our pages.
 */
function cleanBranding(branding: Branding, appUrl: string): Branding {
  const supportEmail = branding.supportEmail ? oneLine(branding.supportEmail) : "";
  const color = (value: string, fallback: string) => (HEX_COLOR.test(value) ? value : fallback);
  return {
    productName: oneLine(branding.productName) || defaultBranding.productName,
    logoUrl: httpUrl(logoSrc({ logoAsset: ASSET_ID.test(branding.logoAsset ?? "") ? branding.logoAsset : null, logoUrl: branding.logoUrl }, appUrl)),
    // Resolved into logoUrl above; the favicon is no email's business.
    logoAsset: null,
    faviconAsset: null,
    primaryColor: color(branding.primaryColor, defaultBranding.primaryColor),
    darkPrimaryColor: color(branding.darkPrimaryColor, defaultBranding.darkPrimaryColor),
    backgroundColor: color(branding.backgroundColor, defaultBranding.backgroundColor),
    senderName: oneLine(branding.senderName) || defaultBranding.senderName,
    // Line breaks are allowed here: they separate the address lines.
    companyAddress: branding.companyAddress.split(/\r\n|\r|\n/).map(oneLine).filter(Boolean).join("\n"),
    supportEmail: EMAIL.test(supportEmail) ? supportEmail : null,
    termsUrl: httpUrl(branding.termsUrl),
    privacyUrl: httpUrl(branding.privacyUrl),
  };
}

function requireMinutes(value: number | undefined, name: string, kind: EmailKind): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`renderEmail: ${kind} needs ${name} (a positive number of minutes)`);
  }
  return Math.max(1, Math.round(value));
}

function requireLine(value: string | undefined, name: string, kind: EmailKind): string {
  const line = oneLine(value ?? "");
  if (!line) throw new TypeError(`renderEmail: ${kind} needs ${name} (a non-empty line of text)`);
  return line;
}

function requireEmail(value: string | undefined, name: string, kind: EmailKind): string {
  const address = oneLine(value ?? "");
  if (!EMAIL.test(address)) throw new TypeError(`renderEmail: ${kind} needs ${name} (an email address)`);
  return address;
}

function requireFactor(value: unknown, name: string, kind: EmailKind): MfaFactor {
  if (!isMfaFactor(value)) throw new TypeError(`renderEmail: ${kind} needs ${name} (one of ${MFA_FACTORS.join(", ")})`);
  return value;
}

function requireRole(value: unknown, kind: EmailKind): OrgRole {
  if (!isOrgRole(value)) throw new TypeError(`renderEmail: ${kind} needs role (one of ${ORG_ROLES.join(", ")})`);
  return value;
}

function requireLink(value: string | undefined, kind: EmailKind): string {
  const link = httpUrl(value);
  if (!link) throw new TypeError(`renderEmail: ${kind} needs link (an http(s) URL)`);
  return link;
}

const INVITATION: EmailKind = "OrganizationInvitationNotice";
/** Notices that may carry an optional link: "you already have an account", sent from an invitation's page, signs in back to it. */
const LINK_NOTICES: ReadonlySet<EmailKind> = new Set(["AccountExistsNotice"]);
const LOCKOUT_KINDS: ReadonlySet<EmailKind> = new Set(["CodeLockoutNotice", "MfaLockoutNotice"]);
const FACTOR_KINDS: ReadonlySet<EmailKind> = new Set(["MfaFactorAdded", "MfaFactorRemoved"]);
const IDENTITY_KINDS: ReadonlySet<EmailKind> = new Set(["IdentityLinked", "IdentityUnlinked"]);
const PROVIDER_KINDS: ReadonlySet<EmailKind> = new Set(["ConnectorTest", "LinkIdentity", ...IDENTITY_KINDS]);

/** Checks the input and fills every template prop; throws on a programming error. */
export function resolveProps(input: RenderInput): ResolvedEmailProps {
  if (!Object.hasOwn(TEMPLATES, input.kind)) throw new TypeError(`renderEmail: unknown email kind ${String(input.kind)}`);
  const appUrl = httpUrl(input.appUrl);
  if (!appUrl) throw new TypeError("renderEmail: appUrl must be an http(s) URL");
  const { kind } = input;
  const notice = isNoticeKind(kind);
  const code = input.code?.trim() ?? "";
  const invitation = kind === INVITATION;
  const identity = IDENTITY_KINDS.has(kind);
  const security = isSecurityNotice(kind);
  if (!notice && !CODE.test(code)) throw new TypeError(`renderEmail: ${kind} needs a numeric code`);
  return {
    locale: isLocale(input.locale) ? input.locale : DEFAULT_LOCALE,
    branding: cleanBranding(input.branding, appUrl.replace(/\/+$/, "")),
    to: oneLine(input.to),
    appUrl: appUrl.replace(/\/+$/, ""),
    code: notice ? "" : code,
    ttlMinutes: notice ? 0 : requireMinutes(input.ttlMinutes, "ttlMinutes", kind),
    link: invitation ? requireLink(input.link, kind) : notice && !LINK_NOTICES.has(kind) ? null : httpUrl(input.link),
    lockMinutes: LOCKOUT_KINDS.has(kind) ? requireMinutes(input.lockMinutes, "lockMinutes", kind) : 0,
    provider: PROVIDER_KINDS.has(kind) ? requireLine(input.provider, "provider", kind) : "",
    newEmail: kind === "EmailChanged" ? requireEmail(input.newEmail, "newEmail", kind) : "",
    factor: FACTOR_KINDS.has(kind) ? requireFactor(input.factor, "factor", kind) : null,
    organization: invitation ? requireLine(input.organization, "organization", kind) : "",
    inviter: invitation ? requireLine(input.inviter, "inviter", kind) : "",
    role: invitation ? requireRole(input.role, kind) : null,
    expiresInDays: invitation ? requireMinutes(input.expiresInDays, "expiresInDays", kind) : 0,
    identityName: identity ? oneLine(input.identityName ?? "") : "",
    identityEmail: identity ? oneLine(input.identityEmail ?? "") : "",
    occurredAt: security ? requireLine(input.occurredAt, "occurredAt", kind) : "",
    device: security ? requireLine(input.device, "device", kind) : "",
    fromIp: security ? oneLine(input.fromIp ?? "") : "",
    template: input.template ?? null,
  };
}

