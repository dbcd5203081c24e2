import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveEndpointSettings } from "@/lib/webhooks/store";
import { address, delivery, post, sentMessage, suppression } from "./webhook-client";

/**
 * Postmark's Bounce, Spam Complaint and Delivery webhooks through the real
 * route: bodies in the documented shape, behind the basic-auth credentials
 * Postmark sends from the webhook URL.
 */
const credentials = { username: "postmark", password: randomBytes(18).toString("base64url") };
const basic = (username: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` });
const authorized = basic(credentials.username, credentials.password);

const send = (record: object, headers: Record<string, string> = authorized) => post("postmark", JSON.stringify(record), headers);

const bounce = (type: string, email: string, messageId: string, extra: Record<string, unknown> = {}) => ({
  RecordType: "Bounce",
  MessageStream: "outbound",
  ID: randomInt(1, 2 ** 47),
  Type: type,
  TypeCode: type === "HardBounce" ? 1 : 4096,
  Name: type === "HardBounce" ? "Hard bounce" : "Soft bounce",
  Tag: "",
  MessageID: messageId,
  Metadata: {},
  ServerID: 23,
  Description: type === "HardBounce" ? "The server was unable to deliver your message (ex: unknown user, mailbox not found)." : "Unable to temporarily deliver this message",
  Details: "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
  Email: email,
  From: "no-reply@webhooks.test",
  BouncedAt: new Date().toISOString(),
  DumpAvailable: true,
  Inactive: type === "HardBounce",
  CanActivate: true,
  Subject: "123456 is your code",
  ...extra,
});

beforeAll(async () => {
  await saveEndpointSettings("postmark", credentials, "test");
});

describe("Postmark's webhooks", () => {
  it("suppresses a hard bounce, not a soft one", async () => {
    const [hard, soft] = [address("hard"), address("soft")];
    const [hardId, softId] = [randomUUID(), randomUUID()];
    const [hardRow, softRow] = [await sentMessage(hard, hardId, "postmark"), await sentMessage(soft, softId, "postmark")];
    expect(await send(bounce("HardBounce", hard, hardId))).toMatchObject({ status: 200, json: { applied: 1 } });
    expect(await send(bounce("SoftBounce", soft, softId))).toMatchObject({ status: 200, json: { applied: 1 } });
    expect(await delivery(hardRow)).toMatchObject({ deliveryStatus: "bounced", deliveryDetail: expect.stringContaining("unknown user") });
    expect(await suppression(hard)).toMatchObject({ reason: "hard_bounce", provider: "postmark", messageId: hardRow });
    expect(await delivery(softRow)).toMatchObject({ deliveryStatus: "bounced" });
    expect(await suppression(soft)).toBeNull();
  });

  it("records a delivery, then a spam complaint over it, and applies a redelivered complaint once", async () => {
    const to = address("complained");
    const id = randomUUID();
    const row = await sentMessage(to, id, "postmark");
    const delivered = { RecordType: "Delivery", ServerID: 23, MessageStream: "outbound", MessageID: id, Recipient: to, Tag: "", DeliveredAt: new Date().toISOString(), Details: "Test delivery webhook details", Metadata: {} };
    expect(await send(delivered)).toMatchObject({ status: 200, json: { applied: 1 } });
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "delivered" });
    const complaint = { ...bounce("SpamComplaint", to, id), RecordType: "SpamComplaint", TypeCode: 512, Name: "Spam complaint", Description: "The subscriber explicitly marked this message as spam." };
    expect(await send(complaint)).toMatchObject({ status: 200, json: { applied: 1 } });
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "complained" });
    const first = await suppression(to);
    expect(first).toMatchObject({ reason: "complaint", messageId: row });
    expect(await send(complaint)).toMatchObject({ status: 200, json: { applied: 0, duplicates: 1 } });
    expect(await send(delivered)).toMatchObject({ status: 200, json: { applied: 0 } });
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "complained" });
    expect(await suppression(to)).toEqual(first);
  });

  it("ignores bounce types that are replies, not failures", async () => {
    const to = address("away");
    const id = randomUUID();
    const row = await sentMessage(to, id, "postmark");
    expect(await send(bounce("AutoResponder", to, id))).toMatchObject({ status: 200, json: { received: 0 } });
    expect(await delivery(row)).toMatchObject({ deliveryStatus: null });
  });

  it("refuses wrong or missing credentials with a basic-auth challenge", async () => {
    const to = address("forged");
    const record = bounce("HardBounce", to, randomUUID());
    for (const headers of [basic(credentials.username, "wrong"), basic("someone", credentials.password), {}, { authorization: "Bearer x" }]) {
      const answer = await send(record, headers);
      expect(answer).toMatchObject({ status: 401, json: { error: { code: "webhook_signature_invalid" } } });
      expect(answer.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    }
    expect(await suppression(to)).toBeNull();
  });

  it("answers 400 to a body that is not a record", async () => {
    expect((await post("postmark", "[1,2", authorized)).status).toBe(400);
    expect((await send({ RecordType: "Bounce", Type: "HardBounce" })).status).toBe(400);
  });
});
