import "server-only";
import { randomUUID } from "node:crypto";
import { db, sqlFor, type Client } from "@/lib/db";
import { insertRow } from "@/lib/db-sql";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/mail/locale";
import { describeOrgEvent, ORG_EVENT_TYPES } from "@/lib/orgs/describe-org-event";
import { describeDevice } from "./user-agent";

/** What the activity list records: sign-ins, failures and account changes. */
export const AUDIT_TYPES = [
  "sign_in",
  "sign_in_failed",
  "mfa_failed",
  "step_up",
  "step_up_failed",
  "password_changed",
  "password_set",
  "email_changed",
  "mfa_enabled",
  "mfa_disabled",
  "backup_codes_regenerated",
  "session_revoked",
  "sessions_revoked",
  "profile_updated",
  "ownership_claimed",
  "ownership_transferred",
  "admin_granted",
  "admin_removed",
  // Social sign-in (lib/social): an identity at a provider joined to or removed from the account.
  "social_linked",
  "social_unlinked",
  // Organization events (lib/orgs): recorded on the actor, with the organization's id.
  ...ORG_EVENT_TYPES,
] as const;

export type AuditType = (typeof AUDIT_TYPES)[number];
export type AuditDetail = Record<string, string | number | boolean>;
export type AuditContext = { userId?: string | null; ip?: string | null; userAgent?: string | null; organizationId?: string | null };

export type ActivityEvent = {
  id: string;
  type: AuditType;
  /** A sentence for people, e.g. "Signed in with a password". */
  label: string;
  ip: string | null;
  /** "Chrome on macOS". */
  device: string;
  createdAt: Date;
  detail: AuditDetail;
};

/** Never pass secrets, codes or addresses in `detail`: the row outlives the account's data. */
export async function recordEvent(type: AuditType, ctx: AuditContext, detail: AuditDetail = {}, client: Client = db): Promise<void> {
  const row = insertRow("AuditEvent", {
    id: randomUUID(), type, userId: ctx.userId ?? null, organizationId: ctx.organizationId ?? null,
    ip: ctx.ip && ctx.ip !== "unknown" ? ctx.ip.slice(0, 64) : null,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    detail: JSON.stringify(detail),
    createdAt: new Date(),
  });
  await sqlFor(client).execute(row.text, ...row.args);
}

/** The user's latest events, newest first; their words in `locale` (English for the JSON API). */
export async function listEvents(userId: string, limit = 50, locale: Locale = "en"): Promise<ActivityEvent[]> {
  const rows = await db.auditEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(Math.trunc(limit) || 1, 1), 200),
  });
  return rows.map((row) => toActivityEvent(row, locale));
}

type AuditRow = { id: string; type: string; ip: string | null; userAgent: string | null; detail: string; createdAt: Date };

/** A stored row as the activity lists show it. */
export function toActivityEvent(row: AuditRow, locale: Locale = "en"): ActivityEvent {
  const detail = parseDetail(row.detail);
  const type = row.type as AuditType;
  return { id: row.id, type, label: describeEvent(type, detail, locale), ip: row.ip, device: describeDevice(row.userAgent, locale), createdAt: row.createdAt, detail };
}

function parseDetail(json: string): AuditDetail {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as AuditDetail) : {};
  } catch {
    return {};
  }
}

/** How someone signed in or confirmed, and the second-step factors: detail values → their words' keys (accountEvents). */
const METHODS: Record<string, string> = {
  password: "methodPassword",
  email_code: "methodEmailCode",
  totp: "methodTotp",
  email: "methodEmailCode",
  backup_code: "methodBackupCode",
  social: "methodSocial",
};
const FACTORS: Record<string, string> = { totp: "factorTotp", email: "factorEmail" };

/** The sentence the activity list shows for one event, in `locale` (English for the JSON API). */
export function describeEvent(type: AuditType, detail: AuditDetail = {}, locale: Locale = "en"): string {
  const t = translator(locale, "accountEvents");
  const method = (value: unknown) => t(METHODS[String(value)] ?? "methodOther");
  const factor = (fallback: string) => t(FACTORS[String(detail.factor)] ?? fallback);
  const provider = typeof detail.provider === "string" ? detail.provider : null;
  switch (type) {
    case "sign_in": {
      if (detail.method === "sign_up") return t("signUp");
      if (provider) return detail.mfa ? t("signInProviderMfa", { provider, mfa: method(detail.mfa) }) : t("signInProvider", { provider });
      if (detail.method === "password_reset") return detail.mfa ? t("signInResetMfa", { mfa: method(detail.mfa) }) : t("signInReset");
      return detail.mfa ? t("signInMfa", { method: method(detail.method), mfa: method(detail.mfa) }) : t("signIn", { method: method(detail.method) });
    }
    case "sign_in_failed":
      return detail.reason === "wrong_code" ? t("signInFailedCode") : t("signInFailedPassword");
    case "mfa_failed":
      return detail.locked ? t("mfaLocked", { minutes: Number(detail.lockMinutes) || 15 }) : t("mfaFailed", { method: method(detail.method) });
    case "step_up":
      return t("stepUp", { method: method(detail.method) });
    case "step_up_failed":
      return t("stepUpFailed", { method: method(detail.method) });
    case "password_changed":
      return detail.via === "reset" ? t("passwordReset") : t("passwordChanged");
    case "password_set":
      return t("passwordSet");
    case "email_changed":
      return t("emailChanged");
    case "mfa_enabled":
      return t("mfaEnabled", { factor: factor("factorNew") });
    case "mfa_disabled":
      return t("mfaDisabled", { factor: factor("factorAny") });
    case "backup_codes_regenerated":
      return t("backupCodes");
    case "social_linked":
      return t("socialLinked", { provider: provider ?? t("aProvider") });
    case "social_unlinked":
      return t("socialUnlinked", { provider: provider ?? t("aProvider") });
    case "session_revoked":
      return t("sessionRevoked");
    case "sessions_revoked":
      return typeof detail.count === "number" ? t("sessionsRevokedCount", { count: detail.count }) : t("sessionsRevoked");
    case "profile_updated":
      return t("profileUpdated");
    // Role changes are recorded on both accounts; the actor's row names the other account's id as `target`.
    case "ownership_claimed":
      return t("ownershipClaimed");
    case "ownership_transferred":
      return detail.target ? t("ownershipHandedOver") : t("ownershipReceived");
    case "admin_granted":
      return detail.target ? t("adminGranted") : t("adminReceived");
    case "admin_removed":
      return detail.target ? t("adminRemovedOther") : t("adminRemoved");
    default:
      return describeOrgEvent(type, detail, locale) ?? t("other");
  }
}
