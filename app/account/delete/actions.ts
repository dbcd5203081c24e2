"use server";

import { deleteAccount } from "@/lib/account/delete-account";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { text } from "@/lib/auth/action-helpers";
import { signOut } from "@/lib/auth/next-auth";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionState } from "@/lib/result";
import { requireAccountUser, stepUpFailure } from "../guard";

export async function deleteAccountAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireAccountUser();
  const result = await deleteAccount(user, await readStepUpCookie(), text(form, "email"), await getRequestContext());
  if (!result.ok) return stepUpFailure(result, "/account/delete");
  // The session row went with the account; this clears the cookie too.
  await clearStepUpCookie();
  await signOut({ redirectTo: "/?deleted=1" });
  throw new Error("signOut did not redirect");
}
