import { describe, expect, it } from "vitest";
import { sesEvents } from "./events";

// Shaped after the examples in the SES developer guide (notification contents and event publishing contents).
const mail = { timestamp: "2026-12-07T08:00:00.000Z", messageId: "ses-id-1", source: "noreply@example.com", destination: ["a@example.com", "b@example.com"] };
const SENT_AT = new Date("2026-12-07T08:00:05.000Z");
const events = (message: unknown) => sesEvents(typeof message === "string" ? message : JSON.stringify(message), "sns-1", SENT_AT);

describe("SES notifications as delivery events", () => {
  it("reads event publishing's eventType like notificationType: a transient bounce is bounced, not permanent", () => {
    const result = events({
      eventType: "Bounce",
      mail,
      bounce: { bounceType: "Transient", bounceSubType: "MailboxFull", bouncedRecipients: [{ emailAddress: "a@example.com", status: "4.2.2", diagnosticCode: "smtp; 452 mailbox full" }], timestamp: "2026-12-07T08:10:00.000Z" },
    });
    expect(result).toEqual({
      type: "Bounce",
      events: [
        {
          eventId: "sns-1:0",
          type: "Bounce",
          status: "bounced",
          permanent: false,
          recipient: "a@example.com",
          providerMessageId: "ses-id-1",
          occurredAt: new Date("2026-12-07T08:10:00.000Z"),
          detail: "Transient/MailboxFull: smtp; 452 mailbox full",
        },
      ],
    });
  });

  it("gives a complaint per complaining recipient, with its feedback type", () => {
    const result = events({ notificationType: "Complaint", mail, complaint: { complainedRecipients: [{ emailAddress: "a@example.com" }], complaintFeedbackType: "abuse", timestamp: "2026-12-07T09:00:00.000Z" } });
    expect(result.events).toEqual([expect.objectContaining({ eventId: "sns-1:0", status: "complained", recipient: "a@example.com", detail: "abuse" })]);
  });

  it("gives a delivery per recipient, with the receiving server's answer", () => {
    const result = events({ eventType: "Delivery", mail, delivery: { recipients: ["a@example.com", "b@example.com"], smtpResponse: "250 2.0.0 OK", timestamp: "2026-12-07T08:00:02.000Z" } });
    expect(result.events.map((e) => [e.eventId, e.status, e.recipient, e.detail])).toEqual([
      ["sns-1:0", "delivered", "a@example.com", "250 2.0.0 OK"],
      ["sns-1:1", "delivered", "b@example.com", "250 2.0.0 OK"],
    ]);
  });

  it("makes a delivery delay deferred", () => {
    const result = events({
      eventType: "DeliveryDelay",
      mail,
      deliveryDelay: { delayType: "TransientCommunicationFailure", delayedRecipients: [{ emailAddress: "b@example.com", status: "4.4.1", diagnosticCode: "smtp; 421 try later" }], timestamp: "2026-12-07T08:30:00.000Z" },
    });
    expect(result.events).toEqual([expect.objectContaining({ status: "deferred", recipient: "b@example.com", detail: "TransientCommunicationFailure: smtp; 421 try later" })]);
  });

  it("makes a reject one bounced event about the message, at the time SNS published it", () => {
    const result = events({ eventType: "Reject", mail, reject: { reason: "Bad content" } });
    expect(result.events).toEqual([expect.objectContaining({ status: "bounced", permanent: false, recipient: null, providerMessageId: "ses-id-1", detail: "Rejected: Bad content", occurredAt: SENT_AT })]);
  });

  it("gives no events for what says nothing about arrival, or is not an SES notification", () => {
    expect(events({ eventType: "Open", mail, open: { ipAddress: "192.0.2.1" } })).toEqual({ type: "Open", events: [] });
    expect(events({ eventType: "Send", mail, send: {} })).toEqual({ type: "Send", events: [] });
    expect(events("hello")).toEqual({ type: "Notification", events: [] });
    expect(events([1, 2])).toEqual({ type: "Notification", events: [] });
  });

  it("keeps what it can of a malformed notification: a bad recipient list gives no events, not an error", () => {
    expect(events({ notificationType: "Bounce", mail, bounce: { bounceType: "Permanent", bouncedRecipients: "nobody" } })).toEqual({ type: "Bounce", events: [] });
    expect(events({ notificationType: "Delivery", delivery: { recipients: ["a@example.com"] } }).events).toEqual([expect.objectContaining({ providerMessageId: null, detail: "", occurredAt: SENT_AT })]);
  });
});
