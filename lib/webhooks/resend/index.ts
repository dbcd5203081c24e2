import { Resend } from "resend";
import type { WebhookProvider } from "../registry";
import type { DeliveryEvent } from "../types";
import { accept, dateOf, isFresh, isRecord, parseJson, refuse, textOf } from "../verify";

/**
 * Resend's webhooks, signed by Svix: svix-id, svix-timestamp and
 * svix-signature headers, an HMAC-SHA256 of "id.timestamp.body" under the
 * webhook's `whsec_` secret. Checked with the resend package's own
 * verifier (standardwebhooks underneath).
 */
// The client wants an API key even though verifying a webhook never calls the API; without one it reads RESEND_API_KEY from the environment or throws.
const verifier = new Resend("re_webhook_verification_only").webhooks;

function signedByResend(secret: string, payload: string, headers: { id: string; timestamp: string; signature: string }): boolean {
  try {
    verifier.verify({ payload, headers, webhookSecret: secret });
    return true;
  } catch {
    // WebhookVerificationError, or a secret that is not base64 after whsec_.
    return false;
  }
}

type Outcome = Pick<DeliveryEvent, "status" | "permanent" | "detail">;

function outcomeOf(type: unknown, data: Record<string, unknown>): Outcome | null {
  const part = (name: string) => (isRecord(data[name]) ? data[name] : {});
  switch (type) {
    case "email.delivered":
      return { status: "delivered", permanent: false, detail: "" };
    case "email.delivery_delayed":
      return { status: "deferred", permanent: false, detail: "Delivery delayed" };
    case "email.bounced": {
      const bounce = part("bounce");
      // Resend reports bounces as SES does: Permanent (no such address), Transient or Undetermined.
      const detail = [textOf(bounce.type), textOf(bounce.subType)].filter(Boolean).join("/") + (textOf(bounce.message) ? `: ${textOf(bounce.message)}` : "");
      return { status: "bounced", permanent: bounce.type === "Permanent", detail };
    }
    case "email.complained":
      return { status: "complained", permanent: false, detail: "Reported as spam" };
    case "email.failed":
      return { status: "bounced", permanent: false, detail: textOf(part("failed").reason) ?? "Failed" };
    case "email.suppressed":
      // Resend did not send it: the address is on its suppression list (it bounced or complained before), and
      // every later message would be dropped the same way; suppressed here too, so the code page can say so.
      return { status: "bounced", permanent: true, detail: [textOf(part("suppressed").type), textOf(part("suppressed").message)].filter(Boolean).join(": ") };
    default:
      return null;
  }
}

export const resend: WebhookProvider<"resend"> = {
  id: "resend",
  name: "Resend",
  async receive(request, settings, now) {
    const id = request.headers.get("svix-id") ?? "";
    const timestamp = request.headers.get("svix-timestamp") ?? "";
    const signature = request.headers.get("svix-signature") ?? "";
    if (!id || !timestamp || !signature) return refuse("webhook_signature_invalid");
    // Checked here first so a stale request is told apart from a forged one (the library says both the same way).
    if (!isFresh(timestamp, now)) return refuse("webhook_timestamp_stale");
    if (!signedByResend(settings.signingSecret, request.body, { id, timestamp, signature })) return refuse("webhook_signature_invalid");
    const body = parseJson(request.body);
    if (body === undefined) return refuse("invalid_json");
    if (!isRecord(body) || !isRecord(body.data)) return refuse("invalid_request");
    const type = textOf(body.type) ?? "unknown";
    const outcome = outcomeOf(body.type, body.data);
    if (!outcome) return accept(type, []);
    const to = Array.isArray(body.data.to) ? body.data.to : [body.data.to];
    return accept(type, [
      {
        // Svix sends a redelivery of a message with the same svix-id.
        eventId: id,
        type,
        ...outcome,
        recipient: textOf(to[0]),
        providerMessageId: textOf(body.data.email_id),
        occurredAt: dateOf(body.created_at, now),
      },
    ]);
  },
};
