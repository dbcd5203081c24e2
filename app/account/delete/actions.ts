"use server";

import { z } from "zod";
import { deleteAccount } from "@/lib/account/delete-account";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { action, field } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { signOut } from "@/lib/auth/next-auth";
import { stepUpFailure } from "../guard";

export const deleteAccountAction = action({ guard: signedIn, input: z.object({ email: field() }) }, async ({ user, input, ctx }) => {
  const result = await deleteAccount(user, await readStepUpCookie(), input.email, ctx);
  if (!result.ok) return stepUpFailure(result, "/account/delete");
  // The session row went with the account; this clears the cookie too.
  await clearStepUpCookie();
  await signOut({ redirectTo: "/?deleted=1" });
  throw new Error("signOut did not redirect");
});
