import "server-only";
import { db } from "@/lib/db";
import { failWith } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";
import type { OrgSummary } from "./find-org-access";
import { INVITATION_NOT_FOUND } from "./messages";
import type { OrgAction } from "./permissions";

const SELECT = { id: true, email: true, role: true, status: true, expiresAt: true, sendCount: true, lastSentAt: true, emailMessageId: true } as const;
export type OrgInvitationRow = { id: string; email: string; role: string; status: string; expiresAt: Date; sendCount: number; lastSentAt: Date | null; emailMessageId: string | null };

/**
 * The first checks of an admin's operation on an invitation (resend,
 * revoke): the actor may do `action` in `slug`, and `invitationId`
 * (untrusted input) names one of its invitations; not_found for another
 * organization's.
 */
export async function findOrgInvitation(
  actorId: string, slug: unknown, invitationId: unknown, action: OrgAction,
): Promise<Result<{ org: OrgSummary; invitation: OrgInvitationRow }>> {
  const access = await checkOrgPermission(actorId, slug, action);
  if (!access.ok) return access;
  const org = access.value.organization;
  if (typeof invitationId !== "string" || !invitationId || invitationId.length > 64) return failWith("not_found", INVITATION_NOT_FOUND);
  const invitation = await db.invitation.findFirst({ where: { id: invitationId, organizationId: org.id }, select: SELECT });
  return invitation ? ok({ org, invitation }) : failWith("not_found", INVITATION_NOT_FOUND);
}
