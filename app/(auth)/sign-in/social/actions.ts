"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, field, formAction } from "@/lib/action";
import { anyone as guard } from "@/lib/action-guards";
import { goToCodePage, resendState, signInOrError } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { signInWithProvider } from "@/lib/auth/next-auth";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { rememberReturn } from "@/lib/auth/return-to";
import { safeReturnPath } from "@/lib/security/safe-redirect";
import { completeSocialLink } from "@/lib/social/complete-link";
import { socialErrorPath } from "@/lib/social/error-reasons";
import { LINK_PAGE, submitSocialEmail } from "@/lib/social/start-link";
import { enabledSocialButtons } from "@/lib/social/store";

/**
 * A sign-in button: off to the provider (next-auth sets the state, PKCE and
 * nonce cookies). `next` is remembered for the steps after the callback (a
 * code page, two-step verification) and is where a direct sign-in lands.
 */
export const socialSignInAction = formAction({ guard, input: z.object({ connector: field(100), next: field(600) }) }, async ({ input }) => {
  const buttons = await enabledSocialButtons();
  if (!buttons.some((b) => b.id === input.connector)) redirect(socialErrorPath("unavailable"));
  await rememberReturn(input.next);
  await signInWithProvider(input.connector, safeReturnPath(input.next) ?? "/");
});

export const socialEmailAction = action({ guard, input: z.object({ email: field() }), refill: ["email"] }, async ({ input, ctx }) => {
  return goToCodePage(await submitSocialEmail(await readFlowCookie(), input.email, ctx), LINK_PAGE);
});

export const verifySocialLinkAction = action({ guard, input: z.object({ code: field() }) }, async ({ input, ctx }) => {
  return signInOrError(await completeSocialLink(await readFlowCookie(), input.code, ctx));
});

export const resendSocialLinkAction = action({ guard }, async ({ ctx }) => {
  return resendState(await resendFlowCode("social-link", await readFlowCookie(), ctx));
});
