import { createHmac } from "node:crypto";
import type { WebhookProvider } from "../registry";
import type { DeliveryEvent } from "../types";
import { accept, dateOf, isFresh, isRecord, parseJson, refuse, safeEqual, textOf } from "../verify";

/**
 * Mailgun's webhooks (the JSON kind): the body carries its own signature,
 * `signature: { timestamp, token, signature }`, the hex HMAC-SHA256 of
 * timestamp followed by token under the account's HTTP webhook signing key.
 * Mailgun's SDKs offer no verifier, and the check is one HMAC, so it is
 * done here. One event per request, in `event-data`.
 */
const sign = (key: string, timestamp: string, token: string) => createHmac("sha256", key).update(timestamp + token).digest("hex");

/**
 * Mailgun reports the Message-ID header without angle brackets, as our
 * connector stores the id its API answers with (strip them if they come);
 * the smtp connector stores the header as sent, with them.
 */
const messageIdsOf = (eventData: Record<string, unknown>) => {
  const headers = isRecord(eventData.message) && isRecord(eventData.message.headers) ? eventData.message.headers : {};
  const id = textOf(headers["message-id"])?.replace(/^<(.*)>$/, "$1") ?? null;
  return { providerMessageId: id, headerMessageId: id && `<${id}>` };
};

type Outcome = Pick<DeliveryEvent, "status" | "permanent" | "detail">;

function outcomeOf(data: Record<string, unknown>): Outcome | null {
  const status = isRecord(data["delivery-status"]) ? data["delivery-status"] : {};
  const detail = [textOf(status.code), textOf(status.description) ?? textOf(status.message), data.reason ? `(${textOf(data.reason)})` : null].filter(Boolean).join(" ");
  switch (data.event) {
    case "delivered":
      return { status: "delivered", permanent: false, detail: detail || textOf(status.message) || "" };
    case "failed":
      // Mailgun will try again after a temporary failure: that is a deferral until it gives up with a permanent one.
      if (data.severity !== "permanent") return { status: "deferred", permanent: false, detail };
      // Not sent because the address is on Mailgun's complaints list: it complained before.
      if (data.reason === "suppress-complaint") return { status: "complained", permanent: false, detail };
      // An unsubscribed address is refused for good, but the address works: not a hard bounce.
      return { status: "bounced", permanent: data.reason !== "suppress-unsubscribe", detail };
    case "complained":
      return { status: "complained", permanent: false, detail: "Reported as spam" };
    default:
      return null;
  }
}

export const mailgun: WebhookProvider<"mailgun"> = {
  id: "mailgun",
  name: "Mailgun",
  async receive(request, settings, now) {
    const body = parseJson(request.body);
    if (body === undefined) return refuse("invalid_json");
    if (!isRecord(body) || !isRecord(body.signature) || !isRecord(body["event-data"])) return refuse("invalid_request");
    const timestamp = textOf(body.signature.timestamp);
    const token = textOf(body.signature.token);
    const signature = textOf(body.signature.signature);
    if (!timestamp || !token || !signature) return refuse("webhook_signature_invalid");
    if (!isFresh(timestamp, now)) return refuse("webhook_timestamp_stale");
    if (!safeEqual(signature.toLowerCase(), sign(settings.signingKey, timestamp, token))) return refuse("webhook_signature_invalid");
    const data = body["event-data"];
    const type = textOf(data.event) ?? "unknown";
    const eventId = textOf(data.id);
    const outcome = outcomeOf(data);
    // The signature covers the timestamp and token, not the event: a token must never come back with another event.
    const nonce = `${timestamp}:${token}`;
    if (!eventId || !outcome) return accept(type, [], nonce);
    return accept(
      type,
      [{ eventId, type, ...outcome, recipient: textOf(data.recipient), ...messageIdsOf(data), occurredAt: dateOf(data.timestamp, now) }],
      nonce,
    );
  },
};
