"use server";

import { z } from "zod";
import { action, field } from "@/lib/action";
import { anyone as guard } from "@/lib/action-guards";
import { goToCodePage, resendState, signInOrError } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { completeCodeSignIn, signInWithPassword, startCodeSignIn } from "@/lib/auth/sign-in";

export const passwordSignInAction = action(
  { guard, input: z.object({ email: field(), password: field() }), refill: ["email"] },
  async ({ input, ctx }) => signInOrError(await signInWithPassword(input, ctx)),
);

export const requestSignInCodeAction = action({ guard, input: z.object({ email: field() }), refill: ["email"] }, async ({ input, ctx }) => {
  return goToCodePage(await startCodeSignIn(input, ctx), "/sign-in/verify");
});

export const verifySignInCodeAction = action({ guard, input: z.object({ code: field() }) }, async ({ input, ctx }) => {
  return signInOrError(await completeCodeSignIn(await readFlowCookie(), input.code, ctx));
});

export const resendSignInCodeAction = action({ guard }, async ({ ctx }) => {
  return resendState(await resendFlowCode("sign-in", await readFlowCookie(), ctx));
});
