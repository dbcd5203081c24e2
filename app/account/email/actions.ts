"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmEmailChange, resendEmailChangeCode, startEmailChange } from "@/lib/account/email-change";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { action, field } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { resendState } from "@/lib/auth/action-helpers";
import { errorState } from "@/lib/result";
import { stepUpFailure } from "../guard";
import { clearEmailChangeCookie, readEmailChangeCookie, setEmailChangeCookie } from "./change-cookie";

/** Step 1 (after "Confirm it's you"): a code goes to the new address. */
export const startEmailChangeAction = action(
  { guard: signedIn, input: z.object({ email: field() }), refill: ["email"] },
  async ({ user, input, ctx }) => {
    const result = await startEmailChange(user, await readStepUpCookie(), input.email, ctx);
    if (!result.ok) return stepUpFailure(result, "/account/email");
    // The lib used up the step-up; a stale cookie would only mislead the pages.
    await clearStepUpCookie();
    await setEmailChangeCookie(result.value.changeId);
    redirect("/account/email/verify");
  },
);

/** The change this browser started; without one, back to its first step. */
async function pendingChange(): Promise<string> {
  const changeId = await readEmailChangeCookie();
  if (!changeId) redirect("/account/email");
  return changeId;
}

/** Step 2: the code from the new address applies the change. */
export const confirmEmailChangeAction = action({ guard: signedIn, input: z.object({ code: field() }), refill: ["code"] }, async ({ user, input, ctx }) => {
  const result = await confirmEmailChange(user, await pendingChange(), input.code, ctx);
  if (!result.ok) return errorState(result);
  await clearEmailChangeCookie();
  redirect("/account/email?changed=1");
});

export const resendEmailChangeCodeAction = action({ guard: signedIn }, async ({ user, ctx }) => {
  const result = await resendEmailChangeCode(user, await pendingChange(), ctx);
  return resendState(result);
});
