import { EventWebhook, EventWebhookHeader } from "@sendgrid/eventwebhook";
import type { WebhookProvider } from "../registry";
import type { DeliveryEvent } from "../types";
import { accept, dateOf, isFresh, isRecord, parseJson, refuse, textOf } from "../verify";

/**
 * SendGrid's Event Webhook with the Signed Event Webhook turned on: an ECDSA
 * (P-256, SHA-256) signature over the timestamp header followed by the raw
 * body, checked with SendGrid's own @sendgrid/eventwebhook against the
 * verification key from Mail Settings. The body is a batch: a JSON array of
 * events, each with its `sg_event_id`.
 */
const verifier = new EventWebhook();

function signedBySendGrid(publicKey: string, body: string, signature: string, timestamp: string): boolean {
  try {
    return verifier.verifySignature(verifier.convertPublicKeyToECDSA(publicKey), body, signature, timestamp);
  } catch {
    // A signature (or a stored key) that is not base64 DER of the right shape.
    return false;
  }
}

/**
 * Our connector stores the X-Message-Id SendGrid answered the send with;
 * events carry it followed by the filter that handled the message
 * (`14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0`,
 * `W86EgYT6SQKk0lRflfLRsA.filterdrecv-…`). The older ids have dots of their
 * own, so the cut is at ".filter" when there is one.
 */
export function sendGridMessageId(value: unknown): string | null {
  const id = textOf(value);
  if (!id) return null;
  const filter = id.indexOf(".filter");
  return filter > 0 ? id.slice(0, filter) : id.split(".")[0]!;
}

type Outcome = Pick<DeliveryEvent, "status" | "permanent" | "detail">;

const words = (...parts: unknown[]) => parts.map(textOf).filter(Boolean).join(" ");

/** What an event says about delivery; null for the ones that say nothing (processed, open, click, …). */
function outcomeOf(event: Record<string, unknown>): Outcome | null {
  switch (event.event) {
    case "delivered":
      return { status: "delivered", permanent: false, detail: words(event.response) };
    case "deferred":
      return { status: "deferred", permanent: false, detail: words(event.response, event.attempt ? `(attempt ${textOf(event.attempt)})` : null) };
    case "bounce":
      // "blocked" is a refusal for now (reputation, content, a full mailbox); "bounce" is an address that does not take mail.
      return { status: "bounced", permanent: event.type !== "blocked", detail: words(event.status, event.reason, event.bounce_classification ? `[${textOf(event.bounce_classification)}]` : null) };
    case "dropped":
      // SendGrid did not even try: the address is on one of its lists, or the message was refused before sending.
      if (event.reason === "Spam Reporting Address") return { status: "complained", permanent: false, detail: "Dropped: the recipient reported earlier mail as spam" };
      return { status: "bounced", permanent: event.reason === "Bounced Address", detail: words("Dropped:", event.reason) };
    case "spamreport":
      return { status: "complained", permanent: false, detail: "Reported as spam" };
    default:
      return null;
  }
}

export const sendgrid: WebhookProvider<"sendgrid"> = {
  id: "sendgrid",
  name: "SendGrid",
  async receive(request, settings, now) {
    const signature = request.headers.get(EventWebhookHeader.SIGNATURE()) ?? "";
    const timestamp = request.headers.get(EventWebhookHeader.TIMESTAMP()) ?? "";
    if (!signature || !timestamp) return refuse("webhook_signature_invalid");
    if (!isFresh(timestamp, now)) return refuse("webhook_timestamp_stale");
    if (!signedBySendGrid(settings.publicKey, request.body, signature, timestamp)) return refuse("webhook_signature_invalid");
    const batch = parseJson(request.body);
    if (batch === undefined) return refuse("invalid_json");
    if (!Array.isArray(batch)) return refuse("invalid_request");
    const events: DeliveryEvent[] = [];
    for (const event of batch.filter(isRecord)) {
      const eventId = textOf(event.sg_event_id);
      const outcome = outcomeOf(event);
      if (!eventId || !outcome) continue;
      events.push({
        eventId,
        type: String(event.event),
        ...outcome,
        recipient: textOf(event.email),
        providerMessageId: sendGridMessageId(event.sg_message_id),
        // The Message-ID header: for a message sent through SendGrid's SMTP relay, what the smtp connector stored.
        headerMessageId: textOf(event["smtp-id"]),
        occurredAt: dateOf(event.timestamp, now),
      });
    }
    return accept(batchType(batch), events);
  },
};

/** The event names in the batch, for the console's "last event". */
const batchType = (batch: unknown[]) => [...new Set(batch.filter(isRecord).map((event) => textOf(event.event)).filter(Boolean))].join(", ") || "empty batch";
