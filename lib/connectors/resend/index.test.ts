import { describe, expect, it } from "vitest";
import { CODE, failure, sampleMessage, useProviderServer } from "../test-helpers";
import type { ProviderServer } from "../test-server";
import { secretKeys, type ConnectorErrorCode, type OutboundMessage } from "../types";
import resend from "./index";
import { RESEND_API_BASE, resendConfigSchema, type ResendConfig } from "./schema";

const API_KEY = "re_test_Secret_0123456789abcdef";
const EMAIL_ID = "4ef9a417-02e9-4d39-ad75-9611e0fcc33c";

const message = sampleMessage;

describe("resend connector (official SDK) against a local stand-in", () => {
  let server: ProviderServer;
  let config: ResendConfig;

  useProviderServer(() => ({ status: 200, body: { id: EMAIL_ID } }), (started) => {
    server = started;
    config = { apiKey: API_KEY, baseUrl: started.url, allowPrivateTargets: true, timeoutMs: 5000 };
  });

  it("POSTs the documented /emails body with a Bearer key, the idempotency key, and returns the id", async () => {
    const result = await resend.send(config, message({ idempotencyKey: "outbox-42" }));
    expect(result).toEqual({ messageId: EMAIL_ID });

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/emails");
    expect(req.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["idempotency-key"]).toBe("outbox-42");
    expect(req.headers["user-agent"]).toMatch(/^resend-node:/);
    expect(JSON.parse(req.text)).toEqual({
      from: "Acme <no-reply@acme.test>",
      to: "ada@example.test",
      subject: `Your sign-in code is ${CODE}`,
      html: `<p>Your sign-in code is <strong>${CODE}</strong>.</p>`,
      text: `Your sign-in code is ${CODE}.`,
    });
  });

  it("forwards reply_to and custom headers; no idempotency key, no header", async () => {
    await resend.send(
      { ...config, baseUrl: `${server.url}/relay/` },
      message({ replyTo: "support@acme.test", headers: { "X-Mailgate-Purpose": "SignIn", "X-Entity-Ref-ID": "abc" } }),
    );
    const req = server.requests[0]!;
    expect(req.path).toBe("/relay/emails");
    expect(req.headers["idempotency-key"]).toBeUndefined();
    const body = JSON.parse(req.text);
    expect(body.reply_to).toBe("support@acme.test");
    expect(body.headers).toEqual({ "X-Mailgate-Purpose": "SignIn", "X-Entity-Ref-ID": "abc" });
  });

  it("a CR/LF in the from-name or subject stays text: no header, no extra recipient", async () => {
    await resend.send(
      config,
      message({ from: { name: "Acme\r\nBcc: evil@x.test", address: "no-reply@acme.test" }, subject: "Hello\r\nBcc: evil2@x.test" }),
    );
    const body = JSON.parse(server.requests[0]!.text);
    expect(body.from).toBe('"Acme Bcc: evil@x.test" <no-reply@acme.test>');
    expect(body.subject).toBe("Hello Bcc: evil2@x.test");
    expect(body.to).toBe("ada@example.test");
    expect(body.bcc).toBeUndefined();
    expect(body.headers).toBeUndefined();
  });

  it("refuses injection, reserved headers and several recipients before any request", async () => {
    const cases: [Partial<OutboundMessage>, ConnectorErrorCode][] = [
      [{ headers: { "X-Test": "a\r\nBcc: evil@x.test" } }, "provider_error"],
      [{ headers: { "X-Test\r\nBcc": "evil@x.test" } }, "provider_error"],
      [{ headers: { Bcc: "evil@x.test" } }, "provider_error"],
      [{ to: "ada@example.test, evil@x.test" }, "rejected_recipient"],
      [{ to: "ada@example.test\r\nBcc: evil@x.test" }, "rejected_recipient"],
      [{ from: { address: "no-reply@acme.test\r\nBcc: evil@x.test" } }, "invalid_config"],
      [{ replyTo: "support@acme.test, evil@x.test" }, "invalid_config"],
    ];
    for (const [overrides, code] of cases) {
      expect((await failure(resend.send(config, message(overrides)))).code).toBe(code);
    }
    expect(server.requests).toHaveLength(0);
  });

  it.each<[number, string, ConnectorErrorCode, string, string]>([
    [401, "missing_api_key", "auth_failed", "Missing API key in the authorization header.", "Resend refused the API key"],
    [403, "invalid_api_key", "auth_failed", "API key is invalid.", "Resend refused the API key"],
    [401, "restricted_api_key", "auth_failed", "This API key is restricted to only send emails.", "Resend refused the API key"],
    [422, "validation_error", "rejected_recipient", "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.", "Resend refused the recipient (HTTP 422, validation_error)"],
    [403, "validation_error", "invalid_config", "The acme.test domain is not verified. Please, add and verify your domain on https://resend.com/domains", "send from an address on it"],
    [403, "validation_error", "invalid_config", "You can only send testing emails to your own email address (owner@acme.test).", "send from an address on it"],
    [422, "invalid_from_address", "invalid_config", "Invalid `from` field. The email address needs to follow the `email@example.com` format.", "Verify the sending domain at resend.com/domains"],
    [422, "missing_required_field", "invalid_config", "Missing `subject` field.", "Resend refused the request (HTTP 422, missing_required_field)"],
    [429, "daily_quota_exceeded", "rate_limited", "You have reached your daily email sending quota.", "Resend is limiting this account"],
    [429, "monthly_quota_exceeded", "rate_limited", "You have reached your monthly email sending quota.", "Resend is limiting this account"],
    [409, "concurrent_idempotent_requests", "transient", "Same idempotency key used while original request is still in progress.", "Resend is still processing the first attempt"],
    [409, "invalid_idempotent_request", "provider_error", "Same idempotency key used with a different request payload.", "Resend refused the message (HTTP 409)"],
    [404, "not_found", "invalid_config", "The requested endpoint does not exist.", "Check the API base URL"],
    [500, "internal_server_error", "transient", "An unexpected error occurred.", "Resend had a temporary problem (HTTP 500)"],
  ])("HTTP %s %s → %s", async (status, name, code, text, lead) => {
    server.respond(() => ({ status, body: { statusCode: status, name, message: text } }));
    const error = await failure(resend.send(config, message()));
    expect(error.code).toBe(code);
    expect(error.message).toContain(text.replace(/\.$/, ""));
    expect(error.message).toContain(lead);
  });

  it("auth failure never shows the key, even when echoed", async () => {
    server.respond(() => ({ status: 403, body: { statusCode: 403, name: "invalid_api_key", message: `API key ${API_KEY} is invalid` } }));
    const error = await failure(resend.send(config, message()));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toBe(
      "Resend refused the API key (HTTP 403, invalid_api_key): API key [redacted] is invalid. Paste the key again; it needs at least sending access.",
    );
  });

  it("a 401 with a plain-text body still maps by status (the SDK reports it as application_error 401)", async () => {
    server.respond(() => ({ status: 401, body: "Unauthorized" }));
    const error = await failure(resend.send(config, message()));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toContain("HTTP 401");
  });

  it("a JSON error without statusCode or name (not Resend's shape) → provider_error, not a network failure", async () => {
    server.respond(() => ({ status: 401, body: { message: "nope" } }));
    const error = await failure(resend.send(config, message()));
    expect(error.code).toBe("provider_error");
    expect(error.message).toContain("nope");
  });

  it("429 rate_limit_exceeded with Retry-After → rate_limited with retryAfterSeconds", async () => {
    server.respond(() => ({
      status: 429,
      headers: { "Retry-After": "2" },
      body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." },
    }));
    const error = await failure(resend.send(config, message()));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(2);
  });

  it.each([502, 503])("%s with a non-JSON body → transient", async (status) => {
    server.respond(() => ({ status, body: "<html>Bad gateway</html>" }));
    const error = await failure(resend.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it("no answer within timeoutMs → transient (the SDK's fetch is aborted)", async () => {
    server.respond(() => "hang");
    const started = Date.now();
    const error = await failure(resend.send({ ...config, timeoutMs: 1000 }, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain("Resend did not answer within 1 s");
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("connection reset → transient", async () => {
    server.respond(() => "reset");
    const error = await failure(resend.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain("Could not reach Resend");
    expect(error.message).not.toContain(API_KEY);
  });
});

describe("resend config", () => {
  const SECRET = "hunter2-very-secret";

  it.each([
    { apiKey: SECRET },
    { apiKey: SECRET, timeoutMs: 30_000 },
    { apiKey: `${SECRET}\n`, baseUrl: "https://api.resend.com" },
    { apiKey: SECRET, baseUrl: "http://127.0.0.1:8025/resend/", timeoutMs: 1000 },
  ])("accepts %j", (raw) => {
    const parsed = resendConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.apiKey).toBe(SECRET);
  });

  it.each<[string, unknown]>([
    ["empty", {}],
    ["key as a number", { apiKey: 123 }],
    ["blank key", { apiKey: " \n" }],
    ["base URL with a fragment", { apiKey: SECRET, baseUrl: "https://api.resend.com/#x" }],
    ["file base URL", { apiKey: SECRET, baseUrl: "file:///etc/passwd" }],
    ["timeout too long", { apiKey: SECRET, timeoutMs: 120_000 }],
    ["a region key (not a Resend setting)", { apiKey: SECRET, region: "eu" }],
  ])("refuses %s without echoing the key", (_name, raw) => {
    const parsed = resendConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(SECRET);
  });

  it("says which field is missing or of the wrong type", () => {
    const issues = (raw: unknown) => resendConfigSchema.safeParse(raw).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({})).toEqual([["apiKey", "is required"]]);
    expect(issues({ apiKey: 42 })).toEqual([["apiKey", "must be text"]]);
  });

  it("describes its form: every field is a schema key, the key is the only secret, URL and timeout are advanced", () => {
    const keys = Object.keys(resendConfigSchema.shape);
    for (const field of resend.fields) expect(keys).toContain(field.key);
    expect(secretKeys(resend)).toEqual(["apiKey"]);
    expect(resend.fields.filter((f) => f.advanced).map((f) => f.key)).toEqual(["baseUrl", "allowPrivateTargets", "timeoutMs"]);
    expect(RESEND_API_BASE).toBe("https://api.resend.com");
  });
});
