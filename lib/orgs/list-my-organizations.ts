import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { OrgAccess } from "./find-org-access";
import { isOrgRole } from "./permissions";

/** The organizations the user belongs to, in the order they joined (the /orgs list and the header's switcher). */
export async function listMyOrganizations(user: CurrentUser): Promise<(OrgAccess & { memberCount: number })[]> {
  const rows = await db.membership.findMany({
    where: { userId: user.id },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    select: {
      role: true, joinedAt: true,
      organization: { select: { id: true, slug: true, name: true, logoUrl: true, _count: { select: { memberships: true } } } },
    },
  });
  return rows.flatMap(({ role, joinedAt, organization: { _count, ...organization } }) =>
    isOrgRole(role) ? [{ organization, role, joinedAt, memberCount: _count.memberships }] : [],
  );
}
