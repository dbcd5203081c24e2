import "server-only";
import { db } from "@/lib/db";
import { codedFail, type CodedFailure } from "@/lib/account/errors";
import { INVITATION_NOT_FOUND } from "./messages";

const SELECT = { id: true, email: true, role: true, status: true, expiresAt: true, sendCount: true, lastSentAt: true, emailMessageId: true } as const;
export type OrgInvitationRow = { id: string; email: string; role: string; status: string; expiresAt: Date; sendCount: number; lastSentAt: Date | null; emailMessageId: string | null };

/** An invitation of `organizationId` by its id, from untrusted input; not_found for an id of another organization. */
export async function findOrgInvitation(organizationId: string, invitationId: unknown): Promise<{ ok: true; value: OrgInvitationRow } | CodedFailure> {
  if (typeof invitationId !== "string" || !invitationId || invitationId.length > 64) return codedFail("not_found", INVITATION_NOT_FOUND);
  const row = await db.invitation.findFirst({ where: { id: invitationId, organizationId }, select: SELECT });
  return row ? { ok: true, value: row } : codedFail("not_found", INVITATION_NOT_FOUND);
}
