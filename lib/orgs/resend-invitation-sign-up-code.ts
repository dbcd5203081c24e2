import "server-only";
import { failWith } from "@/lib/errors/failure";
import { getFlow } from "@/lib/auth/flow";
import { sendFlowCode } from "@/lib/auth/flow-code";
import type { RequestContext } from "@/lib/auth/request-context";
import { FLOW_EXPIRED } from "@/lib/auth/resend-code";
import { getSettings } from "@/lib/settings/get-settings";
import type { Result } from "@/lib/result";
import { invitationGone } from "./invitation-gone";
import { signInToInvitationUrl } from "./invitation-links";
import { invitationStatus } from "./invitation-rules";
import { inviterName, locateInvitation } from "./locate-invitation";

/**
 * "Resend code" on the invitation's code page (step 1 was
 * startInvitationSignUp). The page's token must name the flow's own
 * invitation; one no longer pending gets its clear answer instead of another
 * code; and, as at step 1, an address that already has an account gets the
 * notice whose "Sign in" comes back to this invitation. Cooldown and limits
 * are the flow's (lib/auth/flow-code.ts).
 */
export async function resendInvitationSignUpCode(token: unknown, flowId: string | undefined, ctx: RequestContext): Promise<Result<null>> {
  const flow = await getFlow(flowId, "invitation");
  const invitation = flow && typeof token === "string" ? await locateInvitation({ token }) : null;
  if (!flow || !invitation || typeof token !== "string" || invitation.id !== flow.data.invitationId) return failWith("not_found", FLOW_EXPIRED);
  const status = invitationStatus(invitation);
  if (status !== "pending") return invitationGone(status, invitation.organization.name, inviterName(invitation));
  const { signInExperience: sie } = await getSettings();
  return sendFlowCode(flow, ctx, sie.otp, { noticeLink: signInToInvitationUrl(token) });
}
