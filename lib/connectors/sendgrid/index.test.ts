import { describe, expect, it } from "vitest";
import { CODE, failure, sampleMessage, useProviderServer } from "../test-helpers";
import type { ProviderServer } from "../test-server";
import { secretKeys, type ConnectorErrorCode, type OutboundMessage } from "../types";
import sendgrid, { toSendGridMail } from "./index";
import { SENDGRID_API_BASE, sendgridConfigSchema, type SendgridConfig } from "./schema";

const API_KEY = "SG.test-Secret-key.0123456789abcdef";

const message = sampleMessage;

describe("sendgrid connector against a local stand-in", () => {
  let server: ProviderServer;
  let config: SendgridConfig;

  useProviderServer(() => ({ status: 202, headers: { "X-Message-Id": "W1mEkDm4Q-6Y0a5tq9GZ1A" } }), (started) => {
    server = started;
    config = { apiKey: API_KEY, baseUrl: started.url, allowPrivateTargets: true, timeoutMs: 5000 };
  });

  it("POSTs the documented Mail Send body with a Bearer key and returns X-Message-Id", async () => {
    const result = await sendgrid.send(config, message());
    expect(result).toEqual({ messageId: "W1mEkDm4Q-6Y0a5tq9GZ1A" });

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v3/mail/send");
    expect(req.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.text)).toEqual({
      personalizations: [{ to: [{ email: "ada@example.test" }] }],
      from: { email: "no-reply@acme.test", name: "Acme" },
      subject: `Your sign-in code is ${CODE}`,
      content: [
        { type: "text/plain", value: `Your sign-in code is ${CODE}.` },
        { type: "text/html", value: `<p>Your sign-in code is <strong>${CODE}</strong>.</p>` },
      ],
      tracking_settings: { click_tracking: { enable: false, enable_text: false }, open_tracking: { enable: false } },
    });
  });

  it("forwards reply_to and custom headers; a sender without a name has no name key", async () => {
    await sendgrid.send(
      config,
      message({
        from: { address: "no-reply@acme.test" },
        replyTo: " support@acme.test ",
        headers: { "X-Mailgate-Purpose": "SignIn", "List-Id": "<codes.acme.test>" },
      }),
    );
    const body = JSON.parse(server.requests[0]!.text);
    expect(body.from).toEqual({ email: "no-reply@acme.test" });
    expect(body.reply_to).toEqual({ email: "support@acme.test" });
    expect(body.headers).toEqual({ "X-Mailgate-Purpose": "SignIn", "List-Id": "<codes.acme.test>" });
  });

  it("sandbox mode sets mail_settings.sandbox_mode and accepts SendGrid's 200 without a message id", async () => {
    server.respond(() => ({ status: 200 }));
    const result = await sendgrid.send({ ...config, sandboxMode: true }, message());
    expect(result.messageId).toMatch(/^sandbox-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(server.requests[0]!.text).mail_settings).toEqual({ sandbox_mode: { enable: true } });
  });

  it("joins a base URL with a path prefix and a trailing slash", async () => {
    await sendgrid.send({ ...config, baseUrl: `${server.url}/relay/` }, message());
    expect(server.requests[0]!.path).toBe("/relay/v3/mail/send");
  });

  it("a CR/LF in the from-name or subject stays text: no header, no extra recipient", async () => {
    await sendgrid.send(
      config,
      message({ from: { name: "Acme\r\nBcc: evil@x.test", address: "no-reply@acme.test" }, subject: "Hello\r\nBcc: evil2@x.test" }),
    );
    const body = JSON.parse(server.requests[0]!.text);
    expect(body.from).toEqual({ email: "no-reply@acme.test", name: "Acme Bcc: evil@x.test" });
    expect(body.subject).toBe("Hello Bcc: evil2@x.test");
    expect(body.personalizations).toEqual([{ to: [{ email: "ada@example.test" }] }]);
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
      [{ replyTo: "a@b.test, evil@x.test" }, "invalid_config"],
    ];
    for (const [overrides, code] of cases) {
      expect((await failure(sendgrid.send(config, message(overrides)))).code).toBe(code);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("401 → auth_failed with SendGrid's words and never the key, even when echoed", async () => {
    server.respond(() => ({
      status: 401,
      body: { errors: [{ message: `The provided authorization grant is invalid, expired, or revoked (${API_KEY})`, field: null, help: null }] },
    }));
    const error = await failure(sendgrid.send(config, message()));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toContain("The provided authorization grant is invalid, expired, or revoked");
    expect(error.message).toContain("401");
    expect(error.message).toContain("[redacted]");
    expect(error.message).not.toContain(API_KEY);
  });

  it("403 access forbidden (key without Mail Send) → auth_failed naming the permission", async () => {
    server.respond(() => ({ status: 403, body: { errors: [{ field: null, message: "access forbidden" }] } }));
    const error = await failure(sendgrid.send(config, message()));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toBe("SendGrid refused the API key (HTTP 403): access forbidden. Check the key, and that it has the Mail Send permission.");
  });

  it("403 unverified Sender Identity → invalid_config with the way out", async () => {
    server.respond(() => ({
      status: 403,
      body: {
        errors: [
          {
            message: "The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.",
            field: "from",
            help: "https://sendgrid.com/docs/for-developers/sending-email/sender-identity/",
          },
        ],
      },
    }));
    const error = await failure(sendgrid.send(config, message()));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain("from: The from address does not match a verified Sender Identity");
    expect(error.message).toContain("Sender Authentication");
  });

  it.each<[string, string, ConnectorErrorCode]>([
    ["personalizations.0.to.0.email", "Does not contain a valid address.", "rejected_recipient"],
    ["from.email", "The from email does not contain a valid address.", "invalid_config"],
    ["reply_to.email", "The reply_to email does not contain a valid address.", "invalid_config"],
    ["subject", "The subject is required.", "provider_error"],
  ])("400 on %s → %s", async (field, text, code) => {
    server.respond(() => ({ status: 400, body: { errors: [{ message: text, field, help: null }] } }));
    const error = await failure(sendgrid.send(config, message()));
    expect(error.code).toBe(code);
    expect(error.message).toContain(`${field}: ${text.replace(/\.$/, "")}`);
  });

  it("401 Maximum credits exceeded → rate_limited", async () => {
    server.respond(() => ({ status: 401, body: { errors: [{ message: "Maximum credits exceeded", field: null, help: null }] } }));
    expect((await failure(sendgrid.send(config, message()))).code).toBe("rate_limited");
  });

  it("429 with Retry-After → rate_limited with retryAfterSeconds", async () => {
    server.respond(() => ({ status: 429, headers: { "Retry-After": "17" }, body: { errors: [{ message: "too many requests", field: null }] } }));
    const error = await failure(sendgrid.send(config, message()));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(17);
    expect(error.message).toContain("too many requests");
  });

  it.each([500, 502, 503])("%s → transient", async (status) => {
    server.respond(() => ({ status, body: "upstream trouble" }));
    const error = await failure(sendgrid.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it("404 (wrong base URL) → invalid_config", async () => {
    server.respond(() => ({ status: 404, body: "Not Found" }));
    const error = await failure(sendgrid.send(config, message()));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain("base URL");
  });

  it("no answer within timeoutMs → transient", async () => {
    server.respond(() => "hang");
    const started = Date.now();
    const error = await failure(sendgrid.send({ ...config, timeoutMs: 1000 }, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain("did not answer within 1 s");
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("connection reset → transient", async () => {
    server.respond(() => "reset");
    const error = await failure(sendgrid.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).not.toContain(API_KEY);
  });
});

describe("sendgrid config", () => {
  const SECRET = "hunter2-very-secret";

  it.each([
    { apiKey: SECRET },
    { apiKey: SECRET, sandboxMode: true },
    { apiKey: ` ${SECRET}\n`, baseUrl: "https://api.eu.sendgrid.com", timeoutMs: 20_000 },
    { apiKey: SECRET, baseUrl: "http://127.0.0.1:8025/sendgrid", sandboxMode: false, timeoutMs: 1000 },
  ])("accepts %j", (raw) => {
    const parsed = sendgridConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.apiKey).toBe(SECRET);
  });

  it.each<[string, unknown]>([
    ["empty", {}],
    ["null", null],
    ["blank key", { apiKey: "   " }],
    ["key with a space inside", { apiKey: "SG.abc def" }],
    ["ftp base URL", { apiKey: SECRET, baseUrl: "ftp://api.sendgrid.com" }],
    ["base URL with credentials", { apiKey: SECRET, baseUrl: "https://user:pw@api.sendgrid.com" }],
    ["base URL with a query", { apiKey: SECRET, baseUrl: "https://api.sendgrid.com/?x=1" }],
    ["not a URL", { apiKey: SECRET, baseUrl: "api.sendgrid.com" }],
    ["timeout too short", { apiKey: SECRET, timeoutMs: 999 }],
    ["timeout too long", { apiKey: SECRET, timeoutMs: 60_001 }],
    ["timeout not an integer", { apiKey: SECRET, timeoutMs: 1500.5 }],
    ["sandbox as a string", { apiKey: SECRET, sandboxMode: "true" }],
    ["from inside the config", { apiKey: SECRET, from: "a@b.test" }],
  ])("refuses %s without echoing the key", (_name, raw) => {
    const parsed = sendgridConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(SECRET);
  });

  it("says which field is missing or of the wrong type", () => {
    const issues = (raw: unknown) => sendgridConfigSchema.safeParse(raw).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({})).toEqual([["apiKey", "is required"]]);
    expect(issues({ apiKey: 42 })).toEqual([["apiKey", "must be text"]]);
  });

  it("describes its form: every field is a schema key, the key is the only secret, URL and timeout are advanced", () => {
    const keys = Object.keys(sendgridConfigSchema.shape);
    for (const field of sendgrid.fields) expect(keys).toContain(field.key);
    expect(secretKeys(sendgrid)).toEqual(["apiKey"]);
    expect(sendgrid.fields.filter((f) => f.advanced).map((f) => f.key)).toEqual(["baseUrl", "allowPrivateTargets", "timeoutMs"]);
    expect(sendgrid.fields.find((f) => f.key === "baseUrl")?.default).toBe(SENDGRID_API_BASE);
    expect(SENDGRID_API_BASE).toBe("https://api.sendgrid.com");
  });

  it("builds a body without needing the network", () => {
    expect(toSendGridMail(message({ text: "" }), {}).content).toEqual([
      { type: "text/html", value: `<p>Your sign-in code is <strong>${CODE}</strong>.</p>` },
    ]);
  });
});
