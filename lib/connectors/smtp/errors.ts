import { sanitizeHeaderText } from "../address";
import { ConnectorError, type ConnectorErrorCode } from "../types";
import { oauth2SecretForms } from "./oauth2";
import type { SmtpConfig, SmtpOAuth2 } from "./schema";
import { DEFAULT_TOKEN_URL } from "./token";

/** What nodemailer attaches to its errors (all optional: it also rethrows plain socket errors). */
type SmtpFailure = Error & {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  reason?: string;
  library?: string;
};

const PORT_HINT =
  "Port 465 expects implicit TLS (security \"tls\", SMTP_SECURE=true); port 587 expects STARTTLS " +
  "(security \"starttls\" or \"starttls-optional\", SMTP_SECURE=false).";

const TLS_PROTOCOL_MISMATCH = /wrong version number|packet length too long|unknown protocol|record layer failure|http request|ssl3_get_record|tls_get_more_records/i;
const CERTIFICATE_PROBLEM = /certificate|self[- ]signed|altnames|unable to (get|verify)|CERT_|UNABLE_TO_/i;
const NETWORK_FAILURE = /Unexpected socket close|Connection closed unexpectedly|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN|EAI_AGAIN|socket hang up/;
const TRANSIENT_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNREFUSED", "ECONNRESET", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Maps a nodemailer failure to a ConnectorError. The message is for an
 * operator: what went wrong, the server's own words where there are some,
 * and never the password (redacted even if a server echoes it back).
 */
export function toConnectorError(error: unknown, config: SmtpConfig, handedOver = false): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const e: SmtpFailure = error instanceof Error ? error : new Error(String(error));
  const clean = (text: string) => redactSecrets(clip(text), config);
  const where = `${config.host}:${config.port}`;
  const rawText = `${e.message ?? ""} ${e.reason ?? ""}`;
  const serverText = e.response ? clean(e.response) : undefined;
  const detail = clean(e.response ?? e.message ?? String(error));
  const code = e.code ?? "";
  const status = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const command = (e.command ?? "").toUpperCase();
  const make = (c: ConnectorErrorCode, message: string) =>
    new ConnectorError(c, message, { cause: error });

  // 1. TLS: the two ends disagree on whether the connection starts encrypted.
  if ((code === "ESOCKET" || code === "ETLS" || !code) && !status && TLS_PROTOCOL_MISMATCH.test(rawText)) {
    return make(
      "invalid_config",
      config.security === "tls"
        ? `TLS handshake with ${where} failed (${clean(e.reason ?? "wrong version number")}): the server does not speak implicit TLS on this port. ${PORT_HINT}`
        : `TLS handshake with ${where} failed after STARTTLS (${clean(e.reason ?? e.message)}). ${PORT_HINT}`,
    );
  }
  if ((code === "ESOCKET" || code === "ETLS") && !status && CERTIFICATE_PROBLEM.test(rawText)) {
    return make(
      "invalid_config",
      `The TLS certificate of ${where} could not be verified (${clean(e.message)}). The certificate must be valid (not expired), issued by a trusted authority and match the host name.`,
    );
  }
  if (code === "ETLS" && command === "STARTTLS" && status) {
    return make(
      "invalid_config",
      `${where} refused STARTTLS (${serverText ?? status}). Use security "starttls-optional" to send without encryption, or "tls" if this port expects implicit TLS. ${PORT_HINT}`,
    );
  }
  if (code === "ETLS" && !status) {
    if (/closed unexpectedly/i.test(rawText)) {
      return make("transient", `The connection to ${where} closed during the TLS handshake (${detail}).`);
    }
    return make("invalid_config", `TLS with ${where} failed (${detail}). ${PORT_HINT}`);
  }
  // Plain connect to an implicit-TLS port: the server waits for a ClientHello, we wait for its greeting.
  if (code === "ETIMEDOUT" && /greeting never received/i.test(rawText) && config.port === 465 && config.security !== "tls") {
    return make("invalid_config", `${where} sent no SMTP greeting: it probably expects implicit TLS. ${PORT_HINT}`);
  }

  // 2. Authentication.
  if (config.auth.type === "oauth2" && (code === "EAUTH" || command.startsWith("AUTH"))) {
    return oauth2Error(e, config.auth, where, detail, rawText);
  }
  if (code === "EAUTH" || status === 535 || status === 534 || (status === 530 && command.startsWith("AUTH"))) {
    const who = config.auth.type === "login" ? ` as "${sanitizeHeaderText(config.auth.user)}"` : "";
    return make("auth_failed", `Authentication${who} with ${where} failed: ${detail}`);
  }
  if (status === 530) {
    return make("auth_failed", `${where} requires authentication (${detail}). Configure a user and password.`);
  }

  // 3. The server's verdict on the envelope.
  if (status !== undefined && command.startsWith("RCPT") && [550, 551, 553].includes(status)) {
    return make("rejected_recipient", `The server rejected the recipient: ${detail}`);
  }
  if (status !== undefined && status >= 500 && command.startsWith("MAIL")) {
    return make("invalid_config", `The server rejected the sender address (check EMAIL_FROM is allowed for this account): ${detail}`);
  }
  if (status !== undefined && [421, 450, 451, 452].includes(status)) {
    return make("transient", `Temporary failure from ${where}: ${detail}`);
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return /rate|too many|throttl/i.test(detail)
      ? make("rate_limited", `${where} is rate limiting: ${detail}`)
      : make("transient", `Temporary failure from ${where}: ${detail}`);
  }

  // 4. The network. After the whole message was handed over, silence or a lost connection says nothing about delivery.
  if (handedOver && !status && (code === "ETIMEDOUT" || TRANSIENT_CODES.has(code) || NETWORK_FAILURE.test(rawText))) {
    const message = `${where} took the message but did not answer it (${detail}): it may have been delivered.`;
    return new ConnectorError("transient", message, { cause: error, outcomeUnknown: true });
  }
  if (code === "EDNS" || /ENOTFOUND/.test(rawText)) {
    return /EAI_AGAIN|timeout/i.test(rawText)
      ? make("transient", `Could not resolve ${config.host} (${detail}).`)
      : make("invalid_config", `The SMTP host ${config.host} was not found (${detail}).`);
  }
  if (TRANSIENT_CODES.has(code) || NETWORK_FAILURE.test(rawText)) {
    return make("transient", `Could not talk to ${where}: ${detail}`);
  }

  return make("provider_error", `Sending through ${where} failed: ${detail}`);
}

/**
 * XOAUTH2 fails in two places: getting a token from the provider's token
 * endpoint (no SMTP status; the provider's OAuth error, e.g. `invalid_grant`),
 * or the SMTP server refusing the token (535 after the 334 challenge).
 */
function oauth2Error(e: SmtpFailure, auth: SmtpOAuth2, where: string, detail: string, rawText: string): ConnectorError {
  const who = `"${sanitizeHeaderText(auth.user)}"`;
  const make = (code: ConnectorErrorCode, message: string) => new ConnectorError(code, message, { cause: e });
  if (!e.responseCode && e.command === "AUTH XOAUTH2") {
    // The token endpoint was refused by the SSRF guard or could not be reached (token.ts): already worded.
    if (e.cause instanceof ConnectorError) return e.cause;
    const tokenHost = safeHost(auth.accessUrl ?? DEFAULT_TOKEN_URL);
    if (NETWORK_FAILURE.test(rawText)) {
      return make("transient", `Could not reach the OAuth 2.0 token endpoint ${tokenHost} to renew the access token for ${who}: ${detail}`);
    }
    return make(
      "auth_failed",
      `Could not get an OAuth 2.0 access token for ${who} from ${tokenHost}: ${detail}. Check the client ID, client secret and refresh token; ` +
        "a refresh token stops working when it is revoked, when the account's password changes or after a long time unused.",
    );
  }
  const renew = auth.refreshToken
    ? "Mailgate renewed the token and the server still refused it: check that the token grants SMTP sending (Google: https://mail.google.com/ scope; Microsoft 365: SMTP.Send, with SMTP AUTH enabled for the mailbox)."
    : "The access token has probably expired or lacks the SMTP scope; add the client ID, client secret and refresh token so Mailgate can renew it.";
  return make("auth_failed", `OAuth 2.0 authentication as ${who} with ${where} failed: ${detail}. ${renew}`);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the token URL";
  }
}

function clip(text: string): string {
  const flat = sanitizeHeaderText(text);
  return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat;
}

/**
 * Removes every secret from a text: the password with the base64 forms AUTH
 * LOGIN/PLAIN carry, and the OAuth2 tokens, client secret and the base64
 * XOAUTH2 string (`user=…\x01auth=Bearer <token>\x01\x01`).
 */
function redactSecrets(text: string, config: SmtpConfig): string {
  const forms = secretForms(config)
    .filter((f) => f.length >= 3)
    // Longest first, so a token inside a longer form does not break the longer one's match.
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of forms) out = out.split(form).join("[redacted]");
  return out;
}

function secretForms(config: SmtpConfig): string[] {
  const auth = config.auth;
  if (auth.type === "oauth2") return oauth2SecretForms(auth);
  if (auth.type !== "login" || !auth.password) return [];
  return [
    auth.password,
    Buffer.from(auth.password, "utf8").toString("base64"),
    Buffer.from(`\u0000${auth.user}\u0000${auth.password}`, "utf8").toString("base64"),
  ];
}
