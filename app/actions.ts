"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/next-auth";
import { revokeSession } from "@/lib/auth/session";

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await revokeSession(user.sessionId);
  await signOut({ redirectTo: "/" });
}
