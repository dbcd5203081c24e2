"use server";

import { formAction } from "@/lib/action";
import { anyone } from "@/lib/action-guards";
import { signOutHere } from "@/lib/auth/sign-out-here";

export const signOutAction = formAction({ guard: anyone }, async () => {
  await signOutHere("/");
});
