import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/account/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { ok, type Result } from "@/lib/result";
import { checkInvitee, goneNow } from "./check-invitee";
import type { InvitationRef } from "./locate-invitation";
import { orgAuditCtx } from "./org-audit";

/** The signed-in invitee declines: pending → declined, conditionally (an accept or revoke that landed first wins). */
export async function declineInvitation(user: CurrentUser, ref: InvitationRef, ctx: RequestContext): Promise<Result<{ organization: string }>> {
  const checked = await checkInvitee(user, ref);
  if (!checked.ok) return checked;
  const { invitation } = checked;
  const org = invitation.organization;
  const declined = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, email: invitation.email, status: "pending", expiresAt: { gt: now } },
      data: { status: "declined", pendingKey: null, closedAt: now },
    });
    if (count === 1) await recordEvent("org_invitation_declined", orgAuditCtx(user.id, org.id, ctx), { organization: org.name, invitationId: invitation.id }, tx);
    return count === 1;
  });
  return declined ? ok({ organization: org.name }) : goneNow({ invitationId: invitation.id }, org.name);
}
