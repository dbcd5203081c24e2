import "server-only";
import type { Tx } from "@/lib/db";
import { recordEvent, type AuditContext, type AuditDetail } from "@/lib/account/audit";
import { failWith } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import type { Result } from "@/lib/result";
import type { OrgSummary } from "./find-org-access";
import { findMemberTarget } from "./find-member";
import { countOwners, lockedPermission, lockedRole, refuse, withOrgLock } from "./lock-organization";
import { ADMIN_CANNOT_TOUCH_OWNER, MEMBER_NOT_FOUND } from "./messages";
import { orgAuditCtx } from "./org-audit";
import { canManage, lastOwnerRule, type OrgRole } from "./permissions";

export const REMOVE_SELF = "To leave the organization yourself, use Leave.";
export const ONLY_OWNER = "This member is the organization's only owner, and an organization keeps at least one. Another member must be made an owner first.";

/** Removes another member (owners and admins; admins never remove an owner). Their pending work in the organization ends with the membership. */
export async function removeMember(actor: CurrentUser, slug: unknown, memberUserId: unknown, ctx: RequestContext): Promise<Result<null>> {
  const target = await findMemberTarget(actor.id, slug, memberUserId, "remove_member");
  if (!target.ok) return target;
  const { org } = target.value;
  const member = target.value;
  if (member.userId === actor.id) return failWith("invalid_request", REMOVE_SELF);

  return withOrgLock(org.id, async (tx) => {
    const actorRole = await lockedPermission(tx, org.id, actor.id, "remove_member");
    const mayRemove = (role: OrgRole) => {
      if (!canManage(actorRole, role)) refuse(failWith("forbidden", ADMIN_CANNOT_TOUCH_OWNER));
    };
    return removeLockedMember(tx, org, member.userId, { audit: orgAuditCtx(actor.id, org.id, ctx), mayRemove });
  });
}

type Removal = {
  audit: AuditContext;
  /** Extra words for the event (a console admin's removal says so). */
  detail?: AuditDetail;
  /** The remover's authority over the member's current role; `refuse`s when it has none. */
  mayRemove?: (role: OrgRole) => void;
};

/**
 * The removal itself, inside the organization's lock (withOrgLock), once
 * the caller checked who may: the member's role read under the lock, the
 * remover's authority over it, the last-owner rule, the event.
 */
export async function removeLockedMember(tx: Tx, org: OrgSummary, userId: string, { audit, detail = {}, mayRemove }: Removal): Promise<null> {
  const role = await lockedRole(tx, org.id, userId);
  if (!role) refuse(failWith("not_found", MEMBER_NOT_FOUND));
  mayRemove?.(role);
  if (lastOwnerRule(await countOwners(tx, org.id), role, null)) refuse(failWith("conflict", ONLY_OWNER));
  await tx.membership.delete({ where: { organizationId_userId: { organizationId: org.id, userId } } });
  await recordEvent("org_member_removed", audit, { organization: org.name, target: userId, role, ...detail }, tx);
  return null;
}
