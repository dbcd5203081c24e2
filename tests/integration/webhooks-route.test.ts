import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { EVENT_RETENTION_MS, pruneWebhookEvents } from "@/lib/webhooks/apply";
import { WEBHOOK_BODY_LIMIT_BYTES } from "@/lib/webhooks/receive";
import { saveEndpointSettings } from "@/lib/webhooks/store";
import { post } from "./webhook-client";

/**
 * What /api/webhooks/<provider> answers before any provider's check: the
 * provider must be known and set up, the method POST, the body at most 1 MB.
 * (Each provider's own checks: webhooks-<provider>.test.ts.)
 */
beforeAll(async () => {
  await saveEndpointSettings("postmark", { username: "postmark", password: randomBytes(12).toString("hex") }, "test");
});

describe("the webhook route", () => {
  it("answers 404 for a provider it does not know or that is not set up", async () => {
    for (const provider of ["nope", "ses", "__proto__", "constructor"]) {
      expect(await post(provider, "{}"), provider).toMatchObject({ status: 404, json: { error: { code: "webhook_not_configured" } } });
    }
  });

  it("passes SES's requests to its module once set up (another topic's message: 403, before any certificate is fetched)", async () => {
    await saveEndpointSettings("ses", { topicArn: "arn:aws:sns:us-east-1:123456789012:ses-events" }, "test");
    const message = {
      Type: "Notification", MessageId: randomUUID(), TopicArn: "arn:aws:sns:us-east-1:999999999999:not-ours", Message: "{}",
      Timestamp: new Date().toISOString(), SignatureVersion: "2", Signature: "AA==",
      SigningCertURL: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
    };
    // SNS posts its JSON as text/plain.
    const answer = await post("ses", JSON.stringify(message), { "content-type": "text/plain; charset=UTF-8", "x-amz-sns-message-type": "Notification" });
    expect(answer).toMatchObject({ status: 403, json: { error: { code: "webhook_wrong_topic" } } });
    await db.webhookEndpoint.deleteMany({ where: { provider: "ses" } });
  });

  it("answers 405 to anything but POST", async () => {
    const answer = await post("postmark", "", {}, "GET");
    expect(answer).toMatchObject({ status: 405, json: { error: { code: "method_not_allowed" } } });
    expect(answer.headers.get("allow")).toBe("POST");
  });

  it("answers 413 to a body over 1 MB, by its Content-Length or as it streams", async () => {
    const big = `{"pad":"${"x".repeat(WEBHOOK_BODY_LIMIT_BYTES)}"}`;
    const declared = await post("postmark", "{}", { "content-length": String(WEBHOOK_BODY_LIMIT_BYTES + 1) });
    expect(declared).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
    expect(await post("postmark", big)).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
  });
});

describe("the event ids kept against replays", () => {
  it("are forgotten after the retention, not before", async () => {
    const now = new Date();
    const [old, recent] = [randomUUID(), randomUUID()];
    await db.webhookEvent.createMany({
      data: [
        { provider: "postmark", eventId: old, type: "Bounce", receivedAt: new Date(now.getTime() - EVENT_RETENTION_MS - 60_000) },
        { provider: "postmark", eventId: recent, type: "Bounce", receivedAt: new Date(now.getTime() - EVENT_RETENTION_MS + 60_000) },
      ],
    });
    expect(await pruneWebhookEvents(now)).toBeGreaterThanOrEqual(1);
    const left = await db.webhookEvent.findMany({ where: { eventId: { in: [old, recent] } }, select: { eventId: true } });
    expect(left).toEqual([{ eventId: recent }]);
  });
});
