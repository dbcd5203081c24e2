import "server-only";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getFlow, readFlowCookie } from "@/lib/auth/flow";
import type { RequestContext } from "@/lib/auth/request-context";
import { parseEmail } from "@/lib/auth/validate";
import { getSettings } from "@/lib/settings/get-settings";
import type { SignInExperience } from "@/lib/settings/schema";
import { decideCallback, type CallbackFacts } from "./callback";
import { connectIdentity } from "./connect-identity";
import { endLinkedSignIn, type CallbackEnd } from "./end-sign-in";
import { socialErrorPath } from "./error-reasons";
import { askForEmail, startLinkCode } from "./start-link";
import { signUpMode } from "./sign-up-mode";
import { signUpWithProfile } from "./sign-up-with-profile";
import type { SocialProfile } from "./types";

/** The connector a callback came through: its id and its button's name (said in emails and the activity list). */
export type CallbackConnector = { id: string; name: string };

/**
 * What next-auth's signIn callback runs once the provider's answer passed
 * its checks (state, PKCE, nonce): gathers the facts, decides (callback.ts),
 * and carries the decision out.
 */
export async function runSocialCallback(profile: SocialProfile, connector: CallbackConnector, ctx: RequestContext): Promise<CallbackEnd> {
  const { signInExperience: sie } = await getSettings();
  const facts = await gatherFacts(withAccountKey(profile), sie);
  const decision = decideCallback(facts);
  switch (decision.step) {
    case "sign-in":
      await db.socialIdentity.updateMany({ where: { connectorId: profile.connectorId, subject: profile.subject }, data: { lastUsedAt: new Date() } });
      return endLinkedSignIn(decision.userId, connector, ctx);
    case "connect":
    case "connect-refused":
      return connectIdentity(decision, facts.profile, ctx);
    case "sign-up":
      return signUpWithProfile(facts.profile, ctx);
    case "confirm-link":
      return startLinkCode(decision.email, { profile: facts.profile, provider: connector.name }, ctx);
    case "ask-email":
      return askForEmail({ profile: facts.profile, provider: connector.name });
    case "refused":
      return { redirect: socialErrorPath(decision.reason) };
  }
}

/** The provider's address as an account key (parseEmail), or none when it is not one we accept. */
function withAccountKey(profile: SocialProfile): SocialProfile {
  if (!profile.email) return profile;
  const key = parseEmail(profile.email);
  return key.ok ? { ...profile, email: key.value } : { ...profile, email: null, emailVerified: false };
}

async function gatherFacts(profile: SocialProfile, sie: SignInExperience): Promise<CallbackFacts> {
  const [linked, account, connect] = await Promise.all([
    db.socialIdentity.findUnique({ where: { connectorId_subject: { connectorId: profile.connectorId, subject: profile.subject } }, select: { userId: true } }),
    profile.email && profile.emailVerified ? db.user.findUnique({ where: { email: profile.email }, select: { id: true } }) : null,
    connectIntent(),
  ]);
  return { profile, linkedTo: linked?.userId ?? null, accountForEmail: account?.id ?? null, connect, signUp: signUpMode(sie) };
}

/** A connect the account centre started in this browser, and whether its session is still the one signed in here. */
async function connectIntent(): Promise<CallbackFacts["connect"]> {
  const flow = await getFlow(await readFlowCookie(), "social-connect");
  if (!flow) return null;
  const userId = String(flow.data.userId);
  const current = await getCurrentUser();
  return { userId, current: current?.id === userId && current.sessionId === flow.data.sessionId };
}
