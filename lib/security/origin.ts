/**
 * Is this state-changing request from our own pages? Browsers send
 * Sec-Fetch-Site on every request and Origin on every POST; a request with
 * neither is refused too, since no browser we protect sends that (scripts
 * and API clients can set Origin themselves). The only accepted origin is
 * APP_URL's: the Host header is the client's to choose, so it proves nothing.
 */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Providers' delivery webhooks (lib/webhooks) come from their servers, with
 * neither header. They need no origin check: each request proves itself by
 * the provider's signature or credentials, and those routes read no cookie,
 * so there is no session a forged request could ride on.
 */
const WEBHOOK_PATH = /^\/api\/webhooks\/[^/]+$/;

export function checkRequestOrigin(req: { method: string; headers: Pick<Headers, "get">; pathname?: string }, appUrl: string): OriginVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { allowed: true };
  if (req.pathname !== undefined && WEBHOOK_PATH.test(req.pathname)) return { allowed: true };
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
