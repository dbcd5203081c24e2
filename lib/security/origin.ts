/**
 * Is this state-changing request from our own pages? Browsers send
 * Sec-Fetch-Site on every request and Origin on every POST; a request with
 * neither is refused too, since no browser we protect sends that (scripts
 * and API clients can set Origin themselves).
 */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkRequestOrigin(req: { method: string; headers: Headers }, allowedOrigins: readonly string[]): OriginVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { allowed: true };
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return { allowed: false, reason: `cross-site request refused (Sec-Fetch-Site: ${site})` };
  }
  const origin = req.headers.get("origin");
  if (origin) {
    return allowedOrigins.includes(origin) ? { allowed: true } : { allowed: false, reason: `origin ${origin} is not this app` };
  }
  return site ? { allowed: true } : { allowed: false, reason: "request without Origin or Sec-Fetch-Site refused" };
}

export function originsFor(appUrl: string, host: string | null, proto: string | null): string[] {
  const origins = [new URL(appUrl).origin];
  if (host) origins.push(`${proto === "https" ? "https" : "http"}://${host}`);
  return origins;
}
