import "server-only";
import { recordEvent } from "@/lib/account/audit";
import { failWith } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import type { Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";
import { countOwners, lockedRole, refuse, withOrgLock } from "./lock-organization";
import { orgNotFound } from "./messages";
import { orgAuditCtx } from "./org-audit";
import { lastOwnerRule } from "./permissions";

/** The user leaves an organization; the last owner cannot (they hand ownership over or delete it first). */
export async function leaveOrganization(actor: CurrentUser, slug: unknown, ctx: RequestContext): Promise<Result<null>> {
  const access = await checkOrgPermission(actor.id, slug, "leave");
  if (!access.ok) return access;
  const org = access.value.organization;
  return withOrgLock(org.id, async (tx) => {
    const role = await lockedRole(tx, org.id, actor.id);
    if (!role) refuse(orgNotFound());
    const lastOwner = lastOwnerRule(await countOwners(tx, org.id), role, null);
    if (lastOwner) refuse(failWith("conflict", lastOwner));
    await tx.membership.delete({ where: { organizationId_userId: { organizationId: org.id, userId: actor.id } } });
    await recordEvent("org_member_left", orgAuditCtx(actor.id, org.id, ctx), { organization: org.name, role }, tx);
    return null;
  });
}
