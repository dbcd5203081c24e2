import "server-only";
import { AccountRefused, finishAccountFlow } from "@/lib/auth/finish-account-flow";
import type { RequestContext } from "@/lib/auth/request-context";
import { ok, type Result } from "@/lib/result";
import type { SessionRef } from "@/lib/auth/session";
import { claimInvitation } from "./claim-invitation";
import type { OrgSummary } from "./find-org-access";
import { isOrgRole } from "./permissions";

export const INVITATION_NO_LONGER_VALID = "This invitation is no longer valid: it was revoked, expired or already used. Ask the organization's admin for a new one.";

/**
 * Step 2: the right OrganizationInvitation code creates the account and
 * accepts the invitation in ONE transaction (lib/auth/finish-account-flow.ts):
 * the code's consumption, the verified account with its password, the
 * membership, the invitation's pending → accepted, and the session. If the
 * invitation was revoked or expired meanwhile, nothing is created and the
 * code stays unused. The session's first organization is this one
 * (getActiveOrganization falls back to the only membership); the
 * organization is returned so the page can open it.
 */
export async function acceptInvitationWithNewAccount(
  flowId: string | undefined, code: unknown, ctx: RequestContext,
): Promise<Result<{ session: SessionRef; organization: OrgSummary }>> {
  let organization: OrgSummary | undefined;
  const finished = await finishAccountFlow("invitation", flowId, code, ctx, async (tx, userId, flow) => {
    const invitation = await tx.invitation.findUnique({
      where: { id: String(flow.data.invitationId ?? "") },
      select: { id: true, email: true, role: true, organization: { select: { id: true, slug: true, name: true, logoUrl: true } } },
    });
    if (!invitation || invitation.email !== flow.email || !isOrgRole(invitation.role)) throw new AccountRefused(INVITATION_NO_LONGER_VALID, "gone");
    const claimed = await claimInvitation(tx, { invitation: { ...invitation, role: invitation.role }, userId, sessionId: null, ctx });
    if (!claimed) throw new AccountRefused(INVITATION_NO_LONGER_VALID, "gone");
    organization = invitation.organization;
  });
  if (!finished.ok) return finished;
  if (!organization) throw new Error("acceptInvitationWithNewAccount: the account was made without its invitation");
  return ok({ session: finished.value.session, organization });
}
