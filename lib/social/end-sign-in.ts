import "server-only";
import { clearFlowCookie } from "@/lib/auth/flow";
import { clearChallengeCookie, continueSignIn, setChallengeCookie, type SignInStep } from "@/lib/auth/mfa-challenge";
import type { RequestContext } from "@/lib/auth/request-context";
import { clearReturn } from "@/lib/auth/return-to";
import type { SessionRef } from "@/lib/auth/session";
import { socialErrorPath } from "./error-reasons";

/**
 * How a provider's callback ends: next-auth goes to `redirect`, or, with
 * `session`, sets its session cookie for that session row (the signIn
 * callback hands it over as next-auth's user: lib/auth/next-auth.ts).
 */
export type CallbackEnd = { redirect: string } | { session: SessionRef };

/**
 * A first factor that passed inside the callback: its session is handed to
 * next-auth (the callback response itself carries the cookie), or the second
 * step is remembered and shown, exactly as after a password.
 */
export async function endSignIn(step: SignInStep): Promise<CallbackEnd> {
  await clearFlowCookie();
  if ("challengeId" in step) {
    await setChallengeCookie(step.challengeId);
    return { redirect: "/sign-in/mfa" };
  }
  await clearChallengeCookie();
  await clearReturn();
  return { session: step.session };
}

/** A linked identity's account signs in, second step and all; the activity list names the provider. */
export async function endLinkedSignIn(userId: string, connector: { name: string }, ctx: RequestContext): Promise<CallbackEnd> {
  const step = await continueSignIn(userId, "social", ctx, { method: "social", provider: connector.name });
  return step.ok ? endSignIn(step.value) : { redirect: socialErrorPath("expired") };
}
