import { failWith, type Failure } from "@/lib/errors/failure";
import type { Translate } from "@/lib/i18n/translator";
import type { InvitationStatus } from "./invitation-rules";

export type GoneParts = { status: Exclude<InvitationStatus, "pending">; organization: string; inviter: string | null };

/**
 * Why an invitation can no longer be accepted, and who to ask: the clear
 * page for an expired, revoked or used link. Code "gone" (410). The parts
 * travel with the failure so a page can say the same in its reader's
 * language (an organization's or inviter's name may hold any words, so the
 * English is never parsed back).
 */
export function invitationGone(status: GoneParts["status"], organization: string, inviter: string | null): Failure & { gone: GoneParts } {
  const ask = inviter ? `Ask ${inviter} or another admin of ${organization}` : `Ask an admin of ${organization}`;
  const gone = { status, organization, inviter };
  switch (status) {
    case "expired":
      return { ...failWith("gone", `This invitation to ${organization} has expired. ${ask} to send you a new one.`), gone };
    case "revoked":
      return { ...failWith("gone", `This invitation to ${organization} was withdrawn. ${ask} if you think that's a mistake.`), gone };
    case "accepted":
      return { ...failWith("gone", `This invitation to ${organization} has already been accepted. Sign in to open the organization.`), gone };
    case "declined":
      return { ...failWith("gone", `This invitation to ${organization} was declined. ${ask} to invite you again.`), gone };
  }
}

/** The parts of an `invitationGone` failure, or null for any other failure. */
export function goneParts(failure: Failure): GoneParts | null {
  return "gone" in failure ? (failure as { gone: GoneParts }).gone : null;
}

const GONE = { expired: "goneExpired", revoked: "goneRevoked", accepted: "goneAccepted", declined: "goneDeclined" } as const;

/** The same words from the parts, through the catalogue's `invite` namespace (`t`), so in the reader's language. */
export function goneMessage(t: Translate, { status, organization: org, inviter }: GoneParts): string {
  const ask = inviter ? t("askInviter", { inviter, org }) : t("askAdmin", { org });
  return t(GONE[status], { org, ask });
}
