import "server-only";
import { db } from "@/lib/db";
import { recordEvent, type AuditContext, type AuditDetail } from "@/lib/account/audit";
import { failWith } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { ok, type Result } from "@/lib/result";
import { findOrgInvitation } from "./find-org-invitation";
import { orgAuditCtx } from "./org-audit";
import { withdrawInvitationEmail } from "./withdraw-invitation-email";

export const NOT_REVOCABLE = "Only a pending invitation can be revoked; this one was already accepted, declined or revoked.";

/**
 * Revokes a pending (or expired) invitation (owners and admins): the link
 * stops working at once, even on a page already open.
 */
export async function revokeInvitation(actor: CurrentUser, slug: unknown, invitationId: unknown, ctx: RequestContext): Promise<Result<null>> {
  const found = await findOrgInvitation(actor.id, slug, invitationId, "revoke_invitation");
  if (!found.ok) return found;
  const { org, invitation } = found.value;
  return revokeFoundInvitation(org, invitation, orgAuditCtx(actor.id, org.id, ctx));
}

/**
 * The revoke itself, once the caller checked who may (an organization's
 * admin; a console admin, whose event says so in `detail`): a conditional
 * update pending → revoked, so a revoke and an accept racing each other
 * cannot both win; an email still waiting in the outbox is withdrawn.
 */
export async function revokeFoundInvitation(
  org: { id: string; name: string }, invitation: { id: string; emailMessageId: string | null }, audit: AuditContext, detail: AuditDetail = {},
): Promise<Result<null>> {
  const revoked = await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, organizationId: org.id, status: "pending" },
      data: { status: "revoked", pendingKey: null, closedAt: new Date() },
    });
    if (count !== 1) return false;
    if (invitation.emailMessageId) await withdrawInvitationEmail(tx, invitation.emailMessageId);
    await recordEvent("org_invitation_revoked", audit, { organization: org.name, invitationId: invitation.id, ...detail }, tx);
    return true;
  });
  return revoked ? ok(null) : failWith("conflict", NOT_REVOCABLE);
}
