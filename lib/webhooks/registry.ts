import type { ErrorCode } from "@/lib/errors/codes";
import { mailgun } from "./mailgun";
import { postmark } from "./postmark";
import { resend } from "./resend";
import { sendgrid } from "./sendgrid";
import { ses } from "./ses";
import type { DeliveryEvent, WebhookProviderId, WebhookRequest, WebhookSettings } from "./types";

/**
 * The providers whose webhooks /api/webhooks/<provider> answers, one module
 * each (lib/webhooks/<provider>/index.ts). A module only checks and reads:
 * lib/webhooks/receive.ts reads the body (capped) and the settings, and
 * lib/webhooks/apply.ts writes what the module returns, once per event id.
 *
 * `receive(request, settings, now)`:
 * - checks the request the provider's way (signature, credentials) against
 *   `settings` (loadEndpointSettings: secrets already opened), and a signed
 *   timestamp against `now` (lib/webhooks/verify.ts: isFresh);
 * - reads the body (the whole raw text is in `request.body`) into
 *   DeliveryEvents, skipping event types that say nothing about delivery
 *   (opens, clicks, "processed"): those are a success with no events;
 * - never throws on anything a request can contain. It answers
 *   `{ ok: false, code }` with `webhook_signature_invalid` or
 *   `webhook_timestamp_stale` (401), or `invalid_json` / `invalid_request`
 *   (400) for a body that is not the provider's format; `headers` go on the
 *   refusal (Postmark's WWW-Authenticate);
 * - may do what the provider's protocol asks beyond events (SNS's
 *   SubscriptionConfirmation: fetch its SubscribeURL), then answers with
 *   no events. `type` is what the console shows as the last event received.
 *
 * A provider is added by one line in WEBHOOK_RECEIVERS; a provider that is
 * not in it, or not set up in the console, is answered 404.
 */
export type WebhookRefusal = Extract<
  ErrorCode,
  "webhook_signature_invalid" | "webhook_timestamp_stale" | "webhook_wrong_topic" | "webhook_upstream_unavailable" | "invalid_json" | "invalid_request"
>;

export type WebhookVerdict =
  /**
   * `nonce`: for a provider whose signature does not cover the body
   * (Mailgun signs only a timestamp and a token), the signed value that must
   * not come back with other events (lib/webhooks/apply.ts: claimNonce).
   */
  | { ok: true; type: string; events: DeliveryEvent[]; nonce?: string }
  | { ok: false; code: WebhookRefusal; headers?: Record<string, string> };

export type WebhookProvider<P extends WebhookProviderId> = {
  id: P;
  /** The provider's name, for people (docs, logs). */
  name: string;
  receive(request: WebhookRequest, settings: WebhookSettings[P], now: Date): Promise<WebhookVerdict>;
};

type Registry = { readonly [P in WebhookProviderId]?: WebhookProvider<P> };

export const WEBHOOK_RECEIVERS: Registry = { ses, sendgrid, mailgun, postmark, resend };
