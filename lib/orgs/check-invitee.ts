import "server-only";
import { db } from "@/lib/db";
import { maskEmail } from "@/emails/components/mask-email";
import { failWith, type Failure } from "@/lib/errors/failure";
import { emailKey } from "@/lib/auth/email";
import type { CurrentUser } from "@/lib/auth/current-user";
import { invitationGone } from "./invitation-gone";
import { invitationStatus } from "./invitation-rules";
import { inviterName, locateInvitation, type InvitationRef, type LocatedInvitation } from "./locate-invitation";
import { INVITATION_NOT_FOUND } from "./messages";
import { isOrgRole, type OrgRole } from "./permissions";

export type InviteeCheck = { ok: true; invitation: LocatedInvitation & { role: OrgRole } } | Failure;

/**
 * Before accepting or declining: the invitation exists, is still pending
 * and unexpired, and the signed-in user's verified address is the invited
 * one (never accept for the wrong address: a forwarded link is no proof).
 * The write that follows re-checks the state in its own condition.
 */
export async function checkInvitee(user: CurrentUser, ref: InvitationRef): Promise<InviteeCheck> {
  const invitation = await locateInvitation(ref);
  if (!invitation || !isOrgRole(invitation.role)) return failWith("not_found", INVITATION_NOT_FOUND);
  const status = invitationStatus(invitation);
  if (status !== "pending") return invitationGone(status, invitation.organization.name, inviterName(invitation));
  const account = await db.user.findUnique({ where: { id: user.id }, select: { email: true, emailVerifiedAt: true } });
  if (!account?.emailVerifiedAt || emailKey(account.email) !== invitation.email) {
    return failWith(
      "forbidden",
      `This invitation was sent to ${maskEmail(invitation.email)}, and you're signed in as ${account?.email ?? user.email}. Sign out, then open the link again to continue with the invited address.`,
    );
  }
  return { ok: true, invitation: { ...invitation, role: invitation.role } };
}

/** After a conditional write found the invitation no longer pending: why, as the page says it. */
export async function goneNow(ref: InvitationRef, organization: string): Promise<Failure> {
  const row = await locateInvitation(ref);
  const status = row ? invitationStatus(row) : "revoked";
  return invitationGone(status === "pending" ? "revoked" : status, organization, row ? inviterName(row) : null);
}
