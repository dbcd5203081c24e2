import { randomUUID } from "node:crypto";
import { checkExtraHeaders, checkRecipient, checkReplyTo, checkSender, sanitizeHeaderText } from "../address";
import { clipDetail, joinUrl, providerFetch, readDetail, redact, statusError } from "../provider-fetch";
import { ConnectorError, defineConnector, type OutboundMessage } from "../types";
import { SENDGRID_API_BASE, sendgridConfigSchema, sendgridFields, type SendgridConfig } from "./schema";

const PROVIDER = "SendGrid";

type SendGridAddress = { email: string; name?: string };

/** The v3 Mail Send body (only the parts Mailgate uses). */
export type SendGridMail = {
  personalizations: { to: SendGridAddress[] }[];
  from: SendGridAddress;
  reply_to?: SendGridAddress;
  subject: string;
  content: { type: "text/plain" | "text/html"; value: string }[];
  headers?: Record<string, string>;
  tracking_settings: {
    click_tracking: { enable: boolean; enable_text: boolean };
    open_tracking: { enable: boolean };
  };
  mail_settings?: { sandbox_mode: { enable: boolean } };
};

/**
 * Turns an OutboundMessage into a Mail Send body, refusing what could add
 * recipients or headers: the only recipient is `message.to`, names and the
 * subject lose their line breaks, extra headers are checked like SMTP's.
 */
export function toSendGridMail(message: OutboundMessage, config: Pick<SendgridConfig, "sandboxMode">): SendGridMail {
  const to = checkRecipient(message.to);
  const from = checkSender(message.from);
  const replyTo = checkReplyTo(message.replyTo);
  const headers = checkExtraHeaders(message.headers);
  // SendGrid wants text/plain first, and refuses an empty part.
  const content = [
    { type: "text/plain" as const, value: message.text },
    { type: "text/html" as const, value: message.html },
  ].filter((part) => part.value !== "");
  return {
    personalizations: [{ to: [{ email: to }] }],
    from: from.name ? { email: from.address, name: from.name } : { email: from.address },
    ...(replyTo ? { reply_to: { email: replyTo } } : {}),
    subject: sanitizeHeaderText(message.subject),
    content,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    // A sign-in link must reach the user as written: no click-tracking redirect, no open pixel.
    tracking_settings: { click_tracking: { enable: false, enable_text: false }, open_tracking: { enable: false } },
    ...(config.sandboxMode ? { mail_settings: { sandbox_mode: { enable: true } } } : {}),
  };
}

type SendGridErrorItem = { message?: unknown; field?: unknown };

/** SendGrid's `{ errors: [{ message, field, help }] }` as one line, or the raw body when it is something else. */
function describeErrors(raw: string): { said: string; fields: string[] } {
  try {
    const body = JSON.parse(raw) as { errors?: SendGridErrorItem[] };
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      const items = body.errors.map((e) => ({
        field: typeof e.field === "string" ? e.field : "",
        message: typeof e.message === "string" ? e.message : "",
      }));
      return {
        said: items.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join("; "),
        fields: items.map((e) => e.field),
      };
    }
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): keep the text as it is.
  }
  return { said: raw, fields: [] };
}

const SENDER_HINT =
  "The From address must be a verified Sender Identity of this SendGrid account: verify it (Settings → Sender Authentication → single sender) or authenticate its domain.";

/** A non-2xx answer → ConnectorError: the usual meaning of the status, refined by what SendGrid said. */
export async function toSendGridError(response: Response, apiKey: string): Promise<ConnectorError> {
  const { said, fields } = describeErrors(redact(await readDetail(response), [apiKey]));
  const base = statusError(PROVIDER, response.status, said, response.headers);
  const status = response.status;
  const detail = said ? `: ${clipDetail(said).replace(/\.$/, "")}` : "";
  const make = (code: ConnectorError["code"], lead: string, hint: string) =>
    new ConnectorError(code, `${lead} (HTTP ${status})${detail}. ${hint}`, { retryAfterSeconds: base.retryAfterSeconds });

  // A 5xx or 429 means the same whatever the body says: try again later.
  if (status >= 500 || status === 429) return base;
  if (/verified sender identity|not authorized to send from/i.test(said) || fields.some((f) => f.startsWith("from"))) {
    return make("invalid_config", "SendGrid refused the sender", SENDER_HINT);
  }
  if (/maximum credits exceeded/i.test(said)) {
    return make("rate_limited", "SendGrid has no credits left for now", "Sending resumes when the credits reset, or raise the plan's limit.");
  }
  if (status === 401 || status === 403) {
    return make("auth_failed", "SendGrid refused the API key", "Check the key, and that it has the Mail Send permission.");
  }
  // The documented field is `personalizations.to`; answers also index it (`personalizations.0.to.0.email`).
  if (status === 400 && fields.some((f) => /^personalizations(\.\d+)?\.to\b/.test(f))) {
    return make("rejected_recipient", "SendGrid refused the recipient", "The address cannot receive email through SendGrid.");
  }
  if (status === 400 && fields.some((f) => f.startsWith("reply_to"))) {
    return make("invalid_config", "SendGrid refused the reply-to address", "Check the reply-to address.");
  }
  if (status === 404 || status === 405) {
    return make("invalid_config", "SendGrid has no Mail Send endpoint at this address", "Check the API base URL.");
  }
  return base;
}

export default defineConnector({
  id: "sendgrid",
  label: "SendGrid",
  description: "Sends through Twilio SendGrid's v3 Mail Send API with an API key.",
  configSchema: sendgridConfigSchema,
  fields: sendgridFields,
  async send(config, message, options) {
    const mail = toSendGridMail(message, config);
    const response = await providerFetch(
      PROVIDER,
      joinUrl(config.baseUrl ?? SENDGRID_API_BASE, "/v3/mail/send"),
      {
        method: "POST",
        headers: { Authorization: `Bearer ${config.apiKey}`, "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(mail),
      },
      config,
      options?.keepAlive,
    );
    if (!response.ok) throw await toSendGridError(response, config.apiKey);
    await response.body?.cancel().catch(() => undefined);
    // 202 carries X-Message-Id; sandbox mode answers 200 and may not. The message is accepted either
    // way, so a missing id must not become an error (the outbox would send it again).
    const id = response.headers.get("x-message-id")?.trim();
    return { messageId: id || `${config.sandboxMode ? "sandbox" : "unknown"}-${randomUUID()}` };
  },
});
