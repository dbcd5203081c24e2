import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import type { Result } from "@/lib/result";
import { findConsoleOrganization } from "./console-access";
import { withOrgLock } from "./lock-organization";
import { orgAuditCtx } from "./org-audit";
import { removeLockedMember } from "./remove-member";

/**
 * A console admin removes a member of an organization, by their console
 * authority: any role, except the last owner (an organization keeps one; an
 * owner hands over first). Under the organization's lock like every
 * removal; the event names the console admin as the actor and says it came
 * from the console.
 */
export async function removeMemberFromConsole(
  actor: CurrentUser, organizationId: unknown, memberUserId: unknown, ctx: RequestContext,
): Promise<Result<null>> {
  const org = await findConsoleOrganization(actor, organizationId);
  if (!org.ok) return org;
  const organization = org.value;
  const userId = typeof memberUserId === "string" && memberUserId.length <= 64 ? memberUserId : "";
  return withOrgLock(organization.id, (tx) =>
    removeLockedMember(tx, organization, userId, { audit: orgAuditCtx(actor.id, organization.id, ctx), detail: { console: true } }),
  );
}
