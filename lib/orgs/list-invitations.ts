import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { OutboxStatus } from "@/lib/mail/outbox";
import { ok, type Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";
import { invitationStatus, MAX_SENDS_PER_INVITATION, resendWait, type InvitationStatus } from "./invitation-rules";
import { isOrgRole, type OrgRole } from "./permissions";

export type InvitationListItem = {
  id: string;
  email: string;
  role: OrgRole;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
  sendCount: number;
  lastSentAt: Date | null;
  /** The latest email's state in the outbox (queued, sending, sent, failed, dead); null when it is gone (e.g. the address's account was deleted). */
  delivery: OutboxStatus | null;
  /** Seconds until Resend is allowed; null when it never will be (not pending, or sent the most times). */
  resendInSeconds: number | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
};

/**
 * The organization's invitations, newest first, for its owners and admins,
 * each with the delivery status of its latest email read from the outbox.
 * `status` filters by the shown status ("expired" included).
 */
export async function listInvitations(
  actor: CurrentUser, slug: unknown, options: InvitationListOptions = {},
): Promise<Result<InvitationListItem[]>> {
  const access = await checkOrgPermission(actor.id, slug, "view_invitations");
  if (!access.ok) return access;
  return ok(await invitationsOf(access.value.organization.id, options));
}

export type InvitationListOptions = { status?: InvitationStatus; limit?: number };

/** The list itself, for callers that already checked who is looking (listInvitations; the console, lib/orgs/console-organization.ts). */
export async function invitationsOf(organizationId: string, options: InvitationListOptions = {}): Promise<InvitationListItem[]> {
  const now = new Date();
  const stored = options.status === "expired" ? "pending" : options.status;
  const expiry = options.status === "expired" ? { lte: now } : options.status === "pending" ? { gt: now } : undefined;
  const rows = await db.invitation.findMany({
    where: { organizationId, ...(stored ? { status: stored } : {}), ...(expiry ? { expiresAt: expiry } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(Math.trunc(options.limit ?? 200) || 1, 1), 500),
    include: { invitedBy: { select: { name: true, email: true } } },
  });
  const messageIds = rows.flatMap((r) => (r.emailMessageId ? [r.emailMessageId] : []));
  const messages = new Map(
    (await db.emailMessage.findMany({ where: { id: { in: messageIds } }, select: { id: true, status: true } })).map((m) => [m.id, m.status as OutboxStatus]),
  );
  return rows.flatMap((row) => {
    if (!isOrgRole(row.role)) return [];
    const status = invitationStatus(row, now);
    const resendable = (status === "pending" || status === "expired") && row.sendCount < MAX_SENDS_PER_INVITATION;
    return [{
      id: row.id, email: row.email, role: row.role, status, expiresAt: row.expiresAt, createdAt: row.createdAt,
      invitedBy: row.invitedBy ? row.invitedBy.name || row.invitedBy.email : null,
      sendCount: row.sendCount, lastSentAt: row.lastSentAt,
      delivery: row.emailMessageId ? (messages.get(row.emailMessageId) ?? null) : null,
      resendInSeconds: resendable ? resendWait(row.lastSentAt, now) : null,
      acceptedAt: row.acceptedAt, closedAt: row.closedAt,
    }];
  });
}
