import { randomUUID } from "node:crypto";
import { Resend, type CreateEmailOptions, type CreateEmailRequestOptions, type ErrorResponse } from "resend";
import type { Agent } from "undici";
import { checkExtraHeaders, checkRecipient, checkReplyTo, checkSender, mailboxText, sanitizeHeaderText } from "../address";
import { dispatcherPool } from "../net/pinned-dispatcher";
import { withConnections } from "../net/pools";
import { apiGuard, clipDetail, networkError, PROVIDER_TIMEOUT_MS, redact, statusError } from "../provider-fetch";
import { ConnectorError, defineConnector, type ConnectorErrorCode, type OutboundMessage } from "../types";
import { RESEND_API_BASE, resendConfigSchema, resendFields } from "./schema";

const PROVIDER = "Resend";

/**
 * Turns an OutboundMessage into the SDK's `emails.send` payload, refusing
 * what could add recipients or headers: the only recipient is `message.to`,
 * names and the subject lose their line breaks, extra headers are checked
 * like SMTP's.
 */
export function toResendEmail(message: OutboundMessage): CreateEmailOptions {
  const to = checkRecipient(message.to);
  const from = checkSender(message.from);
  const replyTo = checkReplyTo(message.replyTo);
  const headers = checkExtraHeaders(message.headers);
  return {
    from: mailboxText(from),
    to,
    subject: sanitizeHeaderText(message.subject),
    html: message.html,
    text: message.text,
    ...(replyTo ? { replyTo } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

const DOMAIN_HINT = "Verify the sending domain at resend.com/domains and send from an address on it.";

type Meaning = { code: ConnectorErrorCode; lead: string; hint?: string };

/** Resend's error `name` → what it means for the operator. */
function meaning(name: string, said: string): Meaning | null {
  switch (name) {
    case "missing_api_key":
    case "invalid_api_key":
    case "restricted_api_key":
      return { code: "auth_failed", lead: "Resend refused the API key", hint: "Paste the key again; it needs at least sending access." };
    case "rate_limit_exceeded":
    case "daily_quota_exceeded":
    case "monthly_quota_exceeded":
      return { code: "rate_limited", lead: "Resend is limiting this account" };
    case "concurrent_idempotent_requests":
      return { code: "transient", lead: "Resend is still processing the first attempt of this message" };
    case "invalid_from_address":
      return { code: "invalid_config", lead: "Resend refused the sender", hint: DOMAIN_HINT };
    case "not_found":
    case "method_not_allowed":
      return { code: "invalid_config", lead: "Resend has no /emails endpoint at this address", hint: "Check the API base URL." };
    case "validation_error":
      // Documented: 400 and 401 `validation_error` "API key is invalid" for a key that does not exist.
      if (/\bapi key\b/i.test(said)) return { code: "auth_failed", lead: "Resend refused the API key", hint: "Paste the key again; it needs at least sending access." };
      if (/`to`|\bto\b field/i.test(said)) return { code: "rejected_recipient", lead: "Resend refused the recipient" };
      if (/domain is not verified|testing emails|verify a domain/i.test(said)) {
        return { code: "invalid_config", lead: "Resend refused the sender", hint: DOMAIN_HINT };
      }
      return { code: "invalid_config", lead: "Resend refused the request" };
    case "invalid_parameter":
    case "missing_required_field":
    case "invalid_region":
      return { code: "invalid_config", lead: "Resend refused the request" };
  }
  return null;
}

/**
 * The SDK's `{ error }` → ConnectorError. The SDK never throws for HTTP
 * errors: `error` is Resend's JSON body (`{ statusCode, name, message }`),
 * an `application_error` carrying the status when the body is not JSON, or
 * an `application_error` with `statusCode: null` for a network failure or
 * our own timeout. The HTTP status itself is not exposed.
 */
export function toResendError(
  error: ErrorResponse,
  headers: Record<string, string> | null,
  context: { apiKey: string; url: string; timedOut: boolean; timeoutMs: number },
): ConnectorError {
  const said = redact(typeof error.message === "string" ? error.message : "", [context.apiKey]);
  const name = typeof error.name === "string" ? error.name : "";
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  if (context.timedOut || (status === null && name === "application_error")) {
    const cause = context.timedOut ? Object.assign(new Error(said), { name: "TimeoutError" }) : new Error(said);
    return networkError(PROVIDER, context.url, cause, context.timeoutMs);
  }
  const base = statusError(PROVIDER, status ?? 500, said, new Headers(headers ?? {}));
  const known = meaning(name, said);
  // The status decides for outages and refused keys, whatever name the body gives: Resend has
  // answered an invalid key with 403 `validation_error`, which otherwise means an unverified domain.
  const keyRefused = status === 401 || (status === 403 && /api key/i.test(said));
  if (status !== null && (status >= 500 || (keyRefused && known?.code !== "auth_failed"))) return base;
  if (!known && status !== null) return base;
  if (!known) return new ConnectorError("provider_error", `${PROVIDER} refused the message (${name || "answer without a status"}): ${clipDetail(said)}`);
  const tag = [status === null ? "" : `HTTP ${status}`, name].filter(Boolean).join(", ");
  const detail = said ? `: ${clipDetail(said).replace(/\.$/, "")}` : "";
  return new ConnectorError(known.code, `${known.lead} (${tag})${detail}.${known.hint ? ` ${known.hint}` : ""}`, {
    retryAfterSeconds: known.code === "rate_limited" ? base.retryAfterSeconds : undefined,
  });
}

/**
 * The SDK takes no `fetch` of its own, but spreads these options into the
 * init of the global fetch it calls: the guard's dispatcher rides along (so
 * the connection goes to the checked address), and a redirect is refused
 * rather than followed to an unchecked one. resend/index.test.ts fails if a
 * new SDK version stops passing them on.
 */
function pinnedRequest(options: { signal: AbortSignal; idempotencyKey?: string }, dispatcher: Agent): CreateEmailRequestOptions {
  const init = { signal: options.signal, dispatcher, redirect: "error" };
  return (options.idempotencyKey ? { ...init, idempotencyKey: options.idempotencyKey } : init) as CreateEmailRequestOptions;
}

export default defineConnector({
  id: "resend",
  label: "Resend",
  description: "Sends through the Resend API with its official SDK; retries reuse an idempotency key so nobody gets a code twice.",
  configSchema: resendConfigSchema,
  fields: resendFields,
  async send(config, message, options) {
    const email = toResendEmail(message);
    // The SDK appends `/emails` to the base as is.
    const baseUrl = (config.baseUrl ?? RESEND_API_BASE).replace(/\/+$/, "");
    const timeoutMs = config.timeoutMs ?? PROVIDER_TIMEOUT_MS;
    // The SDK has no timeout of its own but passes a signal to fetch; one deadline covers the DNS check too.
    const signal = AbortSignal.timeout(timeoutMs);
    const pool = dispatcherPool(baseUrl, apiGuard(PROVIDER, config));
    const result = await withConnections(options?.keepAlive, pool.kind, pool.open, async (dispatcher) => {
      try {
        const resend = new Resend(config.apiKey, { baseUrl });
        return await resend.emails.send(email, pinnedRequest({ signal, idempotencyKey: message.idempotencyKey }, dispatcher));
      } catch (error) {
        throw networkError(PROVIDER, baseUrl, error, timeoutMs);
      }
    });
    if (result.error) {
      throw toResendError(result.error, result.headers, { apiKey: config.apiKey, url: baseUrl, timeoutMs, timedOut: signal.aborted });
    }
    const id = typeof result.data?.id === "string" ? result.data.id.trim() : "";
    // The message is accepted either way; a missing id must not become an error (the outbox would send it again).
    return { messageId: id || `unknown-${randomUUID()}` };
  },
});
