import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { checkExtraHeaders, checkRecipient, isEmailAddress, sanitizeHeaderText } from "../address";
import { ConnectorError, defineConnector, type OutboundMessage } from "../types";
import { toConnectorError } from "./errors";
import { sendTracked } from "./hand-over";
import { toOAuth2Options } from "./oauth2";
import { configHeaderProblem, smtpConfigSchema, smtpFields, type SmtpConfig } from "./schema";
import { resolveSmtpTarget, type SmtpTarget } from "./target";

export { toConnectorError };

/** Milliseconds. A code email that cannot leave in this time is better reported than awaited. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  // Silence allowed on the socket. The wait for the answer to the end of DATA needs it long (servers often scan the
  // message first; RFC 5321 suggests 10 minutes); every step before that is bounded by HAND_OVER_TIMEOUT_MS.
  socketTimeout: 60_000,
  dnsTimeout: 10_000,
} as const;

/** nodemailer's options for one connection to `target` (the checked address, see target.ts). */
export function toTransportOptions(config: SmtpConfig, target: SmtpTarget): SMTPTransport.Options {
  return {
    host: target.address,
    port: config.port,
    // SNI and the certificate check use the configured name, not the address connected to.
    ...(target.servername ? { servername: target.servername, tls: { servername: target.servername } } : {}),
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: false,
    auth:
      config.auth.type === "login" ? { user: config.auth.user, pass: config.auth.password }
      : config.auth.type === "oauth2" ? toOAuth2Options(config.auth, config)
      : undefined,
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
 *
 * `configHeaders` (the connector's "Extra headers") come first; a message
 * header with the same name, in any case, replaces it.
 */
export function toMailOptions(message: OutboundMessage, configHeaders?: Record<string, string>): Mail.Options {
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

  const headers = mergeHeaders(configHeaders, checkExtraHeaders(message.headers));

  const fromName = message.from.name ? sanitizeHeaderText(message.from.name) : "";
  return {
    from: fromName ? { name: fromName, address: fromAddress } : fromAddress,
    to,
    replyTo: replyTo || undefined,
    subject: sanitizeHeaderText(message.subject),
    text: message.text,
    html: message.html,
    headers,
    messageId: message.messageId,
    envelope: { from: fromAddress, to: [to] },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function mergeHeaders(configHeaders: Record<string, string> | undefined, messageHeaders: Record<string, string>): Record<string, string> {
  const own = new Set(Object.keys(messageHeaders).map((name) => name.toLowerCase()));
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(configHeaders ?? {})) {
    // The schema checked these already; a config that skipped it must not get further.
    const problem = configHeaderProblem(name, value);
    if (problem) throw new ConnectorError("invalid_config", `Extra headers: ${problem}.`);
    if (!own.has(name.toLowerCase())) merged[name] = value;
  }
  return { ...merged, ...messageHeaders };
}

export default defineConnector({
  id: "smtp",
  label: "SMTP",
  description: "Sends through any SMTP server or relay (Postfix, Amazon SES, Postmark, Mailgun, Google Workspace, Microsoft 365…).",
  configSchema: smtpConfigSchema,
  fields: smtpFields,
  async send(config, message) {
    const mail = toMailOptions(message, config.headers);
    const transport = nodemailer.createTransport(toTransportOptions(config, await resolveSmtpTarget(config)));
    try {
      const sent = await sendTracked(transport, mail);
      if ("info" in sent) return { messageId: sent.info.messageId };
      throw toConnectorError(sent.error, config, sent.handedOver);
    } finally {
      transport.close();
    }
  },
});
