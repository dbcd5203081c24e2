import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { emailKey } from "@/lib/auth/email";
import { isOrgRole, type OrgRole } from "./permissions";

export type MyInvitation = {
  id: string;
  organization: { name: string; slug: string; logoUrl: string | null };
  role: OrgRole;
  inviter: string | null;
  expiresAt: Date;
};

/**
 * Pending, unexpired invitations addressed to the user's verified address
 * (the /orgs page): accepted or declined there by id (acceptInvitation with
 * `{ invitationId }`), as the address is what the invitation is bound to.
 */
export async function listMyInvitations(user: CurrentUser): Promise<MyInvitation[]> {
  const account = await db.user.findUnique({ where: { id: user.id }, select: { email: true, emailVerifiedAt: true } });
  if (!account?.emailVerifiedAt) return [];
  const rows = await db.invitation.findMany({
    where: { email: emailKey(account.email), status: "pending", expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true, role: true, expiresAt: true,
      organization: { select: { name: true, slug: true, logoUrl: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  return rows.flatMap((r) =>
    isOrgRole(r.role)
      ? [{ id: r.id, organization: r.organization, role: r.role, inviter: r.invitedBy ? r.invitedBy.name || r.invitedBy.email : null, expiresAt: r.expiresAt }]
      : [],
  );
}
