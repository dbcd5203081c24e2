import { codedFail, type CodedFailure } from "@/lib/account/errors";
import type { InvitationStatus } from "./invitation-rules";

/**
 * Why an invitation can no longer be accepted, and who to ask: the clear
 * page for an expired, revoked or used link. Code "gone" (410).
 */
export function invitationGone(status: Exclude<InvitationStatus, "pending">, organization: string, inviter: string | null): CodedFailure {
  const ask = inviter ? `Ask ${inviter} or another admin of ${organization}` : `Ask an admin of ${organization}`;
  switch (status) {
    case "expired":
      return codedFail("gone", `This invitation to ${organization} has expired. ${ask} to send you a new one.`);
    case "revoked":
      return codedFail("gone", `This invitation to ${organization} was withdrawn. ${ask} if you think that's a mistake.`);
    case "accepted":
      return codedFail("gone", `This invitation to ${organization} has already been accepted. Sign in to open the organization.`);
    case "declined":
      return codedFail("gone", `This invitation to ${organization} was declined. ${ask} to invite you again.`);
  }
}
