import type { Purpose } from "@/lib/otp/purposes";
import { copyFor, type Locale, type Vars } from "./i18n";
import { isNoticeKind, isSecurityNotice, type EmailKind, type NoticeKind } from "./kinds";

/**
 * An operator's text for one email (app/console/emails), filled into the
 * React Email template in place of the built-in copy: the layout, the code
 * box, the buttons' links and the footer stay the template's. Values go in
 * through `{{variable}}` and are rendered as React text, so neither the
 * operator's words nor a value (a user's name) is ever markup.
 */
export type TemplateText = {
  subject: string;
  heading: string;
  /** In a code email the code box follows the first paragraph. */
  paragraphs: string[];
  /** The button's label, for an email with a button; empty keeps the default. */
  buttonLabel: string;
  /** The small print at the end of the card ("Didn't ask for this?…"). */
  footer: string;
};

export const TEMPLATE_VARIABLES = [
  "productName",
  "email",
  "supportEmail",
  "code",
  "ttlMinutes",
  "link",
  "lockMinutes",
  "provider",
  "newEmail",
  "factor",
  "organizationName",
  "inviterName",
  "role",
  "expiresInDays",
  "occurredAt",
  "device",
  "ipAddress",
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

type Declared = { allowed: readonly TemplateVariable[]; required: readonly TemplateVariable[] };

const COMMON: readonly TemplateVariable[] = ["productName", "email", "supportEmail"];
const CODE: Declared = { allowed: [...COMMON, "code", "ttlMinutes", "link"], required: ["code"] };

/** Every security notice may say when, from which browser and from which IP address. */
const WHEN_AND_WHERE: readonly TemplateVariable[] = ["occurredAt", "device", "ipAddress"];

/** What each notice may mention beyond the common variables. */
const NOTICE_EXTRA: Record<NoticeKind, readonly TemplateVariable[]> = {
  AccountExistsNotice: ["link"],
  NoAccountNotice: [],
  EmailInUseNotice: [],
  CodeLockoutNotice: ["lockMinutes"],
  ConnectorTest: ["provider"],
  PasswordChanged: [],
  EmailChanged: ["newEmail"],
  MfaFactorAdded: ["factor"],
  MfaFactorRemoved: ["factor"],
  BackupCodesRegenerated: [],
  MfaLockoutNotice: ["lockMinutes"],
  OrganizationInvitationNotice: ["organizationName", "inviterName", "role", "expiresInDays", "link"],
  IdentityLinked: ["provider"],
  IdentityUnlinked: ["provider"],
};

/** The variables an email's text may use, and those it must (a code email that never shows the code is refused). */
export function variablesFor(kind: EmailKind): Declared {
  // A link code names the provider being connected ("Connect GitHub to your account").
  if (!isNoticeKind(kind)) return kind === "LinkIdentity" ? { ...CODE, allowed: [...CODE.allowed, "provider"] } : CODE;
  const required: readonly TemplateVariable[] = kind === "OrganizationInvitationNotice" ? ["organizationName"] : [];
  const where = isSecurityNotice(kind) ? WHEN_AND_WHERE : [];
  return { allowed: [...COMMON, ...NOTICE_EXTRA[kind], ...where], required };
}

/** Each variable's value for one message, from the copy's vars and the message's link. */
export function variableValues(vars: Vars, link: string | null): Record<TemplateVariable, string> {
  return {
    productName: vars.product,
    email: vars.to,
    supportEmail: vars.support,
    code: vars.code,
    ttlMinutes: String(vars.minutes),
    link: link ?? "",
    lockMinutes: String(vars.minutes),
    provider: vars.provider,
    newEmail: vars.newEmail,
    factor: vars.factor,
    organizationName: vars.organization,
    inviterName: vars.inviter,
    role: vars.role,
    expiresInDays: String(vars.days),
    occurredAt: vars.when,
    device: vars.device,
    ipAddress: vars.ip,
  };
}

export const VARIABLE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** `text` with every `{{name}}` replaced by its value; the result is plain text, escaped where it is rendered. */
export function fillTemplate(text: string, values: Record<TemplateVariable, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as TemplateVariable] : whole));
}

/** The built-in copy written as a template: what the console's form starts from, and what "reset" brings back. */
export function defaultTemplateText(kind: EmailKind, locale: Locale): TemplateText {
  const copy = copyFor(locale);
  const named = (name: TemplateVariable) => `{{${name}}}`;
  // Numbers as their variable: the copy's plural rules then read "{{ttlMinutes}} minutes".
  const vars = {
    product: named("productName"),
    to: named("email"),
    code: named("code"),
    minutes: named(isNoticeKind(kind) ? "lockMinutes" : "ttlMinutes"),
    support: named("supportEmail"),
    provider: named("provider"),
    newEmail: named("newEmail"),
    factor: named("factor"),
    organization: named("organizationName"),
    inviter: named("inviterName"),
    role: named("role"),
    days: named("expiresInDays"),
    when: named("occurredAt"),
    device: named("device"),
    ip: named("ipAddress"),
  } as unknown as Vars;
  if (isNoticeKind(kind)) {
    const text = copy.notices[kind];
    return { subject: text.subject(vars), heading: text.heading(vars), paragraphs: text.body.map((line) => line(vars)), buttonLabel: "", footer: text.after(vars) };
  }
  const text = copy.purposes[kind as Purpose];
  const paragraphs = [text.intro(vars), copy.common.expires(vars.minutes), ...(text.note ? [text.note(vars)] : [])];
  return { subject: text.subject(vars), heading: text.heading(vars), paragraphs, buttonLabel: text.action ?? "", footer: copy.common.ignore };
}
