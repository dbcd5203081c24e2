import "server-only";
import { db } from "@/lib/db";
import { resendAvailableIn } from "@/lib/otp/issue-code";
import { getSettings } from "@/lib/settings/get-settings";
import type { Result } from "@/lib/result";
import { failWith } from "@/lib/errors/failure";
import { FLOW_KINDS, getFlow, type FlowKind } from "./flow";
import type { RequestContext } from "./request-context";
import { sendFlowCode } from "./flow-code";

export const FLOW_EXPIRED = "This request has expired. Start again.";

export async function resendFlowCode(kind: FlowKind, flowId: string | undefined, ctx: RequestContext): Promise<Result<null>> {
  const { signInExperience: sie } = await getSettings();
  const flow = await getFlow(flowId, kind);
  if (!flow) return failWith("not_found", FLOW_EXPIRED);
  return sendFlowCode(flow, ctx, sie.otp);
}

/** What a code page needs: the address and the seconds left on the resend countdown. */
export async function getCodePageState(kind: FlowKind, flowId: string | undefined) {
  const flow = await getFlow(flowId, kind);
  if (!flow) return null;
  const { signInExperience: sie } = await getSettings();
  const resendInSeconds = await resendAvailableIn(FLOW_KINDS[kind], flow.email, sie.otp);
  return {
    email: flow.email,
    resendInSeconds,
    cooldownSeconds: sie.otp.resendCooldownSeconds,
    ttlMinutes: Math.round(sie.otp.ttlSeconds / 60),
    verifiedAt: flow.verifiedAt,
    delivery: await latestDelivery(flow.email, flow.createdAt),
  };
}

/**
 * How the latest email of this flow is doing, so the code page can say
 * "delayed" while the outbox retries, or "failed" once it gave up.
 */
async function latestDelivery(email: string, since: Date): Promise<"ok" | "delayed" | "failed"> {
  const latest = await db.emailMessage.findFirst({
    where: { recipient: email, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { status: true, errorCode: true },
  });
  if (!latest) return "ok";
  // `sending` when the page loads: the request stopped waiting for a slow provider, and the attempt goes on.
  if (latest.status === "failed" || latest.status === "queued" || latest.status === "sending") return "delayed";
  if (latest.status === "dead" && latest.errorCode !== "superseded") return "failed";
  return "ok";
}
