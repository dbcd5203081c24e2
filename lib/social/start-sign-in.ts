import "server-only";
import { redirect } from "next/navigation";
import { signInWithProvider } from "@/lib/auth/next-auth";
import { rememberReturn } from "@/lib/auth/return-to";
import { safeReturnPath } from "@/lib/security/safe-redirect";
import { socialErrorPath } from "./error-reasons";
import { enabledSocialButtons } from "./store";

/**
 * Where a "Continue with <provider>" link goes (GET
 * /sign-in/social/start/<connector>): next-auth sets its state, PKCE and
 * nonce cookies and the browser goes on to the provider (throws
 * NEXT_REDIRECT).
 *
 * A link, not a form: the CSP's `form-action 'self'` also covers the
 * redirects that follow a form's submission, so without JavaScript a
 * posted form could never reach the provider. Only a navigation this site
 * started is accepted (Sec-Fetch-Site): another site must not be able to
 * start a sign-in in someone's browser.
 */
export async function startSocialSignIn(connectorId: string, query: URLSearchParams, fetchSite: string | null): Promise<never> {
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") redirect("/sign-in");
  const buttons = await enabledSocialButtons();
  if (!buttons.some((b) => b.id === connectorId)) redirect(socialErrorPath("unavailable"));
  const next = query.get("next");
  await rememberReturn(next);
  await signInWithProvider(connectorId, safeReturnPath(next) ?? "/");
  throw new Error("signIn did not redirect");
}

/** The link of a connector's button. */
export function socialStartPath(connectorId: string, next?: string | null): string {
  const path = `/sign-in/social/start/${encodeURIComponent(connectorId)}`;
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}
