"use server";

import { redirect } from "next/navigation";
import { confirmEmailVerification, startEmailVerification, verifyWithPassword } from "@/lib/account/step-up";
import { readStepUpCookie, setStepUpCookie } from "@/lib/account/step-up-cookie";
import { text } from "@/lib/auth/action-helpers";
import { getRequestContext } from "@/lib/auth/request-context";
import { errorState, type ActionState } from "@/lib/result";
import { safeNext } from "@/components/account/safe-next";
import { requireUser } from "../guard";

/*
 * "Confirm it's you". `next` is bound by the page, but bound arguments come
 * back from the browser like any other input, so each action checks it again.
 * The step-up cookie holds the verification: pending while a code is out,
 * verified once the password or the code was right.
 */

export async function verifyPasswordAction(next: string, _: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await verifyWithPassword(user, text(form, "password"), await getRequestContext());
  if (!result.ok) return errorState(result);
  await setStepUpCookie(result.value.verificationId);
  redirect(safeNext(next));
}

export async function sendVerifyCodeAction(next: string): Promise<ActionState> {
  const user = await requireUser();
  const result = await startEmailVerification(user, await getRequestContext());
  if (!result.ok) return errorState(result);
  await setStepUpCookie(result.value.verificationId);
  redirect(`/account/verify?method=code&next=${encodeURIComponent(safeNext(next))}`);
}

export async function confirmVerifyCodeAction(next: string, _: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const result = await confirmEmailVerification(user, await readStepUpCookie(), text(form, "code"), await getRequestContext());
  if (!result.ok) return errorState(result);
  await setStepUpCookie(result.value.verificationId);
  redirect(safeNext(next));
}

export async function resendVerifyCodeAction(): Promise<ActionState> {
  const user = await requireUser();
  const result = await startEmailVerification(user, await getRequestContext());
  if (!result.ok) return errorState(result);
  await setStepUpCookie(result.value.verificationId);
  return { status: "ok", message: "We sent a new code." };
}
