import type https from "node:https";
import type { WebhookProvider, WebhookVerdict } from "../registry";
import type { WebhookRequest, WebhookSettings } from "../types";
import { sesEvents } from "./events";
import { confirmSubscription, createSignatureChecker, isFresh, isSubscribeUrl, parseSnsMessage, snsAgent } from "./sns";

/**
 * Amazon SES's webhook: SES publishes to an SNS topic, SNS posts each
 * message to /api/webhooks/ses. Only the saved topic's messages are taken,
 * and only once their signature verifies and their timestamp is recent.
 * Its subscription confirmation is answered by visiting the SubscribeURL,
 * so the operator only has to subscribe the URL at SNS.
 */

/** The provider with its HTTPS agent for SNS given: tests point it at their own certificate server. */
export function createSesProvider(agent: https.Agent): WebhookProvider<"ses"> {
  const checkSignature = createSignatureChecker(agent);

  async function receive(request: WebhookRequest, settings: WebhookSettings["ses"], now: Date): Promise<WebhookVerdict> {
    const message = parseSnsMessage(request.body);
    // Also what a subscription with raw message delivery posts: SES's JSON without SNS's envelope, so unsigned.
    if (!message) return { ok: false, code: "invalid_request" };
    // Before the signature: another topic's messages do not get us to download certificates.
    if (message.TopicArn !== settings.topicArn) return { ok: false, code: "webhook_wrong_topic" };
    const signature = await checkSignature(request.body);
    if (signature === "invalid") return { ok: false, code: "webhook_signature_invalid" };
    if (signature === "unavailable") return { ok: false, code: "webhook_upstream_unavailable" };
    if (!isFresh(message.Timestamp, now)) return { ok: false, code: "webhook_timestamp_stale" };

    if (message.Type === "SubscriptionConfirmation") {
      // Signed by SNS for our topic; the host check is belt and braces before we make a request on its say-so.
      if (!isSubscribeUrl(message.SubscribeURL, settings.topicArn)) return { ok: false, code: "invalid_request" };
      const confirmed = await confirmSubscription(message.SubscribeURL, agent);
      return confirmed ? { ok: true, events: [], type: message.Type } : { ok: false, code: "webhook_upstream_unavailable" };
    }
    // The subscription was removed at SNS; nothing to do but acknowledge it.
    if (message.Type === "UnsubscribeConfirmation") return { ok: true, events: [], type: message.Type };
    return { ok: true, ...sesEvents(message.Message, message.MessageId, new Date(message.Timestamp)) };
  }

  return { id: "ses", name: "Amazon SES", receive };
}

export const ses = createSesProvider(snsAgent());
