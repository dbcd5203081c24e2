import { createHash } from "node:crypto";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { SmtpOAuth2 } from "./schema";
import { carryThroughNodemailer, exchangeRefreshToken } from "./token";

/**
 * Access tokens obtained with a refresh token, kept in memory per credential
 * set. Every new SMTP connection authenticates (a pool's too, with the token
 * its options had when it opened); without this, each would first exchange
 * the refresh token at the provider's token endpoint (slow, and rate
 * limited by Google and Microsoft alike).
 */
type CachedToken = { accessToken: string; expires: number };

const tokens = new Map<string, CachedToken>();
const MAX_ENTRIES = 100;
/** Renew a little early rather than fail a send on a token that expires mid-session. */
const EARLY_MS = 60_000;

function cacheKey(auth: SmtpOAuth2): string | undefined {
  if (!auth.refreshToken) return undefined;
  return createHash("sha256")
    .update(JSON.stringify([auth.user, auth.clientId, auth.refreshToken, auth.accessUrl ?? ""]))
    .digest("hex");
}

export function cachedAccessToken(auth: SmtpOAuth2): CachedToken | undefined {
  const key = cacheKey(auth);
  const token = key ? tokens.get(key) : undefined;
  if (!token) return undefined;
  // A token without a known expiry is used until the server refuses it (nodemailer then renews).
  if (token.expires && token.expires - EARLY_MS <= Date.now()) {
    tokens.delete(key!);
    return undefined;
  }
  return token;
}

export function rememberAccessToken(auth: SmtpOAuth2, accessToken: string, expires: number): void {
  const key = cacheKey(auth);
  if (!key || !accessToken) return;
  if (tokens.size >= MAX_ENTRIES && !tokens.has(key)) tokens.delete(tokens.keys().next().value!);
  tokens.set(key, { accessToken, expires });
}

/**
 * nodemailer's XOAUTH2 options: the cached token if there is one, else the
 * configured one. With a refresh token, new tokens come from token.ts (through
 * the SSRF guard), never from nodemailer's own request.
 */
export function toOAuth2Options(auth: SmtpOAuth2, target: { allowPrivateTargets?: boolean }): NonNullable<SMTPTransport.Options["auth"]> {
  const cached = cachedAccessToken(auth);
  const provisionCallback = (_user: string, _renew: boolean, callback: (err: Error | null, accessToken: string, expires: number) => void) => {
    exchangeRefreshToken(auth, target.allowPrivateTargets ?? false).then(
      ({ accessToken, expires }) => {
        rememberAccessToken(auth, accessToken, expires);
        callback(null, accessToken, expires);
      },
      (error: unknown) => callback(carryThroughNodemailer(error), "", 0),
    );
  };
  return {
    type: "OAuth2",
    user: auth.user,
    accessToken: cached?.accessToken ?? auth.accessToken,
    expires: cached?.expires,
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    refreshToken: auth.refreshToken,
    accessUrl: auth.accessUrl,
    ...(auth.refreshToken ? { provisionCallback } : {}),
  };
}

/** The forms an OAuth2 secret can take in a server reply: as is, and inside the base64 XOAUTH2 string. */
export function oauth2SecretForms(auth: SmtpOAuth2): string[] {
  const accessTokens = [auth.accessToken, cachedAccessToken(auth)?.accessToken].filter((t): t is string => Boolean(t));
  const xoauth2 = accessTokens.map((token) => Buffer.from(`user=${auth.user}\u0001auth=Bearer ${token}\u0001\u0001`, "utf8").toString("base64"));
  return [...accessTokens, ...xoauth2, auth.clientSecret, auth.refreshToken].filter((s): s is string => Boolean(s));
}
