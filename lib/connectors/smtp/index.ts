import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { checkExtraHeaders, checkRecipient, isEmailAddress, sanitizeHeaderText } from "../address";
import { ConnectorError, defineConnector, type ConnectorErrorCode, type OutboundMessage } from "../types";
import { smtpConfigSchema, type SmtpConfig } from "./schema";

/** Milliseconds. A code email that cannot leave in this time is better reported than awaited. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
  dnsTimeout: 10_000,
} as const;

export function toTransportOptions(config: SmtpConfig): SMTPTransport.Options {
  return {
    host: config.host,
    port: config.port,
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: false,
    auth: config.auth.type === "login" ? { user: config.auth.user, pass: config.auth.password } : undefined,
    ...SMTP_TIMEOUTS,
    // Rendered HTML never needs the server's files or remote URLs fetched into the message.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  };
}

/**
 * Turns an OutboundMessage into nodemailer options, refusing what could
 * inject headers or recipients. The envelope is explicit: the only RCPT TO is
 * `message.to`, whatever the headers say.
 */
export function toMailOptions(message: OutboundMessage): Mail.Options {
  const to = checkRecipient(message.to);
  const fromAddress = message.from.address.trim();
  if (!isEmailAddress(fromAddress)) {
    throw new ConnectorError(
      "invalid_config",
      `The sender address "${sanitizeHeaderText(fromAddress)}" is not a valid email address (check EMAIL_FROM).`,
    );
  }
  const replyTo = message.replyTo?.trim();
  if (replyTo !== undefined && replyTo !== "" && !isEmailAddress(replyTo)) {
    throw new ConnectorError("invalid_config", `The reply-to address "${sanitizeHeaderText(replyTo)}" is not a valid email address.`);
  }

  const headers = checkExtraHeaders(message.headers);

  const fromName = message.from.name ? sanitizeHeaderText(message.from.name) : "";
  return {
    from: fromName ? { name: fromName, address: fromAddress } : fromAddress,
    to,
    replyTo: replyTo || undefined,
    subject: sanitizeHeaderText(message.subject),
    text: message.text,
    html: message.html,
    headers,
    envelope: { from: fromAddress, to: [to] },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

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
const NETWORK_FAILURE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN|EAI_AGAIN|socket hang up/;
const TRANSIENT_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNREFUSED", "ECONNRESET", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Maps a nodemailer failure to a ConnectorError. The message is for an
 * operator: what went wrong, the server's own words where there are some,
 * and never the password (redacted even if a server echoes it back).
 */
export function toConnectorError(error: unknown, config: SmtpConfig): ConnectorError {
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

  // 4. The network.
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

function clip(text: string): string {
  const flat = sanitizeHeaderText(text);
  return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat;
}

/** Removes the password (and the base64 forms AUTH LOGIN/PLAIN would carry) from a text. */
function redactSecrets(text: string, config: SmtpConfig): string {
  if (config.auth.type !== "login" || !config.auth.password) return text;
  const { user, password } = config.auth;
  const forms = [
    password,
    Buffer.from(password, "utf8").toString("base64"),
    Buffer.from(`\u0000${user}\u0000${password}`, "utf8").toString("base64"),
  ].filter((f) => f.length >= 3);
  let out = text;
  for (const form of forms) out = out.split(form).join("[redacted]");
  return out;
}

export default defineConnector({
  id: "smtp",
  label: "SMTP",
  description: "Sends through any SMTP server or relay (Postfix, Amazon SES, Postmark, Mailgun, Google Workspace, Microsoft 365…).",
  configSchema: smtpConfigSchema,
  secretFields: ["auth"],
  async send(config, message) {
    const mail = toMailOptions(message);
    const transport = nodemailer.createTransport(toTransportOptions(config));
    try {
      const info = await transport.sendMail(mail);
      return { messageId: info.messageId };
    } catch (error) {
      throw toConnectorError(error, config);
    } finally {
      transport.close();
    }
  },
});
