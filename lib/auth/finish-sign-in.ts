import "server-only";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { sameOriginRedirect } from "@/lib/security/safe-redirect";
import { clearFlowCookie } from "./flow";
import { clearReturn, readReturn } from "./return-to";
import type { SessionRef } from "./session";
import { setSessionCookie } from "./session-cookie";

/**
 * Sets the cookie of a session just made and redirects (throws NEXT_REDIRECT):
 * to `redirectTo`, else to the page the sign-in started from remembered
 * (lib/auth/return-to.ts), else home.
 */
export async function finishSignIn(session: SessionRef, redirectTo?: string): Promise<never> {
  const target = redirectTo ?? (await readReturn()) ?? "/";
  await clearFlowCookie();
  await clearReturn();
  await setSessionCookie(session);
  redirect(sameOriginRedirect(target, env.APP_URL));
}
