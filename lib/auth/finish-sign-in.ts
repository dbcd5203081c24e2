import "server-only";
import { clearFlowCookie } from "./flow";
import { signIn } from "./next-auth";
import { clearReturn, readReturn } from "./return-to";

/**
 * Turns a ticket into the session cookie and redirects (throws NEXT_REDIRECT):
 * to `redirectTo`, else to the page the sign-in started from remembered
 * (lib/auth/return-to.ts), else home.
 */
export async function finishSignIn(ticket: string, redirectTo?: string): Promise<never> {
  const target = redirectTo ?? (await readReturn()) ?? "/";
  await clearFlowCookie();
  await clearReturn();
  await signIn("ticket", { ticket, redirectTo: target });
  throw new Error("signIn did not redirect");
}
