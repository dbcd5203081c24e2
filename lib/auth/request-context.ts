import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type RequestContext = { ip: string; userAgent: string | null; acceptLanguage: string | null };

/**
 * Who is asking, for limits and the session list. The client address comes
 * from the proxy header named by CLIENT_IP_HEADER (last hop, the one your
 * own proxy appended).
 */
/** The client address to forward to an email connector (HTTP), or none when it is unknown. */
export const ipOf = (ctx: RequestContext): string | undefined => (ctx.ip === "unknown" ? undefined : ctx.ip);

export async function getRequestContext(): Promise<RequestContext> {
  const h = await headers();
  const forwarded = h.get(env.CLIENT_IP_HEADER) ?? "";
  const ip = forwarded.split(",").map((s) => s.trim()).filter(Boolean).pop() ?? "unknown";
  return { ip: ip.slice(0, 64), userAgent: h.get("user-agent"), acceptLanguage: h.get("accept-language") };
}
