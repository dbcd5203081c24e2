import "server-only";
import { recordEvent } from "@/lib/account/audit";
import { failWith, failField } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import type { Result } from "@/lib/result";
import { findMemberTarget } from "./find-member";
import { countOwners, lockedPermission, lockedRole, refuse, withOrgLock } from "./lock-organization";
import { ADMIN_CANNOT_TOUCH_OWNER, CANNOT_GRANT, MEMBER_NOT_FOUND } from "./messages";
import { orgAuditCtx } from "./org-audit";
import { canAssign, canManage, isOrgRole, lastOwnerRule, type OrgRole } from "./permissions";

/**
 * Gives a member another role. Admins change admins and members but never
 * owners, and never grant owner; the last owner cannot be demoted. The
 * roles are re-read under the organization's lock, so two owners demoting
 * each other at the same moment leave one of them an owner.
 */
export async function changeMemberRole(
  actor: CurrentUser, slug: unknown, memberUserId: unknown, role: unknown, ctx: RequestContext,
): Promise<Result<{ userId: string; role: OrgRole }>> {
  const target = await findMemberTarget(actor.id, slug, memberUserId, "change_role");
  if (!target.ok) return target;
  if (!isOrgRole(role)) return failField("role", "Choose owner, admin or member.");
  const { org } = target.value;
  const member = target.value;

  return withOrgLock(org.id, async (tx) => {
    const actorRole = await lockedPermission(tx, org.id, actor.id, "change_role");
    const from = await lockedRole(tx, org.id, member.userId);
    if (!from) refuse(failWith("not_found", MEMBER_NOT_FOUND));
    if (!canManage(actorRole, from)) refuse(failWith("forbidden", ADMIN_CANNOT_TOUCH_OWNER));
    if (!canAssign(actorRole, role)) refuse(failWith("forbidden", CANNOT_GRANT));
    if (from === role) return { userId: member.userId, role };
    const lastOwner = lastOwnerRule(await countOwners(tx, org.id), from, role);
    if (lastOwner) refuse(failWith("conflict", lastOwner));
    await tx.membership.update({ where: { organizationId_userId: { organizationId: org.id, userId: member.userId } }, data: { role } });
    await recordEvent("org_member_role_changed", orgAuditCtx(actor.id, org.id, ctx), { organization: org.name, target: member.userId, from, role }, tx);
    return { userId: member.userId, role };
  });
}
