import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { SendEmailCommand, SESv2Client, type SendEmailCommandInput, type SESv2ClientConfig } from "@aws-sdk/client-sesv2";
import { checkExtraHeaders, checkRecipient, checkReplyTo, checkSender, mailboxText as quotedMailboxText, sanitizeHeaderText, type Mailbox } from "../address";
import { encodeWords } from "../encoded-words";
import { checkedAddresses, guardedLookup, type TargetGuard } from "../net/guard";
import { HTTP_KEEP_ALIVE } from "../net/pinned-dispatcher";
import { withConnections, type Pooled } from "../net/pools";
import { apiGuard, PROVIDER_TIMEOUT_MS } from "../provider-fetch";
import { defineConnector, type OutboundMessage, type SendResult } from "../types";
import { httpStatus, toSesError } from "./errors";
import { sesConfigSchema, sesFields, type SesConfig } from "./schema";

const UTF8 = "UTF-8";

/**
 * Turns an OutboundMessage into SES v2 `SendEmail` input, refusing what could
 * add recipients or headers: the only destination is `message.to`, names and
 * the subject lose their line breaks, extra headers are checked like SMTP's.
 */
export function toSesEmail(message: OutboundMessage, config: Pick<SesConfig, "configurationSetName">): SendEmailCommandInput {
  const to = checkRecipient(message.to);
  const from = checkSender(message.from);
  const replyTo = checkReplyTo(message.replyTo);
  const headers = Object.entries(checkExtraHeaders(message.headers)).map(([Name, Value]) => ({ Name, Value: asciiHeaderValue(Value) }));
  return {
    FromEmailAddress: mailboxText(from),
    Destination: { ToAddresses: [to] },
    ...(replyTo ? { ReplyToAddresses: [replyTo] } : {}),
    Content: {
      Simple: {
        Subject: { Data: sanitizeHeaderText(message.subject), Charset: UTF8 },
        Body: {
          ...(message.text ? { Text: { Data: message.text, Charset: UTF8 } } : {}),
          ...(message.html ? { Html: { Data: message.html, Charset: UTF8 } } : {}),
        },
        ...(headers.length > 0 ? { Headers: headers } : {}),
      },
    },
    ...(config.configurationSetName ? { ConfigurationSetName: config.configurationSetName } : {}),
  };
}

/**
 * The SDK client's settings. `maxAttempts: 1` because the outbox owns retries
 * (with backoff that survives a restart). The request handler is given as
 * NodeHttpHandler options, which the SDK turns into its own NodeHttpHandler:
 * same timeouts, no import of a package this app does not declare. Its agents
 * connect only through the SSRF guard (net/guard.ts), whichever host the SDK's
 * endpoint rules pick, so private addresses are refused unless allowed.
 * `throwOnRequestTimeout`: without it a slow answer only logs a warning.
 * With `default-chain`, `credentials` is left out, so the SDK's default chain applies.
 * `keepAlive`: the agents keep idle sockets for the next request.
 */
export function sesClientConfig(config: SesConfig, keepAlive = false): SESv2ClientConfig {
  const timeoutMs = config.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  const { credentials } = config;
  const lookup = guardedLookup(sesGuard(config));
  const agent = { lookup, keepAlive, timeout: HTTP_KEEP_ALIVE.idleMs, maxSockets: HTTP_KEEP_ALIVE.maxSockets, noDelay: true };
  return {
    region: config.region,
    ...(config.baseUrl ? { endpoint: config.baseUrl } : {}),
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
      httpAgent: new http.Agent(agent),
      httpsAgent: new https.Agent(agent),
    },
    ...(credentials.type === "access-key"
      ? {
          credentials: {
            accessKeyId: credentials.accessKeyId,
            secretAccessKey: credentials.secretAccessKey,
            ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
          },
        }
      : {}),
  };
}

function sesGuard(config: SesConfig): TargetGuard {
  return apiGuard("Amazon SES", { ...config, check: "the region and the endpoint URL" });
}

/**
 * The endpoint URL, checked before the client exists: an IP address never
 * reaches the agents' `lookup`, and a refused name opens no socket at all.
 * The lookup checks again whatever host the SDK connects to, and that is the
 * resolution the connection uses (so DNS rebinding gains nothing).
 */
async function checkEndpoint(config: SesConfig): Promise<void> {
  if (config.baseUrl) await checkedAddresses(new URL(config.baseUrl).hostname, sesGuard(config));
}

/**
 * Sends with a given client (tests pass one with a stub credential provider).
 * A message SES answered 2xx for is sent, even if the answer was unreadable:
 * reporting it as failed would make the outbox send it twice.
 */
export async function sendWithClient(client: SESv2Client, config: SesConfig, message: OutboundMessage): Promise<SendResult> {
  const input = toSesEmail(message, config);
  try {
    const output = await client.send(new SendEmailCommand(input));
    return { messageId: output.MessageId?.trim() || `unknown-${randomUUID()}` };
  } catch (error) {
    const status = httpStatus(error);
    if (status !== undefined && status >= 200 && status < 300) return { messageId: `unknown-${randomUUID()}` };
    throw toSesError(error, config, { to: message.to.trim(), from: message.from.address.trim() });
  }
}

export default defineConnector({
  id: "ses",
  label: "Amazon SES",
  description: "Sends through the Amazon SES v2 API (SendEmail), signed with an IAM access key or the machine's AWS role.",
  configSchema: sesConfigSchema,
  fields: sesFields,
  async send(config, message, options) {
    return withConnections(options?.keepAlive, "ses", (pooled) => openClient(config, pooled), (client) => sendWithClient(client, config, message));
  },
});

/**
 * A client per pool (net/pools.ts), or per send without one. Pools live per
 * configuration, so a changed one gets a new client and no credentials
 * linger past the pool (its idle timeout or age). The endpoint URL is
 * checked when the client is made; every new connection is checked again.
 */
async function openClient(config: SesConfig, keepAlive: boolean): Promise<Pooled<SESv2Client>> {
  await checkEndpoint(config);
  const client = new SESv2Client(sesClientConfig(config, keepAlive));
  return { resource: client, close: () => client.destroy() };
}

/**
 * `Name <address>`; a name with specials is quoted, a non-ASCII one becomes
 * RFC 2047 encoded-words, as SES requires for FromEmailAddress.
 */
export function mailboxText(mailbox: Mailbox): string {
  const { name, address } = mailbox;
  if (name && /[^\x20-\x7e]/.test(name)) return `${encodeWords(name)} <${address}>`;
  return quotedMailboxText(mailbox);
}

/** SES header values must be printable ASCII: anything else is sent as encoded-words. */
function asciiHeaderValue(value: string): string {
  return /[^\x20-\x7e]/.test(value) ? encodeWords(value) : value;
}
