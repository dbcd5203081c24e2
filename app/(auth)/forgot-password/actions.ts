"use server";

import { redirect } from "next/navigation";
import { goToCodePage, resendState, signInOrError, text } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { completePasswordReset, startPasswordReset, verifyPasswordReset } from "@/lib/auth/password-reset";
import { getRequestContext } from "@/lib/auth/request-context";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { errorState, type ActionState } from "@/lib/result";

export async function requestResetCodeAction(_: ActionState, form: FormData): Promise<ActionState> {
  const result = await startPasswordReset({ email: text(form, "email") }, await getRequestContext());
  return goToCodePage(result, "/forgot-password/verify", { email: text(form, "email") });
}

export async function verifyResetCodeAction(_: ActionState, form: FormData): Promise<ActionState> {
  const result = await verifyPasswordReset(await readFlowCookie(), text(form, "code"), await getRequestContext());
  if (!result.ok) return errorState(result);
  redirect("/forgot-password/reset");
}

export async function setNewPasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  return signInOrError(await completePasswordReset(await readFlowCookie(), text(form, "password"), await getRequestContext()));
}

export async function resendResetCodeAction(): Promise<ActionState> {
  return resendState(await resendFlowCode("reset", await readFlowCookie(), await getRequestContext()));
}
