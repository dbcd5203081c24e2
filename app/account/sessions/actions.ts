"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { revokeOne, revokeOthers } from "@/lib/account/sessions";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { action, field } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { stepUpFailure } from "../guard";

const PAGE = "/account/sessions";

/** The other session is refused on its very next request (its row is gone). */
export const revokeSessionAction = action({ guard: signedIn, input: z.object({ sessionId: field(200) }) }, async ({ user, input, ctx }) => {
  const result = await revokeOne(user, await readStepUpCookie(), input.sessionId, ctx);
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  redirect(`${PAGE}?signedOut=${result.value.count}`);
});

export const revokeOtherSessionsAction = action({ guard: signedIn }, async ({ user, ctx }) => {
  const result = await revokeOthers(user, await readStepUpCookie(), ctx);
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  redirect(`${PAGE}?signedOut=${result.value.count}`);
});
