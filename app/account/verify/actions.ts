"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmEmailVerification, startEmailVerification, verifyWithPassword } from "@/lib/account/step-up";
import { readStepUpCookie, setStepUpCookie } from "@/lib/account/step-up-cookie";
import { action, boundAction, field } from "@/lib/action";
import { signedInEvenIfMfaDue } from "@/lib/action-guards";
import { errorState } from "@/lib/result";
import { safeNext } from "@/components/account/safe-next";

/*
 * "Confirm it's you". `next` is bound by the page, but bound arguments come
 * back from the browser like any other input: it must be a string, and is
 * then narrowed to a safe path. The step-up cookie holds the verification:
 * pending while a code is out, verified once the password or the code was right.
 */
const bound = z.tuple([z.string().transform(safeNext)]);
const guard = signedInEvenIfMfaDue;

export const verifyPasswordAction = boundAction({ guard, bound, input: z.object({ password: field() }) }, async ({ user, input, bound: [next], ctx }) => {
  const result = await verifyWithPassword(user, input.password, ctx);
  if (!result.ok) return errorState(result);
  await setStepUpCookie(result.value.verificationId);
  redirect(next);
});

export const sendVerifyCodeAction = boundAction({ guard, bound }, async ({ user, bound: [next], ctx }) => {
  const result = await startEmailVerification(user, ctx);
  if (!result.ok) return errorState(result);
  await setStepUpCookie(result.value.verificationId);
  redirect(`/account/verify?method=code&next=${encodeURIComponent(next)}`);
});

export const confirmVerifyCodeAction = boundAction({ guard, bound, input: z.object({ code: field() }), refill: ["code"] }, async ({ user, input, bound: [next], ctx }) => {
  const result = await confirmEmailVerification(user, await readStepUpCookie(), input.code, ctx);
  if (!result.ok) return errorState(result);
  await setStepUpCookie(result.value.verificationId);
  redirect(next);
});

export const resendVerifyCodeAction = action({ guard }, async ({ user, ctx }) => {
  const result = await startEmailVerification(user, ctx);
  if (!result.ok) return errorState(result);
  await setStepUpCookie(result.value.verificationId);
  return { status: "ok", message: "We sent a new code." } as const;
});
