"use server";

import { z } from "zod";
import { action, field } from "@/lib/action";
import { anyone as guard } from "@/lib/action-guards";
import { goToCodePage, resendState, signInOrError } from "@/lib/auth/action-helpers";
import { readFlowCookie } from "@/lib/auth/flow";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { completeSocialLink } from "@/lib/social/complete-link";
import { LINK_PAGE, submitSocialEmail } from "@/lib/social/start-link";

export const socialEmailAction = action({ guard, input: z.object({ email: field() }), refill: ["email"] }, async ({ input, ctx }) => {
  return goToCodePage(await submitSocialEmail(await readFlowCookie(), input.email, ctx), LINK_PAGE);
});

export const verifySocialLinkAction = action({ guard, input: z.object({ code: field() }), refill: ["code"] }, async ({ input, ctx }) => {
  return signInOrError(await completeSocialLink(await readFlowCookie(), input.code, ctx));
});

export const resendSocialLinkAction = action({ guard }, async ({ ctx }) => {
  return resendState(await resendFlowCode("social-link", await readFlowCookie(), ctx));
});
