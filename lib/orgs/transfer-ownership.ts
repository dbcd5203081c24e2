import "server-only";
import { recordEvent } from "@/lib/account/audit";
import { failWith } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import type { Result } from "@/lib/result";
import { findMemberTarget } from "./find-member";
import { lockedPermission, lockedRole, refuse, withOrgLock } from "./lock-organization";
import { MEMBER_NOT_FOUND } from "./messages";
import { orgAuditCtx } from "./org-audit";

export const TRANSFER_TO_SELF = "Choose another member to hand ownership to.";

/**
 * An owner hands ownership to another member: in one locked transaction the
 * member becomes an owner and the actor an admin (who can still manage
 * members; another owner can make them owner again).
 */
export async function transferOwnership(actor: CurrentUser, slug: unknown, memberUserId: unknown, ctx: RequestContext): Promise<Result<null>> {
  const target = await findMemberTarget(actor.id, slug, memberUserId, "transfer_ownership");
  if (!target.ok) return target;
  const { org } = target.value;
  const member = target.value;
  if (member.userId === actor.id) return failWith("invalid_request", TRANSFER_TO_SELF);

  return withOrgLock(org.id, async (tx) => {
    await lockedPermission(tx, org.id, actor.id, "transfer_ownership");
    const from = await lockedRole(tx, org.id, member.userId);
    if (!from) refuse(failWith("not_found", MEMBER_NOT_FOUND));
    const key = (userId: string) => ({ organizationId_userId: { organizationId: org.id, userId } });
    await tx.membership.update({ where: key(member.userId), data: { role: "owner" } });
    await tx.membership.update({ where: key(actor.id), data: { role: "admin" } });
    await recordEvent("org_ownership_transferred", orgAuditCtx(actor.id, org.id, ctx), { organization: org.name, target: member.userId, from }, tx);
    return null;
  });
}
