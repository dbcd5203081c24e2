import { execFileSync } from "node:child_process";
import { createSign } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookRequest } from "../types";
import { createSesProvider } from "./index";

/**
 * The SES webhook against a stand-in for Amazon SNS: a CA and a certificate
 * for sns.us-east-1.amazonaws.com made here with openssl, an HTTPS server on
 * loopback that serves the signing certificate and records subscription
 * confirmations, and an agent that trusts the CA and connects every
 * connection to that server. Messages are signed here the way SNS signs them.
 */

const HOST = "sns.us-east-1.amazonaws.com";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-events";
const CERT_PATH = `/SimpleNotificationService-${"a".repeat(32)}.pem`;
const NOW = new Date("2026-12-07T09:00:00.000Z");

let dir: string;
let server: https.Server;
let signingKey: string;
let signingCert: string;
let provider: ReturnType<typeof createSesProvider>;
const confirmations: string[] = [];
const certRequests: string[] = [];

function openssl(...args: string[]) {
  execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sns-test-"));
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=Test CA");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "sns.key", "-out", "sns.csr", "-subj", `/CN=${HOST}`);
  writeFileSync(join(dir, "san.ext"), `subjectAltName=DNS:${HOST}\n`);
  openssl("x509", "-req", "-in", "sns.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "sns.crt", "-days", "1", "-extfile", "san.ext");
  // One key pair plays both parts SNS's would: the TLS server's and the message signer's.
  signingKey = readFileSync(join(dir, "sns.key"), "utf8");
  signingCert = readFileSync(join(dir, "sns.crt"), "utf8");

  server = https.createServer({ key: signingKey, cert: signingCert }, (request, response) => {
    if (request.url === CERT_PATH) {
      certRequests.push(request.url);
      response.end(signingCert);
    } else if (request.url?.startsWith("/?Action=ConfirmSubscription")) {
      confirmations.push(request.url);
      response.end("<ConfirmSubscriptionResponse/>");
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  // Every connection goes to the loopback server, still checked against the CA and the name asked for.
  const agent = new https.Agent({ ca: readFileSync(join(dir, "ca.crt"), "utf8") });
  agent.createConnection = (options: tls.ConnectionOptions & { host?: string }) =>
    tls.connect({ ...options, host: "127.0.0.1", port, servername: options.servername || options.host });
  provider = createSesProvider(agent);
});

afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Message = Record<string, string>;

const NOTIFICATION_KEYS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
const SUBSCRIPTION_KEYS = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];

/** Signs as SNS does: "key\nvalue\n" for each signed key present, in this order. */
function sign(message: Message, version: "1" | "2" = "2"): Message {
  const keys = message.Type === "Notification" ? NOTIFICATION_KEYS : SUBSCRIPTION_KEYS;
  const signer = createSign(version === "1" ? "RSA-SHA1" : "RSA-SHA256");
  for (const key of keys) if (key in message) signer.update(`${key}\n${message[key]}\n`);
  return { ...message, SignatureVersion: version, Signature: signer.sign(signingKey, "base64"), SigningCertURL: `https://${HOST}${CERT_PATH}` };
}

const bounce = {
  notificationType: "Bounce",
  bounce: {
    bounceType: "Permanent",
    bounceSubType: "General",
    bouncedRecipients: [
      { emailAddress: "gone@example.com", action: "failed", status: "5.1.1", diagnosticCode: "smtp; 550 5.1.1 user unknown" },
      { emailAddress: "also-gone@example.com", action: "failed", status: "5.1.1" },
    ],
    timestamp: "2026-12-07T08:59:30.000Z",
    feedbackId: "feedback-1",
  },
  mail: { timestamp: "2026-12-07T08:59:00.000Z", messageId: "0100018c-ses-message-id", source: "noreply@example.com", destination: ["gone@example.com"] },
};

function notification(overrides: Message = {}): Message {
  return {
    Type: "Notification",
    MessageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    TopicArn: TOPIC,
    Message: JSON.stringify(bounce),
    Timestamp: "2026-12-07T08:59:31.000Z",
    ...overrides,
  };
}

const request = (body: Message | string): WebhookRequest => ({
  method: "POST",
  url: new URL("https://mailgate.example/api/webhooks/ses"),
  headers: new Headers({ "content-type": "text/plain; charset=UTF-8" }),
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const receive = (body: Message | string, now = NOW) => provider.receive(request(body), { topicArn: TOPIC }, now);

describe("the SES webhook", () => {
  it.each(["1", "2"] as const)("turns a bounce signed with SignatureVersion %s into one event per recipient", async (version) => {
    const result = await receive(sign(notification(), version));
    expect(result).toEqual({
      ok: true,
      type: "Bounce",
      events: [
        {
          eventId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:0",
          type: "Bounce",
          status: "bounced",
          permanent: true,
          recipient: "gone@example.com",
          providerMessageId: "0100018c-ses-message-id",
          occurredAt: new Date("2026-12-07T08:59:30.000Z"),
          detail: "Permanent/General: smtp; 550 5.1.1 user unknown",
        },
        expect.objectContaining({ eventId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:1", recipient: "also-gone@example.com", detail: "Permanent/General: 5.1.1" }),
      ],
    });
  });

  it("downloads the signing certificate for every message", async () => {
    const before = certRequests.length;
    await receive(sign(notification()));
    await receive(sign(notification()));
    expect(certRequests.length - before).toBe(2);
  });

  it("refuses a message changed after signing", async () => {
    const signed = sign(notification());
    const tampered = { ...signed, Message: JSON.stringify({ ...bounce, mail: { ...bounce.mail, messageId: "someone-elses" } }) };
    expect(await receive(tampered)).toEqual({ ok: false, code: "webhook_signature_invalid" });
  });

  it("refuses a signature made with another key", async () => {
    const signed = sign(notification());
    const other = sign(notification({ MessageId: "another-message" }));
    expect(await receive({ ...signed, Signature: other.Signature! })).toEqual({ ok: false, code: "webhook_signature_invalid" });
  });

  it("refuses a message from another topic, signed or not", async () => {
    const other = sign(notification({ TopicArn: "arn:aws:sns:us-east-1:123456789012:someone-else" }));
    expect(await receive(other)).toEqual({ ok: false, code: "webhook_wrong_topic" });
    const before = certRequests.length;
    expect(await receive(notification({ TopicArn: "arn:aws:sns:us-east-1:123456789012:someone-else" }))).toEqual({ ok: false, code: "webhook_wrong_topic" });
    // Refused before the signature is looked at: no certificate is fetched for another topic.
    expect(certRequests.length).toBe(before);
  });

  it("refuses a message signed more than an hour ago, and one from the future", async () => {
    expect(await receive(sign(notification({ Timestamp: "2026-12-07T07:59:00.000Z" })))).toEqual({ ok: false, code: "webhook_timestamp_stale" });
    expect(await receive(sign(notification({ Timestamp: "2026-12-07T09:10:00.000Z" })))).toEqual({ ok: false, code: "webhook_timestamp_stale" });
    expect(await receive(sign(notification({ Timestamp: "2026-12-07T08:00:01.000Z" })))).toMatchObject({ ok: true });
  });

  it("refuses a certificate that is not on an Amazon SNS host", async () => {
    const signed = sign(notification());
    for (const url of [`https://sns.us-east-1.example.com${CERT_PATH}`, `http://${HOST}${CERT_PATH}`, `https://${HOST}.evil.test${CERT_PATH}`]) {
      expect(await receive({ ...signed, SigningCertURL: url }), url).toEqual({ ok: false, code: "webhook_signature_invalid" });
    }
  });

  it("refuses an unknown signature version and a body that is not an SNS message", async () => {
    expect(await receive({ ...sign(notification()), SignatureVersion: "3" })).toEqual({ ok: false, code: "webhook_signature_invalid" });
    expect(await receive("not json")).toEqual({ ok: false, code: "invalid_request" });
    expect(await receive({ ...notification(), Type: "Something" })).toEqual({ ok: false, code: "invalid_request" });
  });

  it("refuses a message whose certificate SNS does not have, and says so when SNS cannot be reached", async () => {
    const signed = sign(notification());
    const missing = `https://${HOST}/SimpleNotificationService-${"b".repeat(32)}.pem`;
    // The stand-in answers 404 with no body there: no certificate, so nothing verifies.
    expect(await receive({ ...signed, SigningCertURL: missing })).toEqual({ ok: false, code: "webhook_signature_invalid" });
    // Another region's host is not on the stand-in's certificate: the TLS handshake fails, as an unreachable SNS would.
    const unreachable = `https://sns.eu-west-1.amazonaws.com${CERT_PATH}`;
    expect(await receive({ ...signed, SigningCertURL: unreachable })).toEqual({ ok: false, code: "webhook_upstream_unavailable" });
    // A failed download is not kept: the right certificate still verifies afterwards.
    expect(await receive(signed)).toMatchObject({ ok: true });
  });

  it("confirms its topic's subscription by visiting the SubscribeURL once", async () => {
    const subscribeUrl = `https://${HOST}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC)}&Token=token-1`;
    const message = sign({
      Type: "SubscriptionConfirmation",
      MessageId: "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
      Token: "token-1",
      TopicArn: TOPIC,
      Message: `You have chosen to subscribe to the topic ${TOPIC}.`,
      SubscribeURL: subscribeUrl,
      Timestamp: "2026-12-07T08:59:50.000Z",
    });
    const before = confirmations.length;
    expect(await receive(message)).toEqual({ ok: true, events: [], type: "SubscriptionConfirmation" });
    expect(confirmations.slice(before)).toEqual([subscribeUrl.slice(`https://${HOST}`.length)]);
  });

  it("does not visit a SubscribeURL for another topic or host, even signed", async () => {
    const base = { Type: "SubscriptionConfirmation", MessageId: "m", Token: "t", TopicArn: TOPIC, Message: "subscribe", Timestamp: "2026-12-07T08:59:50.000Z" };
    const before = confirmations.length;
    const elsewhere = sign({ ...base, SubscribeURL: `https://evil.test/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC)}` });
    const otherTopic = sign({ ...base, SubscribeURL: `https://${HOST}/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:123456789012:other` });
    expect(await receive(elsewhere)).toEqual({ ok: false, code: "invalid_request" });
    expect(await receive(otherTopic)).toEqual({ ok: false, code: "invalid_request" });
    expect(confirmations.length).toBe(before);
  });

  it("acknowledges an unsubscribe confirmation with no events", async () => {
    const message = sign({ Type: "UnsubscribeConfirmation", MessageId: "u", Token: "t", TopicArn: TOPIC, Message: "unsubscribed", SubscribeURL: `https://${HOST}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC)}`, Timestamp: "2026-12-07T08:59:50.000Z" });
    const before = confirmations.length;
    expect(await receive(message)).toEqual({ ok: true, events: [], type: "UnsubscribeConfirmation" });
    expect(confirmations.length).toBe(before);
  });

  it("accepts a signed message that is not an SES notification, with no events", async () => {
    expect(await receive(sign(notification({ Message: "hello from the SNS console", Subject: "test" })))).toEqual({ ok: true, events: [], type: "Notification" });
  });
});
