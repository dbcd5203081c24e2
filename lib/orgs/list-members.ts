import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ok, type Result } from "@/lib/result";
import { checkOrgPermission } from "./check-org-permission";
import type { OrgAccess } from "./find-org-access";
import { isOrgRole, type OrgRole } from "./permissions";

export type MemberListItem = { userId: string; email: string; name: string | null; role: OrgRole; joinedAt: Date; isYou: boolean };

/** The organization's members (owners first, then admins, then by join date), with the viewer's own access. */
export async function listMembers(actor: CurrentUser, slug: unknown): Promise<Result<{ access: OrgAccess; members: MemberListItem[] }>> {
  const access = await checkOrgPermission(actor.id, slug, "view_members");
  if (!access.ok) return access;
  return ok({ access: access.value, members: await membersOf(access.value.organization.id, actor.id) });
}

/** The list itself, for callers that already checked who is looking (listMembers; the console). */
export async function membersOf(organizationId: string, viewerId: string): Promise<MemberListItem[]> {
  const rows = await db.membership.findMany({
    where: { organizationId },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    select: { role: true, joinedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  const order: Record<OrgRole, number> = { owner: 0, admin: 1, member: 2 };
  return rows
    .flatMap((r) => (isOrgRole(r.role) ? [{ userId: r.user.id, email: r.user.email, name: r.user.name, role: r.role, joinedAt: r.joinedAt, isYou: r.user.id === viewerId }] : []))
    .sort((a, b) => order[a.role] - order[b.role]);
}
