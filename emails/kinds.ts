import { PURPOSES, type Purpose } from "@/lib/otp/purposes";

/** Emails that carry no code: they tell the owner of an address what happened. */
export const NOTICE_KINDS = [
  "AccountExistsNotice",
  "NoAccountNotice",
  "EmailInUseNotice",
  "CodeLockoutNotice",
  "ConnectorTest",
  "PasswordChanged",
  "EmailChanged",
  "MfaFactorAdded",
  "MfaFactorRemoved",
  "BackupCodesRegenerated",
  "MfaLockoutNotice",
  "OrganizationInvitationNotice",
  "IdentityLinked",
  "IdentityUnlinked",
] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Every email Mailgate sends: one per code purpose, plus the notices. */
export type EmailKind = Purpose | NoticeKind;

export const EMAIL_KINDS: readonly EmailKind[] = [...PURPOSES, ...NOTICE_KINDS];

/**
 * Notices about a change to the account's security, or an attempt at it:
 * each says when, from which browser and from which IP address, so the owner
 * can tell their own doing from someone else's.
 */
export const SECURITY_NOTICES = [
  "CodeLockoutNotice",
  "PasswordChanged",
  "EmailChanged",
  "MfaFactorAdded",
  "MfaFactorRemoved",
  "BackupCodesRegenerated",
  "MfaLockoutNotice",
  "IdentityLinked",
  "IdentityUnlinked",
] as const satisfies readonly NoticeKind[];

export type SecurityNotice = (typeof SECURITY_NOTICES)[number];

export const isSecurityNotice = (kind: EmailKind): kind is SecurityNotice => (SECURITY_NOTICES as readonly string[]).includes(kind);

export const isNoticeKind = (kind: EmailKind): kind is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(kind);

/** Second factors a notice can name (MfaFactorAdded, MfaFactorRemoved). */
export const MFA_FACTORS = ["email", "totp", "backup_codes"] as const;

export type MfaFactor = (typeof MFA_FACTORS)[number];

export const isMfaFactor = (value: unknown): value is MfaFactor => (MFA_FACTORS as readonly unknown[]).includes(value);
