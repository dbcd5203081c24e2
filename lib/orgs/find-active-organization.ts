import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { OrgAccess } from "./find-org-access";
import { isOrgRole } from "./permissions";

const SELECT = { role: true, joinedAt: true, organization: { select: { id: true, slug: true, name: true, logoUrl: true } } } as const;

/**
 * The organization `user` works in: the one chosen in this session
 * (setActiveOrganization) while they are still a member of it, otherwise the
 * first they joined; null when they belong to none.
 */
export async function findActiveOrganization(user: Pick<CurrentUser, "id" | "sessionId">): Promise<OrgAccess | null> {
  const session = await db.session.findUnique({ where: { id: user.sessionId }, select: { activeOrganizationId: true } });
  const chosen = session?.activeOrganizationId
    ? await db.membership.findUnique({
        where: { organizationId_userId: { organizationId: session.activeOrganizationId, userId: user.id } },
        select: SELECT,
      })
    : null;
  const row = chosen ?? (await db.membership.findFirst({ where: { userId: user.id }, orderBy: [{ joinedAt: "asc" }, { id: "asc" }], select: SELECT }));
  if (!row || !isOrgRole(row.role)) return null;
  return { organization: row.organization, role: row.role, joinedAt: row.joinedAt };
}
