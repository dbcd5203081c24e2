/**
 * The fixed limits of invitations (the per-organization ones are settings:
 * signInExperience.invitations) and the status an invitation shows.
 */
export const MAX_ADDRESSES_PER_SUBMISSION = 20;
export const RESEND_COOLDOWN_SECONDS = 60;
export const MAX_SENDS_PER_INVITATION = 5;

export type StoredInvitationStatus = "pending" | "accepted" | "declined" | "revoked";
/** "expired" is a pending invitation past its expiry: nothing writes it. */
export type InvitationStatus = StoredInvitationStatus | "expired";

export function invitationStatus(row: { status: string; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.status === "pending") return row.expiresAt <= now ? "expired" : "pending";
  return row.status === "accepted" || row.status === "declined" ? row.status : "revoked";
}

/** The unique key that allows one pending invitation per organization and address. */
export const pendingKeyOf = (organizationId: string, email: string) => `${organizationId} ${email}`;

/** Seconds until the invitation may be sent again (0 = now). */
export function resendWait(lastSentAt: Date | null, now = new Date()): number {
  if (!lastSentAt) return 0;
  return Math.max(0, Math.ceil((lastSentAt.getTime() + RESEND_COOLDOWN_SECONDS * 1000 - now.getTime()) / 1000));
}
