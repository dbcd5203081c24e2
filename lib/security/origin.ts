/**
 * Is this state-changing request from our own pages? Browsers send
 * Sec-Fetch-Site on every request and Origin on every POST; a request with
 * neither is refused too, since no browser we protect sends that (scripts
 * and API clients can set Origin themselves). The only accepted origin is
 * APP_URL's: the Host header is the client's to choose, so it proves nothing.
 */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Paths only other servers call, every request proving itself (a provider
 * webhook's signature or credentials, lib/webhooks): no cookie of ours is of
 * any use there, and providers send no Origin, so the check is skipped.
 */
export const isServerToServerPath = (path: string): boolean => path.startsWith("/api/webhooks/");

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkRequestOrigin(req: { method: string; headers: Headers }, appUrl: string): OriginVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { allowed: true };
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return { allowed: false, reason: `Cross-site request refused (Sec-Fetch-Site: ${site}).` };
  }
  const origin = req.headers.get("origin");
  const appOrigin = new URL(appUrl).origin;
  if (origin) {
    return origin === appOrigin ? { allowed: true } : { allowed: false, reason: `The origin ${origin} is not this app (${appOrigin}).` };
  }
  return site ? { allowed: true } : { allowed: false, reason: "A request without Origin or Sec-Fetch-Site is refused." };
}
