import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteEndpoint, saveEndpointSettings } from "@/lib/webhooks/store";
import { address, delivery, post, sentMessage, suppression, unixNow } from "./webhook-client";

/**
 * SendGrid's Signed Event Webhook through the real route: batches in the
 * Event Webhook's documented shape, signed as SendGrid signs them (ECDSA
 * P-256 over timestamp + body, DER, base64) with a key pair made here.
 */
const keys = () => generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const { privateKey, publicKey } = keys();

const signed = (body: string, timestamp = unixNow(), key: KeyObject = privateKey) => ({
  "X-Twilio-Email-Event-Webhook-Signature": sign("sha256", Buffer.from(timestamp + body), key).toString("base64"),
  "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
});

const send = (events: object[], timestamp?: string, key?: KeyObject) => {
  const body = JSON.stringify(events);
  return post("sendgrid", body, signed(body, timestamp, key));
};

/** An X-Message-Id as SendGrid answers a send with (what our connector stores). */
const xMessageId = () => randomUUID().replaceAll("-", "").slice(0, 22);

/** One event as the Event Webhook reference shows it; `sg_message_id` is the X-Message-Id plus the filter. */
const event = (fields: { event: string; email: string; xId: string } & Record<string, unknown>) => {
  const { xId, ...rest } = fields;
  return {
    timestamp: Math.floor(Date.now() / 1000),
    "smtp-id": `<${xId}@ismtpd-555>`,
    category: "cat facts",
    sg_event_id: randomUUID(),
    sg_message_id: `${xId}.filterdrecv-5bd6dfb8b9-lg5tv-1-5F5A5C2E-1B.0`,
    ...rest,
  };
};

beforeAll(async () => {
  await saveEndpointSettings("sendgrid", { publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64") }, "test");
});

describe("SendGrid's Event Webhook", () => {
  it("applies a batch: delivered, a hard bounce (suppressed), a block (not suppressed), a spam report", async () => {
    const [delivered, bounced, blocked, reported] = ["delivered", "bounced", "blocked", "reported"].map(address) as [string, string, string, string];
    const ids = [xMessageId(), xMessageId(), xMessageId(), xMessageId()] as const;
    const rows = await Promise.all([delivered, bounced, blocked, reported].map((to, i) => sentMessage(to, ids[i]!, "sendgrid")));
    const answer = await send([
      event({ event: "processed", email: delivered, xId: ids[0] }),
      event({ event: "delivered", email: delivered, xId: ids[0], response: "250 OK" }),
      event({ event: "bounce", email: bounced, xId: ids[1], type: "bounce", status: "5.1.1", reason: "550 5.1.1 The email account that you tried to reach does not exist", bounce_classification: "Invalid Address" }),
      event({ event: "bounce", email: blocked, xId: ids[2], type: "blocked", status: "4.0.0", reason: "421 Too many connections", bounce_classification: "Frequency or Volume Too High" }),
      event({ event: "spamreport", email: reported, xId: ids[3] }),
      event({ event: "open", email: delivered, xId: ids[0], useragent: "Mozilla/5.0", ip: "255.255.255.255" }),
    ]);
    expect(answer).toMatchObject({ status: 200, json: { received: 4, applied: 4, duplicates: 0 } });
    expect(await delivery(rows[0]!)).toMatchObject({ deliveryStatus: "delivered", deliveryDetail: "250 OK" });
    expect(await delivery(rows[1]!)).toMatchObject({ deliveryStatus: "bounced", deliveryDetail: expect.stringContaining("does not exist") });
    expect(await delivery(rows[2]!)).toMatchObject({ deliveryStatus: "bounced" });
    expect(await delivery(rows[3]!)).toMatchObject({ deliveryStatus: "complained" });
    expect(await suppression(bounced)).toMatchObject({ reason: "hard_bounce", provider: "sendgrid", messageId: rows[1] });
    expect(await suppression(reported)).toMatchObject({ reason: "complaint", provider: "sendgrid", messageId: rows[3] });
    expect(await suppression(blocked)).toBeNull();
    expect(await suppression(delivered)).toBeNull();
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { provider: "sendgrid" } });
    expect(endpoint.lastEventType).toBe("processed, delivered, bounce, spamreport, open");
  });

  it("suppresses an address SendGrid dropped as already bounced", async () => {
    const to = address("dropped");
    const xId = xMessageId();
    await sentMessage(to, xId, "sendgrid");
    expect((await send([event({ event: "dropped", email: to, xId, reason: "Bounced Address", status: "5.0.0" })])).status).toBe(200);
    expect(await suppression(to)).toMatchObject({ reason: "hard_bounce", detail: "Dropped: Bounced Address" });
  });

  it("finds a message sent through SendGrid's SMTP relay by its Message-ID (smtp-id)", async () => {
    const to = address("relayed");
    const header = `<${randomUUID()}@webhooks.test>`;
    const row = await sentMessage(to, header, "smtp");
    expect((await send([{ ...event({ event: "delivered", email: to, xId: xMessageId() }), "smtp-id": header }])).status).toBe(200);
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "delivered" });
  });

  it("keeps a bounce when a delivery report comes after it, and a redelivered batch changes nothing", async () => {
    const to = address("late");
    const xId = xMessageId();
    const row = await sentMessage(to, xId, "sendgrid");
    const batch = [event({ event: "deferred", email: to, xId, response: "400 try again later", attempt: "1" }), event({ event: "bounce", email: to, xId, type: "bounce", reason: "550 no such user" })];
    expect((await send(batch)).json).toMatchObject({ applied: 2 });
    expect((await send([event({ event: "delivered", email: to, xId, response: "250 OK" })])).status).toBe(200);
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "bounced", deliveryDetail: "550 no such user" });
    const first = await suppression(to);
    // The same batch again (SendGrid retries what was not answered 2xx in time): answered 200, applied never.
    expect(await send(batch)).toMatchObject({ status: 200, json: { received: 2, applied: 0, duplicates: 2 } });
    expect(await suppression(to)).toEqual(first);
    expect(await db.webhookEvent.count({ where: { provider: "sendgrid", eventId: { in: batch.map((e) => e.sg_event_id) } } })).toBe(2);
  });

  it("refuses a batch signed with another key, or not signed, and changes nothing", async () => {
    const to = address("forged");
    const xId = xMessageId();
    const row = await sentMessage(to, xId, "sendgrid");
    const forged = [event({ event: "bounce", email: to, xId, type: "bounce", reason: "550 no such user" })];
    const answer = await send(forged, undefined, keys().privateKey);
    expect(answer).toMatchObject({ status: 401, json: { error: { code: "webhook_signature_invalid" } } });
    expect((await post("sendgrid", JSON.stringify(forged))).status).toBe(401);
    // Signed, then altered on the way.
    const body = JSON.stringify(forged);
    const tampered = await post("sendgrid", body.replace("550", "551"), signed(body));
    expect(tampered).toMatchObject({ status: 401, json: { error: { code: "webhook_signature_invalid" } } });
    expect(await delivery(row)).toMatchObject({ deliveryStatus: null });
    expect(await suppression(to)).toBeNull();
  });

  it("refuses a correctly signed batch whose timestamp is more than five minutes off", async () => {
    const to = address("stale");
    const batch = [event({ event: "spamreport", email: to, xId: xMessageId() })];
    expect(await send(batch, unixNow(-6 * 60))).toMatchObject({ status: 401, json: { error: { code: "webhook_timestamp_stale" } } });
    expect(await send(batch, unixNow(6 * 60))).toMatchObject({ status: 401, json: { error: { code: "webhook_timestamp_stale" } } });
    expect(await suppression(to)).toBeNull();
    // Within the window it is taken.
    expect((await send(batch, unixNow(-4 * 60))).status).toBe(200);
  });

  it("answers 400 to a signed body that is not a JSON array of events", async () => {
    for (const body of ["{not json", '{"event":"bounce"}']) {
      const answer = await post("sendgrid", body, signed(body));
      expect(answer.status, body).toBe(400);
    }
  });

  it("answers 404 once the webhook is removed", async () => {
    await deleteEndpoint("sendgrid");
    try {
      const answer = await send([event({ event: "delivered", email: address("gone"), xId: xMessageId() })]);
      expect(answer).toMatchObject({ status: 404, json: { error: { code: "webhook_not_configured" } } });
    } finally {
      await saveEndpointSettings("sendgrid", { publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64") }, "test");
    }
  });
});
