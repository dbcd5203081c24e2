import { failWith, type Failure } from "@/lib/errors/failure";
import type { InvitationStatus } from "./invitation-rules";

/**
 * Why an invitation can no longer be accepted, and who to ask: the clear
 * page for an expired, revoked or used link. Code "gone" (410).
 */
export function invitationGone(status: Exclude<InvitationStatus, "pending">, organization: string, inviter: string | null): Failure {
  const ask = inviter ? `Ask ${inviter} or another admin of ${organization}` : `Ask an admin of ${organization}`;
  switch (status) {
    case "expired":
      return failWith("gone", `This invitation to ${organization} has expired. ${ask} to send you a new one.`);
    case "revoked":
      return failWith("gone", `This invitation to ${organization} was withdrawn. ${ask} if you think that's a mistake.`);
    case "accepted":
      return failWith("gone", `This invitation to ${organization} has already been accepted. Sign in to open the organization.`);
    case "declined":
      return failWith("gone", `This invitation to ${organization} was declined. ${ask} to invite you again.`);
  }
}
