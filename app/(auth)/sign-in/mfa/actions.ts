"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { CHALLENGE_METHODS } from "@/lib/account/second-factor";
import { action, boundAction, field } from "@/lib/action";
import { anyone as guard } from "@/lib/action-guards";
import { resendState, signInOrError } from "@/lib/auth/action-helpers";
import { readChallengeCookie, sendChallengeEmailCode, verifyChallenge } from "@/lib/auth/mfa-challenge";
import { errorState } from "@/lib/result";

/*
 * The second step of signing in. The method is bound by the page, so it comes
 * back from the browser like any input: the wrapper accepts only known
 * methods, and the lib only the ones this challenge offers. Success sets the
 * session cookie and goes home.
 */

export const verifyMfaAction = boundAction(
  { guard, bound: z.tuple([z.enum(CHALLENGE_METHODS)]), input: z.object({ code: field() }) },
  async ({ input, bound: [method], ctx }) => {
    const result = await verifyChallenge(await readChallengeCookie(), { method, code: input.code }, ctx);
    // A method this sign-in does not offer has no field of its own to show the error on.
    const methodError = result.ok ? undefined : result.fieldErrors?.method?.[0];
    if (methodError) return errorState({ formError: methodError });
    const state = await signInOrError(result);
    // Only an emailed code goes back into its boxes; a password or backup code never returns to the browser.
    return method === "email" && state.status === "error" ? { ...state, values: { code: input.code } } : state;
  },
);

export const sendMfaEmailCodeAction = action({ guard }, async ({ ctx }) => {
  const result = await sendChallengeEmailCode(await readChallengeCookie(), ctx);
  if (!result.ok) return errorState(result);
  // When it was sent, so the resend countdown survives a reload.
  redirect(`/sign-in/mfa?method=email&sent=${Date.now()}`);
});

export const resendMfaEmailCodeAction = action({ guard }, async ({ ctx }) => {
  return resendState(await sendChallengeEmailCode(await readChallengeCookie(), ctx));
});
