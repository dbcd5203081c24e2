import type { WebhookProvider } from "../registry";
import type { DeliveryEvent, WebhookSettings } from "../types";
import { accept, dateOf, isRecord, parseJson, refuse, safeEqual, textOf } from "../verify";

/**
 * Postmark's Bounce, Spam Complaint and Delivery webhooks. Postmark signs
 * nothing: the webhook URL carries basic-auth credentials we generated
 * (https://user:password@host/api/webhooks/postmark), sent as an
 * Authorization header. There is no signed timestamp either, so a captured
 * request could be sent again: only the event id makes that harmless (an
 * event is applied once, lib/webhooks/apply.ts).
 */
const CHALLENGE = { "WWW-Authenticate": 'Basic realm="Mailgate webhooks", charset="UTF-8"' };

function authorized(header: string | null, settings: WebhookSettings["postmark"]): boolean {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "")?.[1];
  if (!encoded) return false;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  // Both compared, always: which one was wrong is not told by the time taken.
  const user = safeEqual(decoded.slice(0, colon), settings.username);
  const password = safeEqual(decoded.slice(colon + 1), settings.password);
  return user && password;
}

type Outcome = Pick<DeliveryEvent, "status" | "permanent">;

/** Replies from the mailbox rather than failures to deliver: they change nothing about the message. */
const NOT_DELIVERY = new Set(["AutoResponder", "AddressChange", "Subscribe", "Unsubscribe", "ChallengeVerification", "OpenRelayTest"]);

/** Postmark's bounce types (its Bounce API's list) in our words. */
function bounceOutcome(type: string): Outcome | null {
  if (NOT_DELIVERY.has(type)) return null;
  if (type === "SpamComplaint") return { status: "complained", permanent: false };
  // "Message delayed": Postmark keeps trying.
  if (type === "Transient") return { status: "deferred", permanent: false };
  // An address that does not exist or cannot be one; every other type (a soft bounce, a DNS error, a block, a DMARC refusal…) failed this message only.
  return { status: "bounced", permanent: type === "HardBounce" || type === "BadEmailAddress" };
}

const detailOf = (record: Record<string, unknown>) => [textOf(record.Description), textOf(record.Details)].filter(Boolean).join(" ").slice(0, 1000);

function toEvent(record: Record<string, unknown>, now: Date): DeliveryEvent | null | "malformed" {
  const messageId = textOf(record.MessageID);
  switch (record.RecordType) {
    case "Delivery":
      if (!messageId) return "malformed";
      return {
        eventId: `${messageId}:delivery`,
        type: "Delivery",
        status: "delivered",
        permanent: false,
        recipient: textOf(record.Recipient),
        providerMessageId: messageId,
        occurredAt: dateOf(record.DeliveredAt, now),
        detail: textOf(record.Details) ?? "",
      };
    case "Bounce":
    case "SpamComplaint": {
      const id = textOf(record.ID);
      if (!id) return "malformed";
      const outcome = bounceOutcome(record.RecordType === "SpamComplaint" ? "SpamComplaint" : (textOf(record.Type) ?? "Unknown"));
      if (!outcome) return null;
      return {
        // Postmark's IDs are 64-bit: JSON.parse rounds the largest, so the message id keeps two apart.
        eventId: `${id}:${messageId ?? ""}`,
        type: textOf(record.Type) ?? record.RecordType,
        ...outcome,
        recipient: textOf(record.Email),
        providerMessageId: messageId,
        occurredAt: dateOf(record.BouncedAt, now),
        detail: detailOf(record),
      };
    }
    default:
      // Opens, clicks, subscription changes: nothing about delivery.
      return null;
  }
}

export const postmark: WebhookProvider<"postmark"> = {
  id: "postmark",
  name: "Postmark",
  async receive(request, settings, now) {
    if (!authorized(request.headers.get("authorization"), settings)) return refuse("webhook_signature_invalid", CHALLENGE);
    const record = parseJson(request.body);
    if (record === undefined) return refuse("invalid_json");
    if (!isRecord(record)) return refuse("invalid_request");
    const event = toEvent(record, now);
    if (event === "malformed") return refuse("invalid_request");
    return accept(textOf(record.RecordType) ?? "unknown", event ? [event] : []);
  },
};
