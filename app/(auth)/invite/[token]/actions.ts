"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { boundAction, field } from "@/lib/action";
import { anyone, signedIn } from "@/lib/action-guards";
import { goToCodePage, resendState } from "@/lib/auth/action-helpers";
import { finishSignIn } from "@/lib/auth/finish-sign-in";
import { readFlowCookie } from "@/lib/auth/flow";
import { signOutHere } from "@/lib/auth/sign-out-here";
import type { Failure } from "@/lib/errors/failure";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";
import { acceptInvitationWithNewAccount } from "@/lib/orgs/accept-invitation-with-new-account";
import { declineInvitation } from "@/lib/orgs/decline-invitation";
import { invitationPath } from "@/lib/orgs/invitation-links";
import { isInvitationToken } from "@/lib/orgs/invitation-token";
import { resendInvitationSignUpCode } from "@/lib/orgs/resend-invitation-sign-up-code";
import { startInvitationSignUp } from "@/lib/orgs/start-invitation-sign-up";
import { errorState, type ActionState } from "@/lib/result";

/*
 * The invitation page's buttons (app/(auth)/invite/[token]). The page binds
 * the link's token; it comes back from the browser like any input, so it is
 * checked for its shape before a path is built from it, and the lib checks
 * everything else again at the moment of the write: an invitation revoked
 * or expired while the page was open is refused here.
 */
const bound = z.tuple([z.string().refine(isInvitationToken)]);

/** Revoked, expired, used or unknown by now: the invitation's page says which, with who to ask. */
function showWhyGone(token: string, failure: Failure): ActionState {
  if (failure.code === "gone" || failure.code === "not_found") redirect(invitationPath(token));
  return errorState(failure);
}

export const acceptInvitationAction = boundAction({ guard: signedIn, bound }, async ({ user, bound: [token], ctx }) => {
  const accepted = await acceptInvitation(user, { token }, ctx);
  // The session's active organization is now this one (lib/orgs/claim-invitation.ts).
  if (accepted.ok) redirect(`/orgs/${accepted.value.organization.slug}`);
  return showWhyGone(token, accepted);
});

/** Declined: the page then says so (its status is "declined"). */
export const declineInvitationAction = boundAction({ guard: signedIn, bound }, async ({ user, bound: [token], ctx }) => {
  const declined = await declineInvitation(user, { token }, ctx);
  if (declined.ok) redirect(invitationPath(token));
  return showWhyGone(token, declined);
});

/** Signed in with another address: end this session and come back to the invitation signed out. */
export const signOutAndContinueAction = boundAction({ guard: anyone, bound }, async ({ bound: [token] }) => {
  return signOutHere(invitationPath(token));
});

/** A new account for the invited address: the code step proves it (the link alone does not). */
export const startInvitationSignUpAction = boundAction(
  { guard: anyone, bound, input: z.object({ name: field(), password: field() }), refill: ["name"] },
  async ({ input, bound: [token], ctx }) => {
    const started = await startInvitationSignUp(token, input, ctx);
    if (!started.ok) return showWhyGone(token, started);
    return goToCodePage(started, `${invitationPath(token)}/verify`);
  },
);

export const verifyInvitationCodeAction = boundAction({ guard: anyone, bound, input: z.object({ code: field() }), refill: ["code"] }, async ({ input, bound: [token], ctx }) => {
  const joined = await acceptInvitationWithNewAccount(await readFlowCookie(), input.code, ctx);
  if (joined.ok) return finishSignIn(joined.value.session, `/orgs/${joined.value.organization.slug}`);
  return joined.code === "gone" ? showWhyGone(token, joined) : errorState(joined);
});

export const resendInvitationCodeAction = boundAction({ guard: anyone, bound }, async ({ bound: [token], ctx }) => {
  return resendState(await resendInvitationSignUpCode(token, await readFlowCookie(), ctx));
});
