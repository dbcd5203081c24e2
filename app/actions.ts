"use server";

import { formAction } from "@/lib/action";
import { anyone } from "@/lib/action-guards";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/next-auth";
import { revokeSession } from "@/lib/auth/session";

/** Signed out already is fine: the cookie is cleared either way. */
export const signOutAction = formAction({ guard: anyone }, async () => {
  const user = await getCurrentUser();
  if (user) await revokeSession(user.sessionId);
  await signOut({ redirectTo: "/" });
});
