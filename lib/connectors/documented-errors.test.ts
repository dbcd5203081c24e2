import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aliyunDocumentedErrors } from "./aliyun/documented-errors";
import { mailgunDocumentedErrors } from "./mailgun/documented-errors";
import { postmarkDocumentedErrors } from "./postmark/documented-errors";
import { connectors, parseConnectorConfig, type ConnectorId } from "./registry";
import { resendDocumentedErrors } from "./resend/documented-errors";
import { sendgridDocumentedErrors } from "./sendgrid/documented-errors";
import { sesDocumentedErrors } from "./ses/documented-errors";
import { failure, sampleMessage, type DocumentedError } from "./test-helpers";
import { startProviderServer, type ProviderServer } from "./test-server";

/**
 * Every error body a provider documents, replayed by a local stand-in and
 * sent through the real connector: the outbox decides from the code alone
 * (retry, or stop and show the operator), so each must come out as what it
 * means, not as what our own fixtures happened to look like.
 */
const SECRET = "hunter2-very-secret";

const providers: [ConnectorId, (base: string) => unknown, DocumentedError[]][] = [
  ["sendgrid", (base) => ({ apiKey: SECRET, baseUrl: base }), sendgridDocumentedErrors],
  ["mailgun", (base) => ({ apiKey: SECRET, domain: "mg.example.com", baseUrl: base }), mailgunDocumentedErrors],
  ["postmark", (base) => ({ serverToken: SECRET, baseUrl: base }), postmarkDocumentedErrors],
  ["resend", (base) => ({ apiKey: SECRET, baseUrl: base }), resendDocumentedErrors],
  ["ses", (base) => ({ region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET }, baseUrl: base }), sesDocumentedErrors],
  ["aliyun", (base) => ({ accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, baseUrl: base }), aliyunDocumentedErrors],
];

let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(async () => {
  await server.close();
});

describe.each(providers)("%s, as its documentation answers", (id, config, documented) => {
  it.each(documented.map((d) => [d.name, d] as const))("%s", async (_name, { reply, expected, source }) => {
    server.respond(() => (typeof reply === "function" ? reply() : reply));
    const parsed = parseConnectorConfig(id, { ...(config(server.url) as object), allowPrivateTargets: true, timeoutMs: 3000 });
    const send = connectors[id].send as (c: unknown, m: ReturnType<typeof sampleMessage>) => Promise<unknown>;
    const error = await failure(send(parsed, sampleMessage({ to: "ada@example.com", from: { name: "Acme", address: "no-reply@example.com" } })));
    expect(error.code, `${source}: ${error.message}`).toBe(expected.code);
    if (expected.says) expect(error.message).toMatch(expected.says);
    if (expected.retryAfterSeconds) {
      const [min, max] = expected.retryAfterSeconds;
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(min);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(max);
    }
    expect(error.message).not.toContain(SECRET);
  });
});
