import "server-only";
import { addressSuppressed, isSuppressed } from "@/lib/deliverability/suppressions";
import { failWith } from "@/lib/errors/failure";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { findOrgInvitation } from "./find-org-invitation";
import { dailyLimitMessage } from "./invitation-quota";
import { MAX_SENDS_PER_INVITATION } from "./invitation-rules";
import { isOrgRole } from "./permissions";
import { resendPendingInvitation } from "./resend-pending-invitation";
import type { FirstDelivery } from "./send-invitation";

export const NOT_PENDING = "This invitation was already accepted, declined or revoked. Invite the address again instead.";
export const SEND_LIMIT = `This invitation has been sent ${MAX_SENDS_PER_INVITATION} times, the most it may be. Revoke it and invite the address again if you need to.`;

/**
 * Sends a pending (or expired) invitation again: a new link, a renewed
 * expiry. At most once a minute and five times per invitation, enforced by
 * the update itself, so concurrent resends send one email.
 */
export async function resendInvitation(
  actor: CurrentUser, slug: unknown, invitationId: unknown, ctx: RequestContext,
): Promise<Result<{ invitationId: string; delivery: FirstDelivery }>> {
  const found = await findOrgInvitation(actor.id, slug, invitationId, "resend_invitation");
  if (!found.ok) return found;
  const { org, invitation } = found.value;
  if (invitation.status !== "pending" || !isOrgRole(invitation.role)) return failWith("conflict", NOT_PENDING);
  if (await isSuppressed(invitation.email)) return addressSuppressed();

  const { invitations: limits } = (await getSettings()).signInExperience;
  const outcome = await resendPendingInvitation(actor, org, invitation, invitation.role, ctx, limits);
  switch (outcome.status) {
    case "resent":
      return ok({ invitationId: outcome.invitationId, delivery: outcome.delivery });
    case "cooldown":
      return failWith("rate_limited", `This invitation was just sent. You can send it again in ${outcome.retryAfterSeconds} seconds.`);
    case "send_limit":
      return failWith("rate_limited", SEND_LIMIT);
    case "daily_limit":
      return failWith("rate_limited", dailyLimitMessage(limits));
  }
}
