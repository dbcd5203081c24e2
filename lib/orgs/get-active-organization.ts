import "server-only";
import { db } from "@/lib/db";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import type { OrgAccess } from "./find-org-access";
import { isOrgRole } from "./permissions";

const SELECT = { role: true, joinedAt: true, organization: { select: { id: true, slug: true, name: true, logoUrl: true } } } as const;

/**
 * The organization the signed-in user works in: the one chosen in this
 * session (setActiveOrganization) while they are still a member of it,
 * otherwise the first they joined; null when signed out or in none. Without
 * an argument it reads the request's session (pages and actions).
 */
export async function getActiveOrganization(user?: CurrentUser | null): Promise<OrgAccess | null> {
  const who = user === undefined ? await getCurrentUser() : user;
  if (!who) return null;
  const session = await db.session.findUnique({ where: { id: who.sessionId }, select: { activeOrganizationId: true } });
  const chosen = session?.activeOrganizationId
    ? await db.membership.findUnique({
        where: { organizationId_userId: { organizationId: session.activeOrganizationId, userId: who.id } },
        select: SELECT,
      })
    : null;
  const row = chosen ?? (await db.membership.findFirst({ where: { userId: who.id }, orderBy: [{ joinedAt: "asc" }, { id: "asc" }], select: SELECT }));
  if (!row || !isOrgRole(row.role)) return null;
  return { organization: row.organization, role: row.role, joinedAt: row.joinedAt };
}
