import { z } from "zod";
import type { DeliveryEvent, DeliveryStatus } from "../types";
import { dateOf, parseJson } from "../verify";

/**
 * What SES publishes to SNS, as DeliveryEvents. Two formats reach the same
 * topic: an identity's feedback notifications (`notificationType`) and a
 * configuration set's event publishing (`eventType`); their bounce,
 * complaint and delivery objects are the same, so one parser reads both.
 * https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */

const text = z.string().optional().catch(undefined);
const addresses = z.array(z.object({ emailAddress: z.string(), status: text, action: text, diagnosticCode: text })).catch([]);

const notificationSchema = z.object({
  notificationType: text,
  eventType: text,
  mail: z.object({ messageId: z.string() }).optional().catch(undefined),
  bounce: z.object({ bounceType: text, bounceSubType: text, bouncedRecipients: addresses, timestamp: text }).optional().catch(undefined),
  complaint: z
    .object({ complainedRecipients: addresses, complaintFeedbackType: text, complaintSubType: z.string().nullish().catch(undefined), timestamp: text })
    .optional()
    .catch(undefined),
  delivery: z.object({ recipients: z.array(z.string()).catch([]), smtpResponse: text, timestamp: text }).optional().catch(undefined),
  deliveryDelay: z.object({ delayedRecipients: addresses, delayType: text, timestamp: text }).optional().catch(undefined),
  reject: z.object({ reason: text }).optional().catch(undefined),
});

type Notification = z.infer<typeof notificationSchema>;
type Found = { status: DeliveryStatus; permanent: boolean; recipients: string[]; detail: string[]; timestamp: string | undefined };

const MAX_DETAIL = 500;

/** The words of one recipient's entry: the remote server's answer when there is one, else its status code or action. */
const said = (entry: { diagnosticCode?: string; status?: string; action?: string }) => entry.diagnosticCode ?? entry.status ?? entry.action ?? "";

/**
 * - Bounce, Permanent: the address does not exist; `bounced`, permanent (the suppression list takes it).
 * - Bounce, Transient or Undetermined: SES has already stopped retrying this
 *   message when it reports one (a full mailbox, a message too large), so it
 *   is `bounced` rather than `deferred`, but not permanent: the address may
 *   take the next message.
 * - DeliveryDelay: SES is still retrying, `deferred`.
 * - Reject: SES found a virus and never tried; the message did not arrive, so `bounced`, not permanent.
 * Send, Open, Click, Rendering Failure and Subscription say nothing about arrival and give no events.
 */
function classify(kind: string, n: Notification): Found | null {
  if (kind === "Bounce" && n.bounce) {
    const { bounceType, bounceSubType, bouncedRecipients } = n.bounce;
    const kindText = [bounceType, bounceSubType].filter(Boolean).join("/");
    return {
      status: "bounced",
      permanent: bounceType === "Permanent",
      recipients: bouncedRecipients.map((r) => r.emailAddress),
      detail: bouncedRecipients.map((r) => [kindText, said(r)].filter(Boolean).join(": ")),
      timestamp: n.bounce.timestamp,
    };
  }
  if (kind === "Complaint" && n.complaint) {
    const { complainedRecipients, complaintFeedbackType, complaintSubType } = n.complaint;
    const detail = complaintFeedbackType ?? complaintSubType ?? "complaint";
    return { status: "complained", permanent: false, recipients: complainedRecipients.map((r) => r.emailAddress), detail: complainedRecipients.map(() => detail), timestamp: n.complaint.timestamp };
  }
  if (kind === "Delivery" && n.delivery) {
    const { recipients, smtpResponse = "" } = n.delivery;
    return { status: "delivered", permanent: false, recipients, detail: recipients.map(() => smtpResponse), timestamp: n.delivery.timestamp };
  }
  if (kind === "DeliveryDelay" && n.deliveryDelay) {
    const { delayedRecipients, delayType } = n.deliveryDelay;
    return {
      status: "deferred",
      permanent: false,
      recipients: delayedRecipients.map((r) => r.emailAddress),
      detail: delayedRecipients.map((r) => [delayType, said(r)].filter(Boolean).join(": ")),
      timestamp: n.deliveryDelay.timestamp,
    };
  }
  if (kind === "Reject") {
    // A rejected message names no recipients of its own; the event is about the message.
    return { status: "bounced", permanent: false, recipients: [""], detail: [`Rejected: ${n.reject?.reason ?? ""}`.trim()], timestamp: undefined };
  }
  return null;
}

/**
 * One DeliveryEvent per recipient of an SNS notification's `Message`.
 * `snsMessageId` is unique per published message and kept by SNS's retries,
 * so `<it>:<recipient index>` is the event id a redelivery repeats.
 * A message that is not an SES notification (anything else published to the
 * topic) gives no events rather than a refusal: SNS would only retry it.
 */
export function sesEvents(message: string, snsMessageId: string, sentAt: Date): { type: string; events: DeliveryEvent[] } {
  const json = parseJson(message);
  if (json === undefined) return { type: "Notification", events: [] };
  const parsed = notificationSchema.safeParse(json);
  if (!parsed.success) return { type: "Notification", events: [] };
  const n = parsed.data;
  const kind = n.eventType ?? n.notificationType ?? "Notification";
  const found = classify(kind, n);
  if (!found) return { type: kind, events: [] };
  const occurredAt = dateOf(found.timestamp, sentAt);
  const events = found.recipients.map((recipient, index) => ({
    eventId: `${snsMessageId}:${index}`,
    type: kind,
    status: found.status,
    permanent: found.permanent,
    recipient: recipient || null,
    providerMessageId: n.mail?.messageId ?? null,
    occurredAt,
    detail: (found.detail[index] ?? "").slice(0, MAX_DETAIL),
  }));
  return { type: kind, events };
}
