"use server";

import { redirect } from "next/navigation";
import { changePassword } from "@/lib/account/password";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { text } from "@/lib/auth/action-helpers";
import { getRequestContext } from "@/lib/auth/request-context";
import { errorState, fieldFail, type ActionState } from "@/lib/result";
import { requireAccountUser, requireProfile, stepUpFailure } from "../guard";

/** Change, or set when the account has none; every other session ends. */
export async function changePasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireAccountUser();
  const password = text(form, "password");
  // Checked before the lib so a typo does not use up the step-up.
  if (password !== text(form, "confirm")) return errorState(fieldFail("confirm", "The passwords don't match."));
  const hadPassword = (await requireProfile(user)).hasPassword;
  const result = await changePassword(user, await readStepUpCookie(), password, await getRequestContext());
  if (!result.ok) return stepUpFailure(result, "/account/password");
  await clearStepUpCookie();
  redirect(`/account/password?done=${hadPassword ? "changed" : "set"}`);
}
