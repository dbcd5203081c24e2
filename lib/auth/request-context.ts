import "server-only";
import { headers } from "next/headers";
import { UNKNOWN_ADDRESS } from "@/lib/security/client-address";
import { CLIENT_HEADER, readClientHeader } from "@/lib/security/client-header";
import { warnWithoutFrontDoor } from "@/lib/security/front-door-warning";

export type RequestContext = { ip: string; userAgent: string | null; acceptLanguage: string | null };

/** The client address to forward to an email connector (HTTP), or none when it is unknown. */
export const ipOf = (ctx: RequestContext): string | undefined => (ctx.ip === UNKNOWN_ADDRESS ? undefined : ctx.ip);

/**
 * Who is asking, for limits, the session list and the activity log. The
 * address is the one the front door resolved from the socket (and from the
 * proxies the operator trusts); no header a client can write is read here.
 * Without the front door it is "unknown": every per-IP cap then counts all
 * clients together, which errs on the side of the cap.
 */
export async function getRequestContext(): Promise<RequestContext> {
  const h = await headers();
  const ip = readClientHeader(h.get(CLIENT_HEADER));
  if (!ip) warnWithoutFrontDoor();
  return { ip: (ip ?? UNKNOWN_ADDRESS).slice(0, 64), userAgent: h.get("user-agent"), acceptLanguage: h.get("accept-language") };
}
