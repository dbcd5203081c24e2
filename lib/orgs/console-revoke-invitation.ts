import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { failWith } from "@/lib/errors/failure";
import type { Result } from "@/lib/result";
import { findConsoleOrganization } from "./console-access";
import { INVITATION_NOT_FOUND } from "./messages";
import { orgAuditCtx } from "./org-audit";
import { revokeFoundInvitation } from "./revoke-invitation";

/**
 * A console admin revokes an organization's pending invitation, by their
 * console authority (no role in the organization needed). The same revoke as
 * an organization admin's; the event names the console admin as the actor
 * and says it came from the console.
 */
export async function revokeInvitationFromConsole(
  actor: CurrentUser, organizationId: unknown, invitationId: unknown, ctx: RequestContext,
): Promise<Result<null>> {
  const org = await findConsoleOrganization(actor, organizationId);
  if (!org.ok) return org;
  const invitation = typeof invitationId === "string" && invitationId.length <= 64
    ? await db.invitation.findFirst({ where: { id: invitationId, organizationId: org.value.id }, select: { id: true, emailMessageId: true } })
    : null;
  if (!invitation) return failWith("not_found", INVITATION_NOT_FOUND);
  return revokeFoundInvitation(org.value, invitation, orgAuditCtx(actor.id, org.value.id, ctx), { console: true });
}
