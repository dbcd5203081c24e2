"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { action, field } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { providerAuthorizationUrl } from "@/lib/auth/next-auth";
import { errorState } from "@/lib/result";
import { CONNECTIONS_PAGE as PAGE, CONTINUE_PAGE, startConnect } from "@/lib/social/connect";
import { unlinkIdentity } from "@/lib/social/identities";
import { stepUpFailure } from "../guard";

/** Opens the connect flow for this user and session; CONTINUE_PAGE sends the browser to the provider, which comes back to PAGE?status=…. */
export const connectIdentityAction = action({ guard: signedIn, input: z.object({ connectorId: field(100) }) }, async ({ user, input }) => {
  const started = await startConnect(user, input.connectorId, (connectorId) => providerAuthorizationUrl(connectorId, PAGE));
  if (!started.ok) return errorState(started);
  redirect(CONTINUE_PAGE);
});

/** Disconnects one sign-in; without a fresh "Confirm it's you" the user goes there first. */
export const disconnectIdentityAction = action({ guard: signedIn, input: z.object({ identityId: field(200) }) }, async ({ user, input, ctx }) => {
  const result = await unlinkIdentity(user, await readStepUpCookie(), input.identityId, ctx);
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  redirect(`${PAGE}?status=disconnected`);
});
