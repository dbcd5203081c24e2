import "server-only";
import { db } from "@/lib/db";
import { hashInvitationToken } from "./invitation-token";

/** How the invitee names an invitation: the link's token, or (signed in, on /orgs) its id. */
export type InvitationRef = { token: string } | { invitationId: string };

const SELECT = {
  id: true, email: true, role: true, status: true, expiresAt: true,
  organization: { select: { id: true, slug: true, name: true, logoUrl: true } },
  invitedBy: { select: { name: true, email: true } },
} as const;

export type LocatedInvitation = {
  id: string; email: string; role: string; status: string; expiresAt: Date;
  organization: { id: string; slug: string; name: string; logoUrl: string | null };
  invitedBy: { name: string | null; email: string } | null;
};

/** The invitation a token or id names; null for anything else (a malformed token is never looked up). */
export async function locateInvitation(ref: InvitationRef): Promise<LocatedInvitation | null> {
  if ("token" in ref) {
    const tokenHash = hashInvitationToken(ref.token);
    return tokenHash ? db.invitation.findUnique({ where: { tokenHash }, select: SELECT }) : null;
  }
  const id = ref.invitationId;
  return typeof id === "string" && id && id.length <= 64 ? db.invitation.findUnique({ where: { id }, select: SELECT }) : null;
}

/** "Grace Hopper" (or their address); null once the inviter's account is gone. */
export const inviterName = (row: Pick<LocatedInvitation, "invitedBy">): string | null => (row.invitedBy ? row.invitedBy.name || row.invitedBy.email : null);
