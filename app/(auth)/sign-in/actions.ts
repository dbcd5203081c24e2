"use server";

import { goToCodePage, resendState, signInOrError, text } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { getRequestContext } from "@/lib/auth/request-context";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { completeCodeSignIn, signInWithPassword, startCodeSignIn } from "@/lib/auth/sign-in";
import type { ActionState } from "@/lib/result";

export async function passwordSignInAction(_: ActionState, form: FormData): Promise<ActionState> {
  const result = await signInWithPassword({ email: text(form, "email"), password: text(form, "password") }, await getRequestContext());
  return signInOrError(result, { email: text(form, "email") });
}

export async function requestSignInCodeAction(_: ActionState, form: FormData): Promise<ActionState> {
  const result = await startCodeSignIn({ email: text(form, "email") }, await getRequestContext());
  return goToCodePage(result, "/sign-in/verify", { email: text(form, "email") });
}

export async function verifySignInCodeAction(_: ActionState, form: FormData): Promise<ActionState> {
  return signInOrError(await completeCodeSignIn(await readFlowCookie(), text(form, "code"), await getRequestContext()));
}

export async function resendSignInCodeAction(): Promise<ActionState> {
  return resendState(await resendFlowCode("sign-in", await readFlowCookie(), await getRequestContext()));
}
