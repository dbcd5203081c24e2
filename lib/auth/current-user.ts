import "server-only";
import { cache } from "react";
import { auth } from "./next-auth";
import { validateSession } from "./session";

export type CurrentUser = { id: string; email: string; name: string | null; sessionId: string };

/**
 * The signed-in user for this request, or null. Checks the session row
 * itself too, so a revoked session is refused even where next-auth's
 * callback did not run.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { sessionId?: string } | null;
  if (!session?.sessionId) return null;
  const user = await validateSession(session.sessionId);
  return user ? { ...user, sessionId: session.sessionId } : null;
});
