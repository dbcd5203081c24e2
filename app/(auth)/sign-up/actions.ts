"use server";

import { z } from "zod";
import { action, field } from "@/lib/action";
import { anyone as guard } from "@/lib/action-guards";
import { goToCodePage, resendState, signInOrError } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { completeSignUp, startSignUp } from "@/lib/auth/sign-up";

const signUpSchema = z.object({ email: field(), password: field(), name: field() });

export const signUpAction = action({ guard, input: signUpSchema, refill: ["email", "name"] }, async ({ input, ctx }) => {
  return goToCodePage(await startSignUp(input, ctx), "/sign-up/verify");
});

export const verifySignUpCodeAction = action({ guard, input: z.object({ code: field() }), refill: ["code"] }, async ({ input, ctx }) => {
  return signInOrError(await completeSignUp(await readFlowCookie(), input.code, ctx));
});

export const resendSignUpCodeAction = action({ guard }, async ({ ctx }) => {
  return resendState(await resendFlowCode("sign-up", await readFlowCookie(), ctx));
});
