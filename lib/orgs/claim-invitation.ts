import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { recordEvent } from "@/lib/account/audit";
import type { RequestContext } from "@/lib/auth/request-context";
import type { OrgSummary } from "./find-org-access";
import { orgAuditCtx } from "./org-audit";
import type { OrgRole } from "./permissions";

export type Claim = {
  invitation: { id: string; email: string; role: OrgRole; organization: OrgSummary };
  userId: string;
  /** The session to switch to the organization (none when the session is made in the same transaction). */
  sessionId: string | null;
  ctx: RequestContext;
};

/**
 * Accepts a pending invitation for `userId` inside the caller's transaction
 * (the signed-in accept and the new-account path): one conditional update
 * pending → accepted, still unexpired and still for this address, decides
 * who wins; then the membership (unless they already are one), the session's
 * switch and the event. Null when the update found nothing to accept.
 */
export async function claimInvitation(tx: Tx, { invitation, userId, sessionId, ctx }: Claim): Promise<{ alreadyMember: boolean } | null> {
  const now = new Date();
  const org = invitation.organization;
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, email: invitation.email, status: "pending", expiresAt: { gt: now } },
    data: { status: "accepted", pendingKey: null, acceptedById: userId, acceptedAt: now, closedAt: now },
  });
  if (count !== 1) return null;
  const key = { organizationId_userId: { organizationId: org.id, userId } };
  const alreadyMember = (await tx.membership.findUnique({ where: key, select: { id: true } })) !== null;
  if (!alreadyMember) await tx.membership.create({ data: { id: randomUUID(), organizationId: org.id, userId, role: invitation.role, joinedAt: now } });
  if (sessionId) await tx.session.updateMany({ where: { id: sessionId, userId }, data: { activeOrganizationId: org.id } });
  const detail = { organization: org.name, role: invitation.role, invitationId: invitation.id };
  await recordEvent("org_invitation_accepted", orgAuditCtx(userId, org.id, ctx), detail, tx);
  return { alreadyMember };
}
