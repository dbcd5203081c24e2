import "server-only";
import { recordEvent } from "@/lib/account/audit";
import { failWith } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import type { Result } from "@/lib/result";
import { findMemberTarget } from "./find-member";
import { countOwners, lockedPermission, lockedRole, refuse, withOrgLock } from "./lock-organization";
import { ADMIN_CANNOT_TOUCH_OWNER, MEMBER_NOT_FOUND } from "./messages";
import { orgAuditCtx } from "./org-audit";
import { canManage, lastOwnerRule } from "./permissions";

export const REMOVE_SELF = "To leave the organization yourself, use Leave.";

/** Removes another member (owners and admins; admins never remove an owner). Their pending work in the organization ends with the membership. */
export async function removeMember(actor: CurrentUser, slug: unknown, memberUserId: unknown, ctx: RequestContext): Promise<Result<null>> {
  const target = await findMemberTarget(actor.id, slug, memberUserId, "remove_member");
  if (!target.ok) return target;
  const { org } = target.value;
  const member = target.value;
  if (member.userId === actor.id) return failWith("invalid_request", REMOVE_SELF);

  return withOrgLock(org.id, async (tx) => {
    const actorRole = await lockedPermission(tx, org.id, actor.id, "remove_member");
    const role = await lockedRole(tx, org.id, member.userId);
    if (!role) refuse(failWith("not_found", MEMBER_NOT_FOUND));
    if (!canManage(actorRole, role)) refuse(failWith("forbidden", ADMIN_CANNOT_TOUCH_OWNER));
    const lastOwner = lastOwnerRule(await countOwners(tx, org.id), role, null);
    if (lastOwner) refuse(failWith("conflict", lastOwner));
    await tx.membership.delete({ where: { organizationId_userId: { organizationId: org.id, userId: member.userId } } });
    await recordEvent("org_member_removed", orgAuditCtx(actor.id, org.id, ctx), { organization: org.name, target: member.userId, role }, tx);
    return null;
  });
}
