import "server-only";
import { redirect } from "next/navigation";
import { errorState, type ActionState, type Result } from "@/lib/result";
import { clearFlowCookie, setFlowCookie } from "./flow";
import { finishSignIn } from "./finish-sign-in";
import { clearChallengeCookie, setChallengeCookie, type SignInStep } from "./mfa-challenge";

/*
 * The endings the sign-in, sign-up and reset actions share. The input to
 * refill after an error is the action wrapper's job (lib/action.ts).
 */

/** Step 1 of a code flow succeeded: remember the flow and go to its code page. */
export async function goToCodePage(result: Result<{ flowId: string }>, codePage: string): Promise<ActionState> {
  if (!result.ok) return errorState(result);
  await setFlowCookie(result.value.flowId);
  redirect(codePage);
}

/**
 * A first or second factor succeeded: with a session, set its cookie
 * and go home; with an MFA challenge, remember it (HttpOnly cookie) and go
 * to the second step.
 */
export async function signInOrError(result: Result<SignInStep>): Promise<ActionState> {
  if (!result.ok) return errorState(result);
  if ("challengeId" in result.value) {
    await clearFlowCookie();
    await setChallengeCookie(result.value.challengeId);
    redirect("/sign-in/mfa");
  }
  await clearChallengeCookie();
  return finishSignIn(result.value.session);
}

export function resendState(result: Result<null>): ActionState {
  return result.ok ? { status: "ok", message: "We sent a new code." } : errorState(result);
}
