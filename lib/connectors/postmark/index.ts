import { randomUUID } from "node:crypto";
import { checkExtraHeaders, checkRecipient, checkReplyTo, checkSender, mailboxText, sanitizeHeaderText } from "../address";
import { clipDetail, joinUrl, providerFetch, readDetail, redact, statusError } from "../provider-fetch";
import { ConnectorError, defineConnector, type ConnectorErrorCode, type OutboundMessage } from "../types";
import { POSTMARK_API_BASE, POSTMARK_DEFAULT_STREAM, postmarkConfigSchema, postmarkFields, type PostmarkConfig } from "./schema";

const PROVIDER = "Postmark";

/** The body of `POST /email` (only the parts Mailgate uses). */
export type PostmarkEmail = {
  From: string;
  To: string;
  Subject: string;
  HtmlBody?: string;
  TextBody?: string;
  ReplyTo?: string;
  Headers?: { Name: string; Value: string }[];
  MessageStream: string;
  TrackOpens: false;
  TrackLinks: "None";
};

/**
 * Turns an OutboundMessage into a Postmark email, refusing what could add
 * recipients or headers: the only recipient is `message.to`, names and the
 * subject lose their line breaks, extra headers are checked like SMTP's.
 */
export function toPostmarkEmail(message: OutboundMessage, config: Pick<PostmarkConfig, "messageStream">): PostmarkEmail {
  const to = checkRecipient(message.to);
  const from = checkSender(message.from);
  const replyTo = checkReplyTo(message.replyTo);
  const headers = Object.entries(checkExtraHeaders(message.headers)).map(([Name, Value]) => ({ Name, Value }));
  return {
    From: mailboxText(from),
    To: to,
    Subject: sanitizeHeaderText(message.subject),
    ...(message.html ? { HtmlBody: message.html } : {}),
    ...(message.text ? { TextBody: message.text } : {}),
    ...(replyTo ? { ReplyTo: replyTo } : {}),
    ...(headers.length > 0 ? { Headers: headers } : {}),
    MessageStream: config.messageStream ?? POSTMARK_DEFAULT_STREAM,
    // A sign-in link must reach the user as written: no open pixel, no click-tracking redirect.
    TrackOpens: false,
    TrackLinks: "None",
  };
}

const SENDER_HINT =
  "The From address must be a confirmed Sender Signature or on a domain verified in Postmark (Sender Signatures → Add Domain or Signature).";
const ACCOUNT_HINT =
  "The Postmark account cannot send to this address yet: while it is pending approval it may only send to its own domain. Ask Postmark to approve the account.";

/** What Postmark's ErrorCode (or, failing that, its Message) means for the operator. */
function refine(errorCode: number, said: string): { code: ConnectorErrorCode; lead: string; hint: string } | null {
  switch (errorCode) {
    case 10:
      return { code: "auth_failed", lead: "Postmark refused the server token", hint: "Paste the Server API token again (not the Account token)." };
    case 400:
    case 401:
      return { code: "invalid_config", lead: "Postmark refused the sender", hint: SENDER_HINT };
    case 405:
    case 412:
    case 413:
      return { code: "invalid_config", lead: "Postmark does not let this account send", hint: ACCOUNT_HINT };
    case 406:
      return {
        code: "rejected_recipient",
        lead: "Postmark refused an inactive recipient",
        hint: "The address hard-bounced, complained or was suppressed; Postmark will not send to it until it is reactivated there.",
      };
    case 429:
      return { code: "rate_limited", lead: "Postmark is rate limiting", hint: "The outbox tries again later." };
    case 100:
      return { code: "transient", lead: "Postmark is in maintenance", hint: "The outbox tries again later." };
  }
  if (/message ?stream/i.test(said)) {
    return { code: "invalid_config", lead: "Postmark refused the message stream", hint: "Check the message stream ID: it must be a transactional stream of this server." };
  }
  // 300 "Invalid email request" covers both ends: "Invalid 'From' address…" and "Error parsing 'To'…".
  if (/sender signature|'from'|from address/i.test(said)) return { code: "invalid_config", lead: "Postmark refused the sender", hint: SENDER_HINT };
  // The rest of 300 is about the request itself (its JSON, a missing body): only a 'To' problem is the recipient's.
  if (errorCode === 300 && /'to'/i.test(said)) return { code: "rejected_recipient", lead: "Postmark refused the recipient", hint: "Check the address the user gave." };
  return null;
}

/** Postmark's `{ ErrorCode, Message }` (any status, including a 200 with a non-zero code) → ConnectorError. */
export function toPostmarkError(status: number, raw: string, headers: Headers): ConnectorError {
  const body = parseJson(raw) as { ErrorCode?: unknown; Message?: unknown } | null;
  const errorCode = typeof body?.ErrorCode === "number" ? body.ErrorCode : -1;
  const said = typeof body?.Message === "string" ? body.Message : raw;
  const ok = status >= 200 && status < 300;
  const base = statusError(PROVIDER, ok ? 422 : status, said, headers);
  // A 5xx or 429 means the same whatever the body says: try again later.
  if (status >= 500 || status === 429) return base;
  const refined = refine(errorCode, said);
  if (refined) {
    const detail = said ? `: ${clipDetail(said).replace(/\.$/, "")}` : "";
    const tag = errorCode >= 0 ? `HTTP ${status}, ErrorCode ${errorCode}` : `HTTP ${status}`;
    return new ConnectorError(refined.code, `${refined.lead} (${tag})${detail}. ${refined.hint}`);
  }
  if (status === 404 || status === 405) {
    return new ConnectorError("invalid_config", `Postmark has no /email endpoint at this address (HTTP ${status}). Check the API base URL.`);
  }
  return base;
}

export default defineConnector({
  id: "postmark",
  label: "Postmark",
  description: "Sends through the Postmark Email API with a Server API token and a transactional message stream.",
  configSchema: postmarkConfigSchema,
  fields: postmarkFields,
  async send(config, message, options) {
    const email = toPostmarkEmail(message, config);
    const response = await providerFetch(
      PROVIDER,
      joinUrl(config.baseUrl ?? POSTMARK_API_BASE, "/email"),
      {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json", "X-Postmark-Server-Token": config.serverToken },
        body: JSON.stringify(email),
      },
      config,
      options?.keepAlive,
    );
    const raw = redact(await readDetail(response), [config.serverToken]);
    const body = parseJson(raw) as { ErrorCode?: unknown; MessageID?: unknown } | null;
    if (!response.ok || (typeof body?.ErrorCode === "number" && body.ErrorCode !== 0)) {
      throw toPostmarkError(response.status, raw, response.headers);
    }
    const id = typeof body?.MessageID === "string" ? body.MessageID.trim() : "";
    // The message is accepted either way; a missing id must not become an error (the outbox would send it again).
    return { messageId: id || `unknown-${randomUUID()}` };
  },
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
