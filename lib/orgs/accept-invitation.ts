import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { ok, type Result } from "@/lib/result";
import { checkInvitee, goneNow } from "./check-invitee";
import { claimInvitation } from "./claim-invitation";
import type { OrgSummary } from "./find-org-access";
import type { InvitationRef } from "./locate-invitation";
import type { OrgRole } from "./permissions";

export type Accepted = { organization: OrgSummary; role: OrgRole; alreadyMember: boolean };

/**
 * The signed-in invitee accepts (by the link's token, or by id from their
 * list of invitations). Only the invited, verified address may; the
 * conditional update in claimInvitation makes 20 concurrent accepts give
 * one membership, and a revoke that landed first beat a page already open.
 */
export async function acceptInvitation(user: CurrentUser, ref: InvitationRef, ctx: RequestContext): Promise<Result<Accepted>> {
  const checked = await checkInvitee(user, ref);
  if (!checked.ok) return checked;
  const { invitation } = checked;
  const accepted = await db.$transaction((tx) => claimInvitation(tx, { invitation, userId: user.id, sessionId: user.sessionId, ctx }));
  if (!accepted) return goneNow(ref, invitation.organization.name);
  return ok({ organization: invitation.organization, role: invitation.role, alreadyMember: accepted.alreadyMember });
}
