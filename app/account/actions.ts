"use server";

import { redirect } from "next/navigation";
import { updateProfile } from "@/lib/account/profile";
import { text } from "@/lib/auth/action-helpers";
import { getRequestContext } from "@/lib/auth/request-context";
import { errorState, type ActionState } from "@/lib/result";
import { requireAccountUser } from "./guard";

export async function updateProfileAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireAccountUser();
  const values = { name: text(form, "name"), avatarUrl: text(form, "avatarUrl"), locale: text(form, "locale") };
  const result = await updateProfile(user, values, await getRequestContext());
  if (!result.ok) return errorState(result, values);
  // A fresh value each time remounts the form, so no earlier error lingers.
  redirect(`/account?saved=${Date.now()}`);
}
