import "server-only";
import { db, type Tx } from "@/lib/db";

export type LeavingOwner = {
  /** An organization the user is the only owner of while others are members: the account may not be deleted. */
  blocking: { id: string; name: string; slug: string } | null;
  /** Organizations the user is the only member of: they go with the account. */
  alone: string[];
  /** Every organization they own (to lock before deciding, in a fixed order). */
  owned: string[];
};

/**
 * What deleting an account means for its organizations. An organization
 * with members always keeps an owner, so the last owner of one with other
 * members is refused (like the install's owner, lib/account/delete-account.ts);
 * one they are alone in is deleted with them rather than left ownerless.
 */
export async function organizationsOfLeavingOwner(userId: string, client: Tx = db): Promise<LeavingOwner> {
  const owned = await client.membership.findMany({
    where: { userId, role: "owner" },
    orderBy: { organizationId: "asc" },
    select: {
      organization: {
        select: { id: true, name: true, slug: true, _count: { select: { memberships: true } }, memberships: { where: { role: "owner" }, select: { id: true } } },
      },
    },
  });
  const orgs = owned.map((m) => m.organization);
  const blocking = orgs.find((o) => o.memberships.length === 1 && o._count.memberships > 1);
  return {
    blocking: blocking ? { id: blocking.id, name: blocking.name, slug: blocking.slug } : null,
    alone: orgs.filter((o) => o._count.memberships === 1).map((o) => o.id),
    owned: orgs.map((o) => o.id),
  };
}

export const lastOwnerOf = (name: string) =>
  `You're the only owner of the organization ${name}. Make another member an owner (or delete the organization) first; then delete your account.`;
