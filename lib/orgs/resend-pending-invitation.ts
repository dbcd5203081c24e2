import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/account/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import type { InvitationLimits } from "@/lib/settings/schema";
import type { OrgSummary } from "./find-org-access";
import { returnInvitationEmail, takeInvitationEmail } from "./invitation-quota";
import { MAX_SENDS_PER_INVITATION, RESEND_COOLDOWN_SECONDS, resendWait } from "./invitation-rules";
import { generateInvitationToken, hashInvitationToken } from "./invitation-token";
import { orgAuditCtx } from "./org-audit";
import type { OrgRole } from "./permissions";
import { sendInvitation, type FirstDelivery } from "./send-invitation";

export type PendingInvitation = { id: string; email: string; role: string; sendCount: number; lastSentAt: Date | null; emailMessageId: string | null };

export type ResendOutcome =
  | { status: "resent"; invitationId: string; delivery: FirstDelivery }
  | { status: "cooldown"; retryAfterSeconds: number }
  | { status: "send_limit" }
  | { status: "daily_limit" };

/**
 * Sends a pending invitation again with a new link (the old one stops
 * working) and a renewed expiry; optionally with another role (inviting the
 * address again). The cooldown and the per-invitation cap are conditions of
 * the update itself, so of concurrent resends exactly one goes out.
 */
export async function resendPendingInvitation(
  actor: CurrentUser, organization: OrgSummary, invitation: PendingInvitation, role: OrgRole, ctx: RequestContext, limits: InvitationLimits,
): Promise<ResendOutcome> {
  if (invitation.sendCount >= MAX_SENDS_PER_INVITATION) return { status: "send_limit" };
  const wait = resendWait(invitation.lastSentAt);
  if (wait > 0) return { status: "cooldown", retryAfterSeconds: wait };
  const taken = await takeInvitationEmail(organization.id, limits);
  if (!taken) return { status: "daily_limit" };

  const now = new Date();
  const token = generateInvitationToken();
  const expiresAt = new Date(now.getTime() + limits.expiryDays * 86_400_000);
  const cutoff = new Date(now.getTime() - RESEND_COOLDOWN_SECONDS * 1000);
  const inviter = actor.name || actor.email;
  const sent = await sendInvitation({ organization, inviter, email: invitation.email, role, token, expiresAt, expiryDays: limits.expiryDays }, ctx, async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: {
        id: invitation.id, status: "pending", sendCount: { lt: MAX_SENDS_PER_INVITATION },
        OR: [{ lastSentAt: null }, { lastSentAt: { lte: cutoff } }],
      },
      data: { tokenHash: hashInvitationToken(token)!, expiresAt, role, sendCount: { increment: 1 }, lastSentAt: now },
    });
    if (count !== 1) return null;
    const detail = { organization: organization.name, invitationId: invitation.id, role };
    await recordEvent("org_invitation_resent", orgAuditCtx(actor.id, organization.id, ctx), detail, tx);
    return { invitationId: invitation.id, previousMessageId: invitation.emailMessageId };
  });
  if (sent) return { status: "resent", ...sent };
  await returnInvitationEmail(taken);
  // Another request sent it a moment ago (or it stopped being pending): report what the row says now.
  const now2 = await db.invitation.findUnique({ where: { id: invitation.id }, select: { sendCount: true, lastSentAt: true } });
  if (now2 && now2.sendCount >= MAX_SENDS_PER_INVITATION) return { status: "send_limit" };
  return { status: "cooldown", retryAfterSeconds: Math.max(1, resendWait(now2?.lastSentAt ?? now)) };
}
