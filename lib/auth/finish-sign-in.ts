import "server-only";
import { clearFlowCookie } from "./flow";
import { signIn } from "./next-auth";

/** Turns a ticket into the session cookie and redirects (throws NEXT_REDIRECT). */
export async function finishSignIn(ticket: string, redirectTo = "/"): Promise<never> {
  await clearFlowCookie();
  await signIn("ticket", { ticket, redirectTo });
  throw new Error("signIn did not redirect");
}
