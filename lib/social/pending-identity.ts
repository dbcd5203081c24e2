import "server-only";
import { getFlow, type Flow } from "@/lib/auth/flow";
import { parseDisplayName } from "@/lib/auth/validate";
import type { SocialProfile } from "./types";

/**
 * A provider's answer waiting in a flow (server-side, bound to the browser
 * by the flow cookie) until an address is proven: the profile and the
 * connector's name.
 */
export type PendingIdentity = { profile: SocialProfile; provider: string };

export const pendingData = (pending: PendingIdentity) => ({ profile: pending.profile, provider: pending.provider });

export function readPending(flow: Flow): PendingIdentity {
  return { profile: flow.data.profile as SocialProfile, provider: String(flow.data.provider) };
}

/**
 * The identity of the address page: a "social-email" flow, or a
 * "social-link" flow started from that page (its "use a different email"
 * link comes back with it).
 */
export async function pendingForAddress(flowId: string | undefined): Promise<PendingIdentity | null> {
  const asking = await getFlow(flowId, "social-email");
  if (asking) return readPending(asking);
  const linking = await getFlow(flowId, "social-link");
  return linking?.data.asked === true ? readPending(linking) : null;
}

/** The provider's name as the account's display name, when it is one we accept. */
export function nameOf(profile: SocialProfile): string | null {
  const name = parseDisplayName(profile.name ?? "");
  return name.ok ? name.value : null;
}
