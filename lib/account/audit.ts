import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { describeOrgEvent } from "@/lib/orgs/describe-org-event";
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
  "org_created",
  "org_updated",
  "org_deleted",
  "org_member_invited",
  "org_invitation_resent",
  "org_invitation_revoked",
  "org_invitation_accepted",
  "org_invitation_declined",
  "org_member_role_changed",
  "org_member_removed",
  "org_member_left",
  "org_ownership_transferred",
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
export async function recordEvent(type: AuditType, ctx: AuditContext, detail: AuditDetail = {}, client: Tx = db): Promise<void> {
  await client.auditEvent.create({
    data: {
      id: randomUUID(), type, userId: ctx.userId ?? null, organizationId: ctx.organizationId ?? null,
      ip: ctx.ip && ctx.ip !== "unknown" ? ctx.ip.slice(0, 64) : null,
      userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      detail: JSON.stringify(detail),
    },
  });
}

export async function listEvents(userId: string, limit = 50): Promise<ActivityEvent[]> {
  const rows = await db.auditEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(Math.trunc(limit) || 1, 1), 200),
  });
  return rows.map(toActivityEvent);
}

type AuditRow = { id: string; type: string; ip: string | null; userAgent: string | null; detail: string; createdAt: Date };

/** A stored row as the activity lists show it. */
export function toActivityEvent(row: AuditRow): ActivityEvent {
  const detail = parseDetail(row.detail);
  const type = row.type as AuditType;
  return { id: row.id, type, label: describeEvent(type, detail), ip: row.ip, device: describeDevice(row.userAgent), createdAt: row.createdAt, detail };
}

function parseDetail(json: string): AuditDetail {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as AuditDetail) : {};
  } catch {
    return {};
  }
}

const METHODS: Record<string, string> = {
  password: "a password",
  email_code: "an email code",
  totp: "an authenticator app",
  email: "an email code",
  backup_code: "a backup code",
  social: "a social sign-in",
};
const FACTORS: Record<string, string> = { totp: "an authenticator app", email: "email codes" };
const method = (value: unknown) => METHODS[String(value)] ?? "another method";

/** The sentence the activity list shows for one event. */
export function describeEvent(type: AuditType, detail: AuditDetail = {}): string {
  switch (type) {
    case "sign_in": {
      if (detail.method === "sign_up") return "Created the account and signed in";
      if (typeof detail.provider === "string") return detail.mfa ? `Signed in with ${detail.provider} and ${method(detail.mfa)}` : `Signed in with ${detail.provider}`;
      const first = detail.method === "password_reset" ? "Signed in after resetting the password" : `Signed in with ${method(detail.method)}`;
      return detail.mfa ? `${first} and ${method(detail.mfa)}` : first;
    }
    case "sign_in_failed":
      return detail.reason === "wrong_code" ? "Sign-in with an email code failed" : "Sign-in failed: wrong password";
    case "mfa_failed":
      return detail.locked
        ? `Two-step verification failed and is locked for ${Number(detail.lockMinutes) || 15} minutes`
        : `Two-step verification failed (${method(detail.method)})`;
    case "step_up":
      return `Confirmed it's you with ${method(detail.method)}`;
    case "step_up_failed":
      return `Failed to confirm it's you with ${method(detail.method)}`;
    case "password_changed":
      return detail.via === "reset" ? "Reset the password" : "Changed the password";
    case "password_set":
      return "Set a password";
    case "email_changed":
      return "Changed the email address";
    case "mfa_enabled":
      return `Turned on two-step verification with ${FACTORS[String(detail.factor)] ?? "a new method"}`;
    case "mfa_disabled":
      return `Removed ${FACTORS[String(detail.factor)] ?? "a method"} from two-step verification`;
    case "backup_codes_regenerated":
      return "Created new backup codes";
    case "social_linked":
      return `Connected sign-in with ${typeof detail.provider === "string" ? detail.provider : "a provider"}`;
    case "social_unlinked":
      return `Disconnected sign-in with ${typeof detail.provider === "string" ? detail.provider : "a provider"}`;
    case "session_revoked":
      return "Signed out another session";
    case "sessions_revoked":
      return typeof detail.count === "number" ? `Signed out all other sessions (${detail.count})` : "Signed out all other sessions";
    case "profile_updated":
      return "Updated the profile";
    // Role changes are recorded on both accounts; the actor's row names the other account's id as `target`.
    case "ownership_claimed":
      return "Became the owner of this Mailgate (the first account)";
    case "ownership_transferred":
      return detail.target ? "Handed ownership of this Mailgate over to another admin" : "Became the owner of this Mailgate";
    case "admin_granted":
      return detail.target ? "Made another account an admin" : "Was made an admin of this Mailgate";
    case "admin_removed":
      return detail.target ? "Removed another account's admin role" : "Admin role removed";
    default:
      return describeOrgEvent(type, detail) ?? "Account activity";
  }
}
