import "server-only";
import { maskEmail } from "@/emails/components/mask-email";
import { failWith } from "@/lib/errors/failure";
import { emailKey } from "@/lib/auth/email";
import { ok, type Result } from "@/lib/result";
import { invitationStatus, type InvitationStatus } from "./invitation-rules";
import { inviterName, locateInvitation } from "./locate-invitation";
import { INVITATION_NOT_FOUND } from "./messages";
import { isOrgRole, type OrgRole } from "./permissions";

export type InvitationPreview = {
  id: string;
  organization: { name: string; slug: string; logoUrl: string | null };
  /** Who invited (name, else address); null when their account is gone. */
  inviter: string | null;
  role: OrgRole;
  /** The invited address, masked (`a•••@example.com`): the link may have been forwarded. */
  maskedEmail: string;
  expiresAt: Date;
  status: InvitationStatus;
  /** Whether the signed-in viewer is the invitee: "invitee", "other" (signed in with another address) or "signed_out". */
  viewer: "invitee" | "other" | "signed_out";
};

/**
 * What /invite/<token> shows. Only reads: mail scanners open links, so
 * opening one must change nothing (the page offers POST buttons). An
 * unknown or malformed token is not_found.
 */
export async function findInvitationByToken(token: unknown, viewer: { email: string } | null): Promise<Result<InvitationPreview>> {
  const row = typeof token === "string" ? await locateInvitation({ token }) : null;
  if (!row || !isOrgRole(row.role)) return failWith("not_found", INVITATION_NOT_FOUND);
  const { name, slug, logoUrl } = row.organization;
  return ok({
    id: row.id,
    organization: { name, slug, logoUrl },
    inviter: inviterName(row),
    role: row.role,
    maskedEmail: maskEmail(row.email),
    expiresAt: row.expiresAt,
    status: invitationStatus(row),
    viewer: !viewer ? "signed_out" : emailKey(viewer.email) === row.email ? "invitee" : "other",
  });
}
