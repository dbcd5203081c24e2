"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword } from "@/lib/account/password";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { action, field } from "@/lib/action";
import { signedIn } from "@/lib/action-guards";
import { requireProfile, stepUpFailure } from "../guard";

// Checked before the lib so a typo does not use up the step-up.
const passwordSchema = z
  .object({ password: field(), confirm: field() })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "The passwords don't match." });

/** Change, or set when the account has none; every other session ends. */
export const changePasswordAction = action({ guard: signedIn, input: passwordSchema }, async ({ user, input, ctx }) => {
  const hadPassword = (await requireProfile(user)).hasPassword;
  const result = await changePassword(user, await readStepUpCookie(), input.password, ctx);
  if (!result.ok) return stepUpFailure(result, "/account/password");
  await clearStepUpCookie();
  redirect(`/account/password?done=${hadPassword ? "changed" : "set"}`);
});
