import { dispatcherPool } from "./net/pinned-dispatcher";
import type { TargetGuard } from "./net/guard";
import { withConnections } from "./net/pools";
import { ConnectorError, providerLead, type ConnectorErrorCode, type KeepAlive } from "./types";

/**
 * Plumbing shared by the connectors that call an HTTP API (SendGrid,
 * Mailgun, Postmark, SES, Aliyun, Resend, HTTP): a fetch with a deadline
 * whose network failures become ConnectorErrors, and the usual meaning of
 * an HTTP status. Each connector refines the status mapping with what its
 * provider's error body says.
 */

export const PROVIDER_TIMEOUT_MS = 10_000;

/**
 * What every API connector's config says about where it may connect; `what`
 * and `check` word the guard's messages (default: `the <provider> API`, `the base URL or region`).
 */
export type TargetOptions = { timeoutMs?: number; allowPrivateTargets?: boolean; what?: string; check?: string };

/** The SSRF guard's settings for a provider's API (its base URL may be overridden in the console). */
export function apiGuard(provider: string, options: TargetOptions): TargetGuard {
  return {
    what: options.what ?? `the ${provider} API`,
    check: options.check ?? "the base URL or region",
    allowPrivateTargets: options.allowPrivateTargets ?? false,
    timeoutMs: options.timeoutMs ?? PROVIDER_TIMEOUT_MS,
  };
}

/**
 * fetch with a deadline, connected only to the checked addresses of the URL's
 * host (private ones refused unless allowed); a timeout, reset, refusal or DNS
 * hiccup is `transient`, an unknown host `invalid_config`. With `keepAlive`,
 * the connection is kept for the next request of the same configuration
 * (net/pools.ts); without, it is dropped once the caller has read the body.
 */
export async function providerFetch(provider: string, url: string, init: RequestInit, options: TargetOptions = {}, keepAlive?: KeepAlive): Promise<Response> {
  const guard = apiGuard(provider, options);
  const startedAt = Date.now();
  const pool = dispatcherPool(url, guard);
  return withConnections(keepAlive, pool.kind, pool.open, async (dispatcher) => {
    const remaining = Math.max(1, guard.timeoutMs - (Date.now() - startedAt));
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(remaining), redirect: "error", dispatcher } as RequestInit);
    } catch (error) {
      throw networkError(provider, url, error, guard.timeoutMs);
    }
  });
}

export function networkError(provider: string, url: string, error: unknown, timeoutMs: number = PROVIDER_TIMEOUT_MS): ConnectorError {
  const host = safeHost(url);
  const e = error instanceof Error ? error : new Error(String(error));
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (e as { code?: string }).code ?? "";
  if (e.name === "TimeoutError" || e.name === "AbortError") {
    return new ConnectorError("transient", `${provider} did not answer within ${timeoutMs / 1000} s (${host}).`, { cause: error });
  }
  if (code === "ENOTFOUND") {
    return new ConnectorError("invalid_config", `${provider}: the host ${host} was not found; check the base URL or region.`, { cause: error });
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new ConnectorError("invalid_config", `${provider}: the TLS certificate of ${host} could not be verified (${code}).`, { cause: error });
  }
  const detail = code || cause?.message || e.message;
  return new ConnectorError("transient", `Could not reach ${provider} at ${host} (${detail}).`, { cause: error });
}

/** The usual meaning of a non-2xx status; `detail` is the provider's own words (already free of secrets). */
export function statusError(provider: string, status: number, detail: string, headers?: Headers): ConnectorError {
  const said = detail ? `: ${clipDetail(detail)}` : "";
  const code: ConnectorErrorCode =
    status === 401 || status === 403 ? "auth_failed"
    : status === 429 ? "rate_limited"
    : status >= 500 || status === 408 ? "transient"
    : "provider_error";
  return new ConnectorError(code, `${provider} ${providerLead(code)} (HTTP ${status})${said}`, { retryAfterSeconds: retryAfter(headers) });
}

/** Reads the body as text, at most ~4 KB, never throwing. */
export async function readDetail(response: Response): Promise<string> {
  try {
    return clipDetail(await response.text(), 4000);
  } catch {
    return "";
  }
}

/** One line, bounded: provider text ends up in an operator's error message and the outbox row. */
export function clipDetail(text: string, max = 500): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/ {2,}/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Replaces every occurrence of each secret (≥ 4 characters) with `[redacted]`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  return out;
}

/**
 * Seconds to wait, at most an hour: `Retry-After` (seconds or a date), else the rate-limit reset
 * headers: `RateLimit-Reset` in seconds (IETF draft; Resend) or `X-RateLimit-Reset`, which SendGrid
 * documents as a Unix timestamp in seconds (a small value is read as seconds).
 */
function retryAfter(headers: Headers | undefined): number | undefined {
  const value = headers?.get("retry-after");
  if (value) {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600);
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return untilSeconds(at / 1000);
  }
  const reset = Number(headers?.get("ratelimit-reset") ?? headers?.get("x-ratelimit-reset") ?? Number.NaN);
  if (!Number.isFinite(reset) || reset < 0) return undefined;
  // A Unix timestamp has been above 10⁹ since 2001; a wait in seconds never is.
  return reset > 1e9 ? untilSeconds(reset) : Math.min(reset, 3600);
}

function untilSeconds(epochSeconds: number): number {
  return Math.max(0, Math.min(3600, Math.round(epochSeconds - Date.now() / 1000)));
}

/** `https://api.example.com/v3` → `https://api.example.com/v3` without a trailing slash; refuses anything but http(s). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the configured URL";
  }
}
