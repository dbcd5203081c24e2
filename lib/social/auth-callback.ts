import "server-only";
import type { Account, Profile, User } from "next-auth";
import { getRequestContext } from "@/lib/auth/request-context";
import { socialErrorPath } from "./error-reasons";
import { toSocialProfile } from "./profile";
import { runSocialCallback } from "./run-callback";
import { loadEnabledConnectors } from "./store";

/**
 * next-auth's signIn callback for a social provider, run after its checks
 * (state, PKCE, nonce) passed: our state machine decides (run-callback.ts).
 * A string sends the browser there; true lets next-auth set its session
 * cookie for the session row we made. Without an adapter next-auth takes
 * this `user` object as is for the token (`sub` = its id) and hands it to
 * our jwt callback (`sessionId`), so it is rewritten to our account.
 */
export async function socialSignInCallback(user: User, account: Account | null, profile: Profile | undefined): Promise<boolean | string> {
  const connector = (await loadEnabledConnectors()).find((c) => c.id === account?.provider);
  if (!connector || !account) return socialErrorPath("unavailable");
  const social = toSocialProfile(connector.id, connector.providerId, account, profile as Record<string, unknown> | undefined);
  const end = await runSocialCallback(social, { id: connector.id, name: connector.name }, await getRequestContext());
  if ("redirect" in end) return end.redirect;
  Object.assign(user, { id: end.session.userId, sessionId: end.session.sessionId, name: null, email: null, image: null });
  return true;
}
