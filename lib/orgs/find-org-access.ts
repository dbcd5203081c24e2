import "server-only";
import { db, type Tx } from "@/lib/db";
import { isOrgRole, type OrgRole } from "./permissions";

export type OrgSummary = { id: string; slug: string; name: string; logoUrl: string | null };
/** A member's view of an organization: the organization and their role in it. */
export type OrgAccess = { organization: OrgSummary; role: OrgRole; joinedAt: Date };

const ORG = { id: true, slug: true, name: true, logoUrl: true } as const;

/**
 * The organization `slug` names and `userId`'s role in it; null when there
 * is no such organization OR the user is not a member: callers answer both
 * with the same 404, so nobody learns which organizations exist.
 */
export async function findOrgAccess(userId: string, slug: unknown, client: Tx = db): Promise<OrgAccess | null> {
  if (typeof slug !== "string" || !slug || slug.length > 64) return null;
  const row = await client.membership.findFirst({
    where: { userId, organization: { slug: slug.toLowerCase() } },
    select: { role: true, joinedAt: true, organization: { select: ORG } },
  });
  if (!row || !isOrgRole(row.role)) return null;
  return { organization: row.organization, role: row.role, joinedAt: row.joinedAt };
}
