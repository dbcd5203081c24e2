import "server-only";
import { getFlow } from "@/lib/auth/flow";
import { readPending } from "./pending-identity";

/** What the social code page says: the provider, and whether the address was typed by the person (the address page). */
export async function socialLinkPageState(flowId: string | undefined): Promise<{ provider: string; asked: boolean } | null> {
  const flow = await getFlow(flowId, "social-link");
  if (!flow) return null;
  return { provider: readPending(flow).provider, asked: flow.data.asked === true };
}
