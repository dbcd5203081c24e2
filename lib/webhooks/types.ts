/**
 * Provider webhooks (docs/deliverability.md): each provider reports what
 * became of a message after we handed it over. Every provider's module turns
 * a verified request into DeliveryEvents; lib/webhooks/apply.ts applies
 * them to the outbox and the suppression list, once per event id.
 */
export const WEBHOOK_PROVIDERS = ["ses", "sendgrid", "mailgun", "postmark", "resend"] as const;
export type WebhookProviderId = (typeof WEBHOOK_PROVIDERS)[number];

export const isWebhookProviderId = (value: string): value is WebhookProviderId =>
  (WEBHOOK_PROVIDERS as readonly string[]).includes(value);

/** What the operator gives us per provider to check its requests with. */
export type WebhookSettings = {
  /** The SNS topic SES publishes to: only its messages (and its subscription confirmation) are accepted. */
  ses: { topicArn: string };
  /** The Event Webhook's verification key (base64 DER or PEM, ECDSA P-256), from SendGrid's mail settings. */
  sendgrid: { publicKey: string };
  /** The HTTP webhook signing key, from Mailgun's dashboard. */
  mailgun: { signingKey: string };
  /** Basic-auth credentials we generate, for the operator to put in the webhook URL at Postmark. */
  postmark: { username: string; password: string };
  /** The webhook's signing secret (`whsec_…`), from Resend's dashboard. */
  resend: { signingSecret: string };
};

/** The settings kept sealed at rest; the rest is stored in clear. Listed once. */
export const WEBHOOK_SECRET_FIELDS = {
  ses: [],
  sendgrid: [],
  mailgun: ["signingKey"],
  postmark: ["password"],
  resend: ["signingSecret"],
} as const satisfies { [P in WebhookProviderId]: readonly (keyof WebhookSettings[P])[] };

/** What became of a message, in the order a later report may override an earlier one. */
export const DELIVERY_STATUSES = ["deferred", "delivered", "bounced", "complained"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One provider event, in our words. */
export type DeliveryEvent = {
  /** The provider's own id for the event: a redelivery carries the same one. */
  eventId: string;
  /** The provider's name for the event (`Bounce`, `bounce`, `email.bounced`, …), for the console. */
  type: string;
  status: DeliveryStatus;
  /** For `bounced`: the address will never accept mail (a hard bounce) rather than not now. */
  permanent: boolean;
  /** The address the event is about. */
  recipient: string | null;
  /** The message id the provider answered our send with (EmailMessage.providerMessageId), when it says. */
  providerMessageId: string | null;
  /**
   * The message's Message-ID header, angle brackets included, when the
   * provider reports it: what the smtp connector stores as the provider
   * message id, so a message sent through the provider's SMTP relay is found too.
   */
  headerMessageId?: string | null;
  occurredAt: Date;
  /** The provider's words: a bounce diagnostic, a deferral reason, a complaint type. */
  detail: string;
};

export type WebhookRequest = { method: string; url: URL; headers: Headers; body: string };
