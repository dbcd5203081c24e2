import "server-only";
import { recordEvent } from "@/lib/account/audit";
import { failField } from "@/lib/errors/failure";
import { consumeVerification } from "@/lib/account/step-up";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { ok, type Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";
import { lockedPermission, withOrgLock } from "./lock-organization";
import { orgAuditCtx } from "./org-audit";
import { withdrawInvitationEmail } from "./withdraw-invitation-email";

export const TYPE_THE_NAME = "Type the organization's name exactly as it is shown.";

/**
 * Deletes an organization (owners only) after a fresh "Confirm it's you"
 * (step-up, UserPermissionValidation) and the typed name; a typo costs no
 * proof, as the name is checked first. Memberships and invitations go with
 * it (cascade), sessions working in it fall back to another, invitation
 * emails still waiting are withdrawn. The event stays, with the name, in
 * the owner's activity.
 */
export async function deleteOrganization(
  actor: CurrentUser, slug: unknown, verificationId: string | undefined, typedName: unknown, ctx: RequestContext,
): Promise<Result<null>> {
  const access = await checkOrgPermission(actor.id, slug, "delete_organization");
  if (!access.ok) return access;
  const org = access.value.organization;
  if (typeof typedName !== "string" || typedName.trim() !== org.name) return failField("name", TYPE_THE_NAME);
  const proof = await consumeVerification(actor, verificationId, "delete_organization");
  if (!proof.ok) return proof;

  const deleted = await withOrgLock(org.id, async (tx) => {
    await lockedPermission(tx, org.id, actor.id, "delete_organization");
    const waiting = await tx.invitation.findMany({ where: { organizationId: org.id, emailMessageId: { not: null } }, select: { emailMessageId: true } });
    await withdrawInvitationEmail(tx, waiting.flatMap((i) => (i.emailMessageId ? [i.emailMessageId] : [])));
    await tx.organization.delete({ where: { id: org.id } });
    await recordEvent("org_deleted", orgAuditCtx(actor.id, org.id, ctx), { organization: org.name }, tx);
    return null;
  });
  return deleted.ok ? ok(null) : deleted;
}
