"use server";

import { goToCodePage, resendState, signInOrError, text } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { getRequestContext } from "@/lib/auth/request-context";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { completeSignUp, startSignUp } from "@/lib/auth/sign-up";
import type { ActionState } from "@/lib/result";

export async function signUpAction(_: ActionState, form: FormData): Promise<ActionState> {
  const input = { email: text(form, "email"), password: text(form, "password"), name: text(form, "name") };
  const result = await startSignUp(input, await getRequestContext());
  return goToCodePage(result, "/sign-up/verify", { email: input.email, name: input.name });
}

export async function verifySignUpCodeAction(_: ActionState, form: FormData): Promise<ActionState> {
  return signInOrError(await completeSignUp(await readFlowCookie(), text(form, "code"), await getRequestContext()));
}

export async function resendSignUpCodeAction(): Promise<ActionState> {
  return resendState(await resendFlowCode("sign-up", await readFlowCookie(), await getRequestContext()));
}
