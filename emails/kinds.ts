import { PURPOSES, type Purpose } from "@/lib/otp/purposes";

/** Emails that carry no code: they tell the owner of an address what happened. */
export const NOTICE_KINDS = ["AccountExistsNotice", "NoAccountNotice", "CodeLockoutNotice"] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Every email Mailgate sends: one per code purpose, plus the notices. */
export type EmailKind = Purpose | NoticeKind;

export const EMAIL_KINDS: readonly EmailKind[] = [...PURPOSES, ...NOTICE_KINDS];

export const isNoticeKind = (kind: EmailKind): kind is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(kind);
