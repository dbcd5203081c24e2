import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveEndpointSettings } from "@/lib/webhooks/store";
import { address, delivery, post, sentMessage, suppression, unixNow } from "./webhook-client";

/**
 * Resend's webhooks through the real route: events in the documented shape,
 * signed as Svix signs them (svix-signature "v1,<base64 HMAC-SHA256 of
 * id.timestamp.body under the secret's base64 key>"), computed here with
 * node:crypto from a secret made here.
 */
const key = randomBytes(24);
const signingSecret = `whsec_${key.toString("base64")}`;

function signed(payload: string, options: { id?: string; timestamp?: string; key?: Buffer } = {}) {
  const id = options.id ?? `msg_${randomUUID().replaceAll("-", "")}`;
  const timestamp = options.timestamp ?? unixNow();
  const signature = createHmac("sha256", options.key ?? key).update(`${id}.${timestamp}.${payload}`).digest("base64");
  return { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` };
}

const event = (type: string, to: string, emailId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: { created_at: new Date().toISOString(), email_id: emailId, from: "Mailgate <no-reply@webhooks.test>", to: [to], subject: "123456 is your code", ...extra },
  });

const send = (payload: string, options?: Parameters<typeof signed>[1]) => post("resend", payload, signed(payload, options));

beforeAll(async () => {
  await saveEndpointSettings("resend", { signingSecret }, "test");
});

describe("Resend's webhooks", () => {
  it("suppresses a permanent bounce and keeps it over a later delivery report", async () => {
    const to = address("hard");
    const id = randomUUID();
    const row = await sentMessage(to, id, "resend");
    const bounced = event("email.bounced", to, id, { bounce: { message: "The recipient's email address does not exist.", subType: "General", type: "Permanent" } });
    expect(await send(bounced)).toMatchObject({ status: 200, json: { applied: 1 } });
    expect(await send(event("email.delivered", to, id))).toMatchObject({ status: 200, json: { applied: 1 } });
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "bounced", deliveryDetail: "Permanent/General: The recipient's email address does not exist." });
    expect(await suppression(to)).toMatchObject({ reason: "hard_bounce", provider: "resend", messageId: row });
  });

  it("does not suppress a transient bounce; a delay is a deferral that a delivery replaces", async () => {
    const [soft, slow] = [address("soft"), address("slow")];
    const [softId, slowId] = [randomUUID(), randomUUID()];
    const [softRow, slowRow] = [await sentMessage(soft, softId, "resend"), await sentMessage(slow, slowId, "resend")];
    await send(event("email.bounced", soft, softId, { bounce: { message: "Mailbox full", subType: "MailboxFull", type: "Transient" } }));
    expect(await delivery(softRow)).toMatchObject({ deliveryStatus: "bounced" });
    expect(await suppression(soft)).toBeNull();
    await send(event("email.delivery_delayed", slow, slowId));
    expect(await delivery(slowRow)).toMatchObject({ deliveryStatus: "deferred" });
    await send(event("email.delivered", slow, slowId));
    expect(await delivery(slowRow)).toMatchObject({ deliveryStatus: "delivered" });
  });

  it("suppresses an address Resend itself no longer sends to (email.suppressed)", async () => {
    const to = address("resend-suppressed");
    const id = randomUUID();
    const row = await sentMessage(to, id, "resend");
    await send(event("email.suppressed", to, id, { suppressed: { message: "Resend has suppressed sending to this address because it bounced before.", type: "OnAccountSuppressionList" } }));
    expect(await delivery(row)).toMatchObject({ deliveryStatus: "bounced" });
    expect(await suppression(to)).toMatchObject({ reason: "hard_bounce", provider: "resend" });
  });

  it("suppresses a complaint once, whatever Svix redelivers", async () => {
    const to = address("complained");
    const id = randomUUID();
    const row = await sentMessage(to, id, "resend");
    const payload = event("email.complained", to, id);
    const headers = signed(payload);
    expect(await post("resend", payload, headers)).toMatchObject({ status: 200, json: { applied: 1 } });
    const first = await suppression(to);
    expect(first).toMatchObject({ reason: "complaint", messageId: row });
    // A redelivery: the same svix-id, signed again with a new timestamp.
    expect(await send(payload, { id: headers["svix-id"] })).toMatchObject({ status: 200, json: { applied: 0, duplicates: 1 } });
    expect(await suppression(to)).toEqual(first);
  });

  it("refuses another secret's signature, a tampered body and a stale timestamp", async () => {
    const to = address("forged");
    const payload = event("email.complained", to, randomUUID());
    expect(await send(payload, { key: randomBytes(24) })).toMatchObject({ status: 401, json: { error: { code: "webhook_signature_invalid" } } });
    expect(await post("resend", payload.replace("complained", "delivered"), signed(payload))).toMatchObject({ status: 401 });
    expect(await post("resend", payload)).toMatchObject({ status: 401, json: { error: { code: "webhook_signature_invalid" } } });
    expect(await send(payload, { timestamp: unixNow(-6 * 60) })).toMatchObject({ status: 401, json: { error: { code: "webhook_timestamp_stale" } } });
    expect(await suppression(to)).toBeNull();
  });
});
