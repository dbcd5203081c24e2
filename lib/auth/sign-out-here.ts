import "server-only";
import { getCurrentUser } from "./current-user";
import { signOut } from "./next-auth";
import { revokeSession } from "./session";

/** Ends this browser's session (its row, then the cookie) and redirects. Signed out already is fine: the cookie is cleared either way. */
export async function signOutHere(redirectTo: string): Promise<never> {
  const user = await getCurrentUser();
  if (user) await revokeSession(user.sessionId);
  await signOut({ redirectTo });
  throw new Error("signOut did not redirect");
}
