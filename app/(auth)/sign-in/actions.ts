"use server";

import { z } from "zod";
import { action, field } from "@/lib/action";
import { anyone as guard } from "@/lib/action-guards";
import { goToCodePage, resendState, signInOrError } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { rememberReturn } from "@/lib/auth/return-to";
import { completeCodeSignIn, signInWithPassword, startCodeSignIn } from "@/lib/auth/sign-in";

// `next`: the page to come back to (/sign-in?next=…), remembered for the steps after this one (lib/auth/return-to.ts).
export const passwordSignInAction = action(
  { guard, input: z.object({ email: field(), password: field(), next: field(600) }), refill: ["email"] },
  async ({ input, ctx }) => {
    await rememberReturn(input.next);
    return signInOrError(await signInWithPassword(input, ctx));
  },
);

export const requestSignInCodeAction = action({ guard, input: z.object({ email: field(), next: field(600) }), refill: ["email"] }, async ({ input, ctx }) => {
  await rememberReturn(input.next);
  return goToCodePage(await startCodeSignIn(input, ctx), "/sign-in/verify");
});

export const verifySignInCodeAction = action({ guard, input: z.object({ code: field() }), refill: ["code"] }, async ({ input, ctx }) => {
  return signInOrError(await completeCodeSignIn(await readFlowCookie(), input.code, ctx));
});

export const resendSignInCodeAction = action({ guard }, async ({ ctx }) => {
  return resendState(await resendFlowCode("sign-in", await readFlowCookie(), ctx));
});
