import "server-only";
import { combineFieldFailures, failWith } from "@/lib/errors/failure";
import { pickLocale } from "@/lib/mail/locale";
import { getSettings } from "@/lib/settings/get-settings";
import type { Result } from "@/lib/result";
import type { SessionRef } from "./session";
import { finishAccountFlow } from "./finish-account-flow";
import { hashPassword } from "./password";
import type { RequestContext } from "./request-context";
import { startCodeFlow } from "./flow-code";
import { parseDisplayName, parseEmail, parseNewPassword } from "./validate";

type SignUpInput = { email: unknown; password: unknown; name: unknown };

/** Said by /sign-up (and the API) when the sign-in experience allows accounts only through invitations. */
export const SIGN_UP_BY_INVITATION =
  "Sign-up is by invitation only. Ask an admin of your organization to invite you, then create your account from the link in the invitation email.";

/**
 * Step 1: nothing is created yet. The password hash waits in the flow until
 * the address is proven; an existing address gets a notice, not a code.
 * In invitation-only mode nothing is started at all.
 */
export async function startSignUp(input: SignUpInput, ctx: RequestContext): Promise<Result<{ flowId: string; email: string }>> {
  const { signInExperience: sie } = await getSettings();
  if (!sie.signUp.emailPassword) return failWith("forbidden", "Sign-up is turned off.");
  if (sie.signUp.mode === "invitation") return failWith("forbidden", SIGN_UP_BY_INVITATION);
  const email = parseEmail(input.email);
  const password = parseNewPassword(input.password, sie.password.minLength, email.ok ? email.value : undefined);
  const name = parseDisplayName(input.name);
  if (!email.ok || !password.ok || !name.ok) return combineFieldFailures([email, password, name])!;

  return startCodeFlow("sign-up", email.value, ctx, sie.otp, {
    passwordHash: await hashPassword(password.value),
    name: name.value,
    locale: pickLocale(null, ctx.acceptLanguage),
  });
}

/**
 * Step 2: the right code creates the verified account and a session
 * (lib/auth/finish-account-flow.ts). A sign-up started before the mode
 * became invitation-only is not completed either.
 */
export async function completeSignUp(flowId: string | undefined, code: unknown, ctx: RequestContext): Promise<Result<{ session: SessionRef }>> {
  const { signInExperience: sie } = await getSettings();
  if (sie.signUp.mode === "invitation") return failWith("forbidden", SIGN_UP_BY_INVITATION);
  return finishAccountFlow("sign-up", flowId, code, ctx);
}
