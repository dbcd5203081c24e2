import "server-only";
import { maskEmail } from "@/emails/components/mask-email";
import { failWith } from "@/lib/errors/failure";
import { startCodeFlow } from "@/lib/auth/flow-code";
import { hashPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/auth/request-context";
import { parseDisplayName, parseNewPassword } from "@/lib/auth/validate";
import { pickLocale } from "@/lib/mail/locale";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { invitationGone } from "./invitation-gone";
import { signInToInvitationUrl } from "./invitation-links";
import { invitationStatus } from "./invitation-rules";
import { inviterName, locateInvitation } from "./locate-invitation";
import { INVITATION_NOT_FOUND } from "./messages";

type NewAccountInput = { password: unknown; name: unknown };

/**
 * Step 1 of joining by invitation without an account: the address is the
 * invited one (not typed, so it cannot be changed), and the link alone does
 * not prove it (links get forwarded): an OrganizationInvitation code goes to
 * it, bound to a new flow whose id the page keeps in the flow cookie. As
 * with sign-up, an address that already has an account gets a notice to
 * sign in instead (its link signs in and comes back to this invitation),
 * with the same answer here, so the page reveals nothing.
 * Works in invitation-only mode: this is the way in.
 */
export async function startInvitationSignUp(
  token: unknown, input: NewAccountInput, ctx: RequestContext,
): Promise<Result<{ flowId: string; maskedEmail: string }>> {
  const invitation = typeof token === "string" ? await locateInvitation({ token }) : null;
  if (!invitation || typeof token !== "string") return failWith("not_found", INVITATION_NOT_FOUND);
  const status = invitationStatus(invitation);
  if (status !== "pending") return invitationGone(status, invitation.organization.name, inviterName(invitation));
  const { signInExperience: sie } = await getSettings();
  const password = parseNewPassword(input.password, sie.password.minLength, invitation.email);
  if (!password.ok) return password;
  const name = parseDisplayName(input.name);
  if (!name.ok) return name;

  const data = { passwordHash: await hashPassword(password.value), name: name.value, locale: pickLocale(null, ctx.acceptLanguage), invitationId: invitation.id };
  const started = await startCodeFlow("invitation", invitation.email, ctx, sie.otp, data, { noticeLink: signInToInvitationUrl(token) });
  return started.ok ? ok({ flowId: started.value.flowId, maskedEmail: maskEmail(invitation.email) }) : started;
}
