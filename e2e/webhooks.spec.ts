import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign } from "node:crypto";
import { expect, test } from "@playwright/test";
import { instanceAt } from "./fixtures";
import { PORTS } from "./ports";
import { seederFor } from "./seed/seeders";

/**
 * Provider webhooks through the production build and its real entry point
 * (front door, proxy, route): requests as a provider's servers send them,
 * with no Origin and no browser headers, signed with keys made here. The
 * per-provider details are tested against the route handler
 * (tests/integration/webhooks-*.test.ts); this is about the way in.
 */
const ORIGIN = `http://127.0.0.1:${PORTS.app}`;

const post = async (provider: string, body: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${ORIGIN}/api/webhooks/${provider}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, json: (await response.json()) as { applied?: number; duplicates?: number; error?: { code: string } } };
};

const seeder = () => {
  const instance = instanceAt(ORIGIN);
  return seederFor(instance.databaseUrl, instance.env);
};

test("an unknown or unconfigured provider is a 404, not a cross-site refusal", async () => {
  expect(await post("nope", "{}")).toMatchObject({ status: 404, json: { error: { code: "webhook_not_configured" } } });
  expect(await post("ses", "{}")).toMatchObject({ status: 404, json: { error: { code: "webhook_not_configured" } } });
});

test("a signed SendGrid batch is applied once; a forged one is refused", async () => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  await seeder().request({ op: "webhookEndpoint", provider: "sendgrid", settings: { publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64") } });
  const body = JSON.stringify([
    { email: `complained-${randomUUID().slice(0, 8)}@webhooks.test`, timestamp: Math.floor(Date.now() / 1000), event: "spamreport", sg_event_id: randomUUID(), sg_message_id: "W86EgYT6SQKk0lRflfLRsA.filterdrecv-1.0" },
  ]);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign("sha256", Buffer.from(timestamp + body), privateKey).toString("base64");
  const headers = { "X-Twilio-Email-Event-Webhook-Signature": signature, "X-Twilio-Email-Event-Webhook-Timestamp": timestamp };
  expect(await post("sendgrid", body, headers)).toMatchObject({ status: 200, json: { applied: 1 } });
  expect(await post("sendgrid", body, headers)).toMatchObject({ status: 200, json: { applied: 0, duplicates: 1 } });
  expect(await post("sendgrid", body.replace("spamreport", "delivered"), headers)).toMatchObject({ status: 401, json: { error: { code: "webhook_signature_invalid" } } });
});

test("a signed Resend event is applied", async () => {
  const key = randomBytes(24);
  await seeder().request({ op: "webhookEndpoint", provider: "resend", settings: { signingSecret: `whsec_${key.toString("base64")}` } });
  const body = JSON.stringify({ type: "email.delivered", created_at: new Date().toISOString(), data: { email_id: randomUUID(), to: ["someone@webhooks.test"] } });
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  expect(await post("resend", body, { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` })).toMatchObject({ status: 200, json: { applied: 1 } });
});

test("a body over 1 MB is refused before anything reads it", async () => {
  expect((await post("sendgrid", `[${" ".repeat(1024 * 1024)}]`)).status).toBe(413);
});
