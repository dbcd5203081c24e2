import "server-only";
import { db } from "@/lib/db";
import { failWith } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";
import type { OrgSummary } from "./find-org-access";
import { MEMBER_NOT_FOUND } from "./messages";
import type { OrgAction } from "./permissions";

/**
 * The first checks of an operation on another member (role change, removal,
 * hand-over): the actor may do `action` in `slug`, and `memberUserId`
 * (untrusted input) names a member of it. The roles are checked again under
 * the organization's lock by the operation itself.
 */
export async function findMemberTarget(
  actorId: string, slug: unknown, memberUserId: unknown, action: OrgAction,
): Promise<Result<{ org: OrgSummary; userId: string }>> {
  const access = await checkOrgPermission(actorId, slug, action);
  if (!access.ok) return access;
  const org = access.value.organization;
  if (typeof memberUserId !== "string" || !memberUserId || memberUserId.length > 64) return failWith("not_found", MEMBER_NOT_FOUND);
  const row = await db.membership.findUnique({ where: { organizationId_userId: { organizationId: org.id, userId: memberUserId } }, select: { userId: true } });
  return row ? ok({ org, userId: row.userId }) : failWith("not_found", MEMBER_NOT_FOUND);
}
