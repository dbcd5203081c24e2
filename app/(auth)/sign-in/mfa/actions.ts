"use server";

import { redirect } from "next/navigation";
import { resendState, signInOrError, text } from "@/lib/auth/action-helpers";
import { readChallengeCookie, sendChallengeEmailCode, verifyChallenge, type ChallengeMethod } from "@/lib/auth/mfa-challenge";
import { getRequestContext } from "@/lib/auth/request-context";
import { errorState, type ActionState } from "@/lib/result";

/*
 * The second step of signing in. The method is bound by the page, so it comes
 * back from the browser like any input: the lib accepts only the methods this
 * challenge offers. Success sets the session cookie and goes home.
 */

export async function verifyMfaAction(method: ChallengeMethod, _: ActionState, form: FormData): Promise<ActionState> {
  const result = await verifyChallenge(await readChallengeCookie(), { method, code: text(form, "code") }, await getRequestContext());
  // A method this sign-in does not offer has no field of its own to show the error on.
  const methodError = result.ok ? undefined : result.fieldErrors?.method?.[0];
  if (methodError) return errorState({ formError: methodError });
  return signInOrError(result);
}

export async function sendMfaEmailCodeAction(): Promise<ActionState> {
  const result = await sendChallengeEmailCode(await readChallengeCookie(), await getRequestContext());
  if (!result.ok) return errorState(result);
  // When it was sent, so the resend countdown survives a reload.
  redirect(`/sign-in/mfa?method=email&sent=${Date.now()}`);
}

export async function resendMfaEmailCodeAction(): Promise<ActionState> {
  return resendState(await sendChallengeEmailCode(await readChallengeCookie(), await getRequestContext()));
}
