import { randomUUID } from "node:crypto";
import { checkExtraHeaders, checkRecipient, checkReplyTo, checkSender, mailboxText, sanitizeHeaderText } from "../address";
import { clipDetail, joinUrl, providerFetch, readDetail, redact, statusError } from "../provider-fetch";
import { ConnectorError, defineConnector, type OutboundMessage } from "../types";
import { MAILGUN_API_BASES, mailgunConfigSchema, mailgunFields, type MailgunConfig } from "./schema";

const PROVIDER = "Mailgun";

export function mailgunMessagesUrl(config: Pick<MailgunConfig, "baseUrl" | "region" | "domain">): string {
  const base = config.baseUrl ?? MAILGUN_API_BASES[config.region ?? "us"];
  return joinUrl(base, `/v3/${encodeURIComponent(config.domain)}/messages`);
}

/**
 * Turns an OutboundMessage into the form fields of `POST /v3/{domain}/messages`,
 * refusing what could add recipients or headers: the only recipient is
 * `message.to`, names and the subject lose their line breaks, extra headers
 * (sent as `h:Name`) are checked like SMTP's.
 */
export function toMailgunForm(message: OutboundMessage, config: Pick<MailgunConfig, "testMode">): URLSearchParams {
  const to = checkRecipient(message.to);
  const from = checkSender(message.from);
  const replyTo = checkReplyTo(message.replyTo);
  const headers = checkExtraHeaders(message.headers);

  const form = new URLSearchParams();
  form.append("from", mailboxText(from));
  form.append("to", to);
  form.append("subject", sanitizeHeaderText(message.subject));
  if (message.text) form.append("text", message.text);
  if (message.html) form.append("html", message.html);
  if (replyTo) form.append("h:Reply-To", replyTo);
  for (const [name, value] of Object.entries(headers)) form.append(`h:${name}`, value);
  // A sign-in link must reach the user as written: no click-tracking redirect, no open pixel.
  form.append("o:tracking", "no");
  if (config.testMode) form.append("o:testmode", "yes");
  return form;
}

const SANDBOX_HINT =
  "A sandbox domain only sends to its authorized recipients (at most 5): add the address there, or send from your own verified domain.";
const DOMAIN_HINT =
  "Check the sending domain, and the region: a domain created in the EU is only known to https://api.eu.mailgun.net (and a US one only to https://api.mailgun.net).";

/** A non-2xx answer → ConnectorError: the usual meaning of the status, refined by Mailgun's `message`. */
export async function toMailgunError(response: Response, secrets: readonly string[]): Promise<ConnectorError> {
  const raw = redact(await readDetail(response), secrets);
  const said = mailgunMessage(raw);
  const base = statusError(PROVIDER, response.status, said, response.headers);
  const status = response.status;
  const detail = said ? `: ${clipDetail(said).replace(/\.$/, "")}` : "";
  const make = (code: ConnectorError["code"], lead: string, hint: string) =>
    new ConnectorError(code, `${lead} (HTTP ${status})${detail}. ${hint}`);

  // A 5xx or 429 means the same whatever the body says: try again later.
  if (status >= 500 || status === 429) return base;
  if (/authorized recipients|free accounts are for test purposes/i.test(said)) {
    return make("invalid_config", "Mailgun refused to send from a sandbox domain", SANDBOX_HINT);
  }
  if (/domain not found/i.test(said) || status === 404) {
    return make("invalid_config", "Mailgun does not know this domain", DOMAIN_HINT);
  }
  if (status === 401 || status === 403) {
    return make(
      "auth_failed",
      "Mailgun refused the API key",
      "Check the key and the region; a Domain Sending Key only works for its own domain.",
    );
  }
  // Mailgun quotes the parameter: `'to' parameter is not a valid address. please check documentation`.
  if (status === 400 && /\bto'? parameter is not a valid address/i.test(said)) {
    return make("rejected_recipient", "Mailgun refused the recipient", "The address cannot receive email through Mailgun.");
  }
  if (status === 400 && /\bfrom'? parameter\b/i.test(said)) {
    return make("invalid_config", "Mailgun refused the sender", "Check the From address: it should be an address on the sending domain.");
  }
  return base;
}

export default defineConnector({
  id: "mailgun",
  label: "Mailgun",
  description: "Sends through the Mailgun Messages API (US or EU region) with an API key or a Domain Sending Key.",
  configSchema: mailgunConfigSchema,
  fields: mailgunFields,
  async send(config, message, options) {
    const form = toMailgunForm(message, config);
    const basic = Buffer.from(`api:${config.apiKey}`, "utf8").toString("base64");
    const response = await providerFetch(
      PROVIDER,
      mailgunMessagesUrl(config),
      {
        method: "POST",
        headers: { Authorization: `Basic ${basic}`, Accept: "application/json" },
        // URLSearchParams → application/x-www-form-urlencoded;charset=UTF-8, one of the two bodies Mailgun takes.
        body: form,
      },
      config,
      options?.keepAlive,
    );
    if (!response.ok) throw await toMailgunError(response, [config.apiKey, basic]);
    const body = (await response.json().catch(() => null)) as { id?: unknown } | null;
    // `<20240101.1234@mg.example.com>`: kept without the angle brackets, as Mailgun's events and logs show it.
    const id = typeof body?.id === "string" ? body.id.trim().replace(/^<(.*)>$/, "$1") : "";
    // The message is accepted either way; a missing id must not become an error (the outbox would send it again).
    return { messageId: id || `unknown-${randomUUID()}` };
  },
});

/** `{"message": "…"}` → its text; anything else (Mailgun answers 401 with a bare `Forbidden`) as it is. */
function mailgunMessage(raw: string): string {
  try {
    const body = JSON.parse(raw) as { message?: unknown };
    if (typeof body.message === "string") return body.message;
  } catch {
    // Not JSON.
  }
  return raw;
}
