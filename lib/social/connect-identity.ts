import "server-only";
import { claimFlow, clearFlowCookie, readFlowCookie } from "@/lib/auth/flow";
import type { RequestContext } from "@/lib/auth/request-context";
import type { CallbackDecision } from "./callback";
import type { ConnectStatus } from "./connect-status";
import type { CallbackEnd } from "./end-sign-in";
import { linkIdentity } from "./link-identity";
import type { SocialProfile } from "./types";

/** What /account/connections is told after a connect (`?status=`; the page's words are in connect-status.ts). */
export const connectionsPath = (status: ConnectStatus) => `/account/connections?status=${status}`;

type ConnectDecision = Extract<CallbackDecision, { step: "connect" | "connect-refused" }>;

/**
 * The end of a connect the account centre started: the identity joins the
 * signed-in user, or the refusal goes back to the account centre. The
 * "social-connect" flow is used once, whatever the outcome.
 */
export async function connectIdentity(decision: ConnectDecision, profile: SocialProfile, ctx: RequestContext): Promise<CallbackEnd> {
  const flowId = await readFlowCookie();
  if (flowId) await claimFlow(flowId, false);
  await clearFlowCookie();
  if (decision.step === "connect-refused") return { redirect: connectionsPath(decision.reason) };
  if (decision.already) return { redirect: connectionsPath("already") };
  const linked = await linkIdentity(decision.userId, profile, ctx);
  if (linked.ok) return { redirect: connectionsPath("linked") };
  return { redirect: connectionsPath(linked.code === "identity_linked_elsewhere" ? "linked-elsewhere" : "expired") };
}
