import "server-only";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { sameOriginRedirect } from "@/lib/security/safe-redirect";
import { clearFlowCookie } from "./flow";
import { clearReturn, readReturn } from "./return-to";
import { redeemSessionTicket } from "./session";
import { setSessionCookie } from "./session-cookie";

/**
 * Turns a ticket into the session cookie and redirects (throws NEXT_REDIRECT):
 * to `redirectTo`, else to the page the sign-in started from remembered
 * (lib/auth/return-to.ts), else home.
 */
export async function finishSignIn(ticket: string, redirectTo?: string): Promise<never> {
  const target = redirectTo ?? (await readReturn()) ?? "/";
  // The ticket was made by this request a moment ago: not redeeming it is a bug, not a user's mistake.
  const session = await redeemSessionTicket(ticket);
  if (!session) throw new Error("finishSignIn: the session ticket could not be redeemed");
  await clearFlowCookie();
  await clearReturn();
  await setSessionCookie(session);
  redirect(sameOriginRedirect(target, env.APP_URL));
}
