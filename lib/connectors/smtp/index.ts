import type Mail from "nodemailer/lib/mailer";
import { checkExtraHeaders, checkRecipient, isEmailAddress, sanitizeHeaderText } from "../address";
import { withConnections } from "../net/pools";
import { ConnectorError, defineConnector, type OutboundMessage } from "../types";
import { deliver } from "./deliver";
import { toConnectorError } from "./errors";
import { configHeaderProblem, smtpConfigSchema, smtpFields } from "./schema";
import { resolveSmtpTarget } from "./target";
import { openSmtpTransport } from "./transport";

export { toConnectorError };
export { SMTP_TIMEOUTS, toTransportOptions } from "./transport";

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
  async send(config, message, options) {
    const mail = toMailOptions(message, config.headers);
    // A pool connects to the address checked when it was opened (re-checked with each new pool, see net/pools.ts).
    const open = async (pooled: boolean) => openSmtpTransport(config, await resolveSmtpTarget(config), pooled);
    const sent = await withConnections(options?.keepAlive, "smtp", open, (session) => deliver(session, mail));
    if ("info" in sent) return { messageId: sent.info.messageId };
    throw toConnectorError(sent.error, config, sent.handedOver);
  },
});
