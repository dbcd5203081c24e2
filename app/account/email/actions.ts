"use server";

import { redirect } from "next/navigation";
import { confirmEmailChange, resendEmailChangeCode, startEmailChange } from "@/lib/account/email-change";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { text } from "@/lib/auth/action-helpers";
import { getRequestContext } from "@/lib/auth/request-context";
import { errorState, type ActionState } from "@/lib/result";
import { requireAccountUser, stepUpFailure } from "../guard";
import { clearEmailChangeCookie, readEmailChangeCookie, setEmailChangeCookie } from "./change-cookie";

/** Step 1 (after "Confirm it's you"): a code goes to the new address. */
export async function startEmailChangeAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireAccountUser();
  const values = { email: text(form, "email") };
  const result = await startEmailChange(user, await readStepUpCookie(), values.email, await getRequestContext());
  if (!result.ok) return stepUpFailure(result, "/account/email", values);
  // The lib used up the step-up; a stale cookie would only mislead the pages.
  await clearStepUpCookie();
  await setEmailChangeCookie(result.value.changeId);
  redirect("/account/email/verify");
}

/** Step 2: the code from the new address applies the change. */
export async function confirmEmailChangeAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireAccountUser();
  const changeId = await readEmailChangeCookie();
  if (!changeId) redirect("/account/email");
  const result = await confirmEmailChange(user, changeId, text(form, "code"), await getRequestContext());
  if (!result.ok) return errorState(result);
  await clearEmailChangeCookie();
  redirect("/account/email?changed=1");
}

export async function resendEmailChangeCodeAction(): Promise<ActionState> {
  const user = await requireAccountUser();
  const changeId = await readEmailChangeCookie();
  if (!changeId) redirect("/account/email");
  const result = await resendEmailChangeCode(user, changeId, await getRequestContext());
  return result.ok ? { status: "ok", message: "We sent a new code." } : errorState(result);
}
