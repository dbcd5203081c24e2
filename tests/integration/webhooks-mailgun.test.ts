import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveEndpointSettings } from "@/lib/webhooks/store";
import { address, delivery, post, sentMessage, suppression, unixNow } from "./webhook-client";

/**
 * Mailgun's webhooks through the real route: JSON bodies in the documented
 * shape (`signature` + `event-data`), signed as Mailgun signs them (hex
 * HMAC-SHA256 of timestamp + token under the signing key), with a key made here.
 */
const signingKey = randomBytes(16).toString("hex");

/** A Message-ID as Mailgun's API answers it (`<…>`) and as our connector stores it (without the brackets). */
const messageId = () => `${Date.now()}.${randomUUID().slice(0, 8)}@mg.webhooks.test`;

function body(eventData: Record<string, unknown>, options: { timestamp?: string; key?: string } = {}) {
  const timestamp = options.timestamp ?? unixNow();
  const token = randomBytes(25).toString("hex");
  const signature = createHmac("sha256", options.key ?? signingKey).update(timestamp + token).digest("hex");
  return JSON.stringify({ signature: { timestamp, token, signature }, "event-data": { id: randomUUID(), timestamp: Number(timestamp) + 0.329574, ...eventData } });
}

const eventData = (event: string, recipient: string, id: string, extra: Record<string, unknown> = {}) => ({
  event,
  recipient,
  "log-level": event === "delivered" ? "info" : "error",
  message: { headers: { to: recipient, "message-id": id, from: "Mailgate <no-reply@webhooks.test>", subject: "123456 is your code" }, attachments: [], size: 1111 },
  ...extra,
});

beforeAll(async () => {
  await saveEndpointSettings("mailgun", { signingKey }, "test");
});

describe("Mailgun's webhooks", () => {
  it("marks a message delivered", async () => {
    const to = address("delivered");
    const id = messageId();
    const row = await sentMessage(to, id, "mailgun");
    const answer = await post("mailgun", body(eventData("delivered", to, id, { "delivery-status": { code: 250, message: "OK", description: "" } })));
    expect(answer).toMatchObject({ status: 200, json: { received: 1, applied: 1 } });
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "delivered" });
  });

  it("finds a message sent through Mailgun's SMTP relay by the Message-ID the smtp connector stored", async () => {
    const to = address("relayed");
    const id = messageId();
    const row = await sentMessage(to, `<${id}>`, "smtp");
    expect((await post("mailgun", body(eventData("delivered", to, id)))).status).toBe(200);
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "delivered" });
  });

  it("suppresses a permanent failure and only defers a temporary one", async () => {
    const [hard, soft] = [address("hard"), address("soft")];
    const [hardId, softId] = [messageId(), messageId()];
    const [hardRow, softRow] = [await sentMessage(hard, hardId, "mailgun"), await sentMessage(soft, softId, "mailgun")];
    const permanent = eventData("failed", hard, `<${hardId}>`, {
      severity: "permanent",
      reason: "bounce",
      "delivery-status": { code: 550, message: "5.1.1 The email account that you tried to reach does not exist.", description: "", "attempt-no": 1 },
    });
    const temporary = eventData("failed", soft, softId, { severity: "temporary", reason: "generic", "delivery-status": { code: 452, message: "4.2.2 The email account that you tried to reach is over quota.", "attempt-no": 1 } });
    expect((await post("mailgun", body(permanent))).status).toBe(200);
    expect((await post("mailgun", body(temporary))).status).toBe(200);
    // Reported with angle brackets, stored without: the same message.
    expect(await delivery(hardRow)).toMatchObject({ deliveryStatus: "bounced", deliveryDetail: expect.stringContaining("does not exist") });
    expect(await suppression(hard)).toMatchObject({ reason: "hard_bounce", provider: "mailgun", messageId: hardRow });
    expect(await delivery(softRow)).toMatchObject({ deliveryStatus: "deferred", deliveryDetail: expect.stringContaining("over quota") });
    expect(await suppression(soft)).toBeNull();
  });

  it("suppresses a complaint, once, however often Mailgun sends it", async () => {
    const to = address("complained");
    const id = messageId();
    const row = await sentMessage(to, id, "mailgun");
    const complaint = body(eventData("complained", to, id));
    expect(await post("mailgun", complaint)).toMatchObject({ status: 200, json: { applied: 1 } });
    const first = await suppression(to);
    expect(first).toMatchObject({ reason: "complaint", messageId: row });
    expect(await post("mailgun", complaint)).toMatchObject({ status: 200, json: { applied: 0, duplicates: 1 } });
    // A delivery report arriving late does not hide the complaint.
    expect((await post("mailgun", body(eventData("delivered", to, id)))).status).toBe(200);
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "complained" });
    expect(await suppression(to)).toEqual(first);
  });

  it("applies an event once when two deliveries of it arrive at the same time", async () => {
    const to = address("concurrent");
    const id = messageId();
    await sentMessage(to, id, "mailgun");
    const complaint = body(eventData("complained", to, id));
    const answers = await Promise.all([post("mailgun", complaint), post("mailgun", complaint), post("mailgun", complaint)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.reduce((sum, answer) => sum + (answer.json?.applied ?? 0), 0)).toBe(1);
    expect(await suppression(to)).toMatchObject({ reason: "complaint" });
  });

  it("refuses a wrong signature and a stale timestamp, and changes nothing", async () => {
    const to = address("forged");
    const complaint = eventData("complained", to, messageId());
    expect(await post("mailgun", body(complaint, { key: randomBytes(16).toString("hex") }))).toMatchObject({ status: 401, json: { error: { code: "webhook_signature_invalid" } } });
    expect(await post("mailgun", body(complaint, { timestamp: unixNow(-10 * 60) }))).toMatchObject({ status: 401, json: { error: { code: "webhook_timestamp_stale" } } });
    const unsigned = JSON.stringify({ "event-data": { id: randomUUID(), ...complaint } });
    expect((await post("mailgun", unsigned)).status).toBe(400);
    expect(await suppression(to)).toBeNull();
  });

  it("refuses a captured signature sent again with another event (Mailgun signs the token, not the event)", async () => {
    const [to, victim] = [address("captured"), address("victim")];
    const original = JSON.parse(body(eventData("delivered", to, messageId()))) as { signature: unknown; "event-data": Record<string, unknown> };
    expect((await post("mailgun", JSON.stringify(original))).status).toBe(200);
    const swapped = { signature: original.signature, "event-data": { ...eventData("complained", victim, messageId()), id: randomUUID(), timestamp: original["event-data"].timestamp } };
    expect(await post("mailgun", JSON.stringify(swapped))).toMatchObject({ status: 401, json: { error: { code: "webhook_signature_invalid" } } });
    expect(await suppression(victim)).toBeNull();
    // The original itself, sent again (a redelivery), is still only a duplicate.
    expect(await post("mailgun", JSON.stringify(original))).toMatchObject({ status: 200, json: { applied: 0, duplicates: 1 } });
  });

  it("answers 400 to a body that is not JSON", async () => {
    expect(await post("mailgun", "signature=abc&token=def")).toMatchObject({ status: 400, json: { error: { code: "invalid_json" } } });
  });
});
