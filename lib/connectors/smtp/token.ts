import { providerFetch } from "../provider-fetch";
import { ConnectorError } from "../types";
import type { SmtpOAuth2 } from "./schema";

/**
 * The refresh-token exchange (RFC 6749 §6) that nodemailer would otherwise do
 * itself, done here so the token URL goes through the SSRF guard like every
 * other URL an operator can set: it receives the client secret and the
 * refresh token, and what it answers is quoted back in the console.
 */

/** nodemailer's default, Google's. */
export const DEFAULT_TOKEN_URL = "https://accounts.google.com/o/oauth2/token";
const PROVIDER = "the OAuth 2.0 token endpoint";
const TIMEOUT_MS = 10_000;

export type IssuedToken = { accessToken: string; expires: number };

/**
 * Throws a ConnectorError when the endpoint could not be asked (refused
 * target, network), a plain Error with the endpoint's OAuth error
 * (`invalid_grant: …`) when it answered with one.
 */
export async function exchangeRefreshToken(auth: SmtpOAuth2, allowPrivateTargets: boolean): Promise<IssuedToken> {
  const url = auth.accessUrl ?? DEFAULT_TOKEN_URL;
  const body = new URLSearchParams({
    client_id: auth.clientId ?? "",
    client_secret: auth.clientSecret ?? "",
    refresh_token: auth.refreshToken ?? "",
    grant_type: "refresh_token",
  });
  const response = await providerFetch(
    PROVIDER,
    url,
    { method: "POST", headers: { Accept: "application/json" }, body },
    { timeoutMs: TIMEOUT_MS, allowPrivateTargets, what: PROVIDER, check: "the token URL" },
  );
  const data = parseObject(await response.text().catch(() => ""));
  if (typeof data?.error === "string") {
    // RFC 6749 §5.2, worded as nodemailer words it.
    const description = typeof data.error_description === "string" ? `: ${data.error_description}` : "";
    const uri = typeof data.error_uri === "string" ? ` (${data.error_uri})` : "";
    throw new Error(`${data.error}${description}${uri}`);
  }
  if (typeof data?.access_token !== "string" || !data.access_token) {
    throw new Error(data ? "No access token" : `Invalid authentication response (HTTP ${response.status})`);
  }
  const seconds = Math.max(Number(data.expires_in) || 0, 0);
  return { accessToken: data.access_token, expires: seconds ? Date.now() + seconds * 1000 : 0 };
}

/** A failure to reach the endpoint, carried through nodemailer (which rewrites `code`) as the `cause` of an Error. */
export function carryThroughNodemailer(error: unknown): Error {
  if (error instanceof ConnectorError) return new Error(error.message, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
