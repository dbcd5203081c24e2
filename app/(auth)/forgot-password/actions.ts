"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { anyone as guard } from "@/lib/action-guards";
import { goToCodePage, resendState, signInOrError } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { completePasswordReset, startPasswordReset, verifyPasswordReset } from "@/lib/auth/password-reset";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { rememberReturn } from "@/lib/auth/return-to";
import { errorState } from "@/lib/result";

/** A reset ends signed in: back to where the sign-in was headed (`next`, lib/auth/return-to.ts). */
export const requestResetCodeAction = action({ guard, input: z.object({ email: field(), next: field(600) }), refill: ["email"] }, async ({ input, ctx }) => {
  await rememberReturn(input.next);
  return goToCodePage(await startPasswordReset(input, ctx), "/forgot-password/verify");
});

export const verifyResetCodeAction = action({ guard, input: z.object({ code: field() }), refill: ["code"] }, async ({ input, ctx }) => {
  const result = await verifyPasswordReset(await readFlowCookie(), input.code, ctx);
  if (!result.ok) return errorState(result);
  redirect("/forgot-password/reset");
});

export const setNewPasswordAction = action({ guard, input: z.object({ password: field() }) }, async ({ input, ctx }) => {
  return signInOrError(await completePasswordReset(await readFlowCookie(), input.password, ctx));
});

export const resendResetCodeAction = action({ guard }, async ({ ctx }) => {
  return resendState(await resendFlowCode("reset", await readFlowCookie(), ctx));
});
