"use server";

import { redirect } from "next/navigation";
import { revokeOne, revokeOthers } from "@/lib/account/sessions";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { text } from "@/lib/auth/action-helpers";
import { getRequestContext } from "@/lib/auth/request-context";
import type { ActionState } from "@/lib/result";
import { requireAccountUser, stepUpFailure } from "../guard";

/** The other session is refused on its very next request (its row is gone). */
export async function revokeSessionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireAccountUser();
  const result = await revokeOne(user, await readStepUpCookie(), text(form, "sessionId"), await getRequestContext());
  if (!result.ok) return stepUpFailure(result, "/account/sessions");
  await clearStepUpCookie();
  redirect(`/account/sessions?signedOut=${result.value.count}`);
}

export async function revokeOtherSessionsAction(): Promise<ActionState> {
  const user = await requireAccountUser();
  const result = await revokeOthers(user, await readStepUpCookie(), await getRequestContext());
  if (!result.ok) return stepUpFailure(result, "/account/sessions");
  await clearStepUpCookie();
  redirect(`/account/sessions?signedOut=${result.value.count}`);
}
