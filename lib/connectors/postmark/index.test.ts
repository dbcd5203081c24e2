import { describe, expect, it } from "vitest";
import { CODE, failure, sampleMessage, useProviderServer } from "../test-helpers";
import type { ProviderServer } from "../test-server";
import { secretKeys, type ConnectorErrorCode, type OutboundMessage } from "../types";
import postmark from "./index";
import { POSTMARK_API_BASE, postmarkConfigSchema, type PostmarkConfig } from "./schema";

const TOKEN = "0f3c9a2e-Secret-4b1d-9e77-5a6c8d2b1f00";
const ACCEPTED = {
  To: "ada@example.test",
  SubmittedAt: "2026-11-24T17:23:01.1234567Z",
  MessageID: "b7bc2f4a-e38e-4336-af7d-e6c392c2f817",
  ErrorCode: 0,
  Message: "OK",
};

const message = sampleMessage;

describe("postmark connector against a local stand-in", () => {
  let server: ProviderServer;
  let config: PostmarkConfig;

  useProviderServer(() => ({ status: 200, body: ACCEPTED }), (started) => {
    server = started;
    config = { serverToken: TOKEN, baseUrl: started.url, allowPrivateTargets: true, timeoutMs: 5000 };
  });

  it("POSTs the documented /email body with the server token header and returns MessageID", async () => {
    const result = await postmark.send(config, message());
    expect(result).toEqual({ messageId: "b7bc2f4a-e38e-4336-af7d-e6c392c2f817" });

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/email");
    expect(req.headers["x-postmark-server-token"]).toBe(TOKEN);
    expect(req.headers.accept).toBe("application/json");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.authorization).toBeUndefined();
    expect(JSON.parse(req.text)).toEqual({
      From: "Acme <no-reply@acme.test>",
      To: "ada@example.test",
      Subject: `Your sign-in code is ${CODE}`,
      HtmlBody: `<p>Your sign-in code is <strong>${CODE}</strong>.</p>`,
      TextBody: `Your sign-in code is ${CODE}.`,
      MessageStream: "outbound",
      TrackOpens: false,
      TrackLinks: "None",
    });
  });

  it("forwards ReplyTo, custom Headers as Name/Value pairs, and the configured stream", async () => {
    await postmark.send(
      { ...config, messageStream: "sign-in-codes" },
      message({ from: { address: "no-reply@acme.test" }, replyTo: "support@acme.test", headers: { "X-Mailgate-Purpose": "SignIn", "List-Id": "<codes.acme.test>" } }),
    );
    const body = JSON.parse(server.requests[0]!.text);
    expect(body.From).toBe("no-reply@acme.test");
    expect(body.ReplyTo).toBe("support@acme.test");
    expect(body.Headers).toEqual([
      { Name: "X-Mailgate-Purpose", Value: "SignIn" },
      { Name: "List-Id", Value: "<codes.acme.test>" },
    ]);
    expect(body.MessageStream).toBe("sign-in-codes");
  });

  it("a CR/LF in the from-name or subject stays text: no header, no extra recipient", async () => {
    await postmark.send(
      config,
      message({ from: { name: "Acme\r\nBcc: evil@x.test", address: "no-reply@acme.test" }, subject: "Hello\r\nBcc: evil2@x.test" }),
    );
    const body = JSON.parse(server.requests[0]!.text);
    expect(body.From).toBe('"Acme Bcc: evil@x.test" <no-reply@acme.test>');
    expect(body.Subject).toBe("Hello Bcc: evil2@x.test");
    expect(body.To).toBe("ada@example.test");
    expect(body.Bcc).toBeUndefined();
    expect(body.Cc).toBeUndefined();
    expect(body.Headers).toBeUndefined();
  });

  it("refuses injection, reserved headers and several recipients before any request", async () => {
    const cases: [Partial<OutboundMessage>, ConnectorErrorCode][] = [
      [{ headers: { "X-Test": "a\r\nBcc: evil@x.test" } }, "provider_error"],
      [{ headers: { "X-Test\r\nBcc": "evil@x.test" } }, "provider_error"],
      [{ headers: { Bcc: "evil@x.test" } }, "provider_error"],
      [{ to: "ada@example.test, evil@x.test" }, "rejected_recipient"],
      [{ to: "Ada <ada@example.test>" }, "rejected_recipient"],
      [{ from: { address: "no-reply@acme.test\r\nBcc: evil@x.test" } }, "invalid_config"],
      [{ replyTo: "support@acme.test\nBcc: evil@x.test" }, "invalid_config"],
    ];
    for (const [overrides, code] of cases) {
      expect((await failure(postmark.send(config, message(overrides)))).code).toBe(code);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("401 ErrorCode 10 → auth_failed, never the token even when echoed", async () => {
    server.respond(() => ({ status: 401, body: { ErrorCode: 10, Message: `Bad or missing Server API token: ${TOKEN}` } }));
    const error = await failure(postmark.send(config, message()));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toBe(
      "Postmark refused the server token (HTTP 401, ErrorCode 10): Bad or missing Server API token: [redacted]. Paste the Server API token again (not the Account token).",
    );
  });

  it.each<[number, ConnectorErrorCode, string, string]>([
    [406, "rejected_recipient", "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ada@example.test.", "until it is reactivated there"],
    [300, "rejected_recipient", "Error parsing 'To': Illegal email address 'ada@example'. It must contain the '@' symbol.", "Check the address the user gave"],
    [300, "invalid_config", "Invalid 'From' address: 'no-reply@acme.test' is not a verified sender signature.", "Add Domain or Signature"],
    [400, "invalid_config", "The 'From' address you supplied (no-reply@acme.test) is not a Sender Signature on your account.", "verified in Postmark"],
    [401, "invalid_config", "Sender signature not confirmed.", "Add Domain or Signature"],
    [412, "invalid_config", "While your account is pending approval, all recipient addresses must share the same domain as the 'From' address.", "pending approval"],
    [1235, "invalid_config", "The message stream for the provided 'ID' was not found.", "message stream ID"],
    [402, "provider_error", "Received invalid JSON input.", "Postmark refused the message (HTTP 422)"],
  ])("422 ErrorCode %s → %s", async (errorCode, code, text, hint) => {
    server.respond(() => ({ status: 422, body: { ErrorCode: errorCode, Message: text } }));
    const error = await failure(postmark.send(config, message()));
    expect(error.code).toBe(code);
    expect(error.message).toContain(text.replace(/\.$/, ""));
    expect(error.message).toContain(hint);
  });

  it("a 200 carrying a non-zero ErrorCode is not a success", async () => {
    server.respond(() => ({ status: 200, body: { ErrorCode: 406, Message: "Found inactive addresses: ada@example.test." } }));
    expect((await failure(postmark.send(config, message()))).code).toBe("rejected_recipient");
  });

  it("429 with Retry-After → rate_limited with retryAfterSeconds", async () => {
    server.respond(() => ({ status: 429, headers: { "Retry-After": "5" }, body: { ErrorCode: 429, Message: "Rate limit exceeded." } }));
    const error = await failure(postmark.send(config, message()));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(5);
  });

  it.each([500, 503])("%s → transient", async (status) => {
    server.respond(() => ({ status, body: "<html>Service Unavailable</html>" }));
    const error = await failure(postmark.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it("no answer within timeoutMs → transient", async () => {
    server.respond(() => "hang");
    const error = await failure(postmark.send({ ...config, timeoutMs: 1000 }, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain("did not answer within 1 s");
  });

  it("connection reset → transient", async () => {
    server.respond(() => "reset");
    const error = await failure(postmark.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).not.toContain(TOKEN);
  });
});

describe("postmark config", () => {
  const SECRET = "hunter2-very-secret";

  it.each([
    { serverToken: SECRET },
    { serverToken: SECRET, messageStream: "outbound" },
    { serverToken: SECRET, messageStream: "sign-in_codes2", baseUrl: "https://api.postmarkapp.com/", timeoutMs: 1000 },
    { serverToken: "POSTMARK_API_TEST" },
  ])("accepts %j", (raw) => {
    expect(postmarkConfigSchema.safeParse(raw).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ["empty", {}],
    ["an API key instead of a server token", { apiKey: SECRET }],
    ["blank token", { serverToken: "" }],
    ["token with a line break inside", { serverToken: "abc\ndef" }],
    ["stream with a space", { serverToken: SECRET, messageStream: "my stream" }],
    ["empty stream", { serverToken: SECRET, messageStream: "" }],
    ["base URL without scheme", { serverToken: SECRET, baseUrl: "api.postmarkapp.com" }],
    ["timeout 0", { serverToken: SECRET, timeoutMs: 0 }],
    ["From inside the config", { serverToken: SECRET, from: "Acme <no-reply@acme.test>" }],
  ])("refuses %s without echoing the token", (_name, raw) => {
    const parsed = postmarkConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(SECRET);
  });

  it("says which field is missing or of the wrong type", () => {
    const issues = (raw: unknown) => postmarkConfigSchema.safeParse(raw).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({})).toEqual([["serverToken", "is required"]]);
    expect(issues({ serverToken: 42 })).toEqual([["serverToken", "must be text"]]);
  });

  it("describes its form: every field is a schema key, the token is the only secret, URL and timeout are advanced", () => {
    const keys = Object.keys(postmarkConfigSchema.shape);
    for (const field of postmark.fields) expect(keys).toContain(field.key);
    expect(secretKeys(postmark)).toEqual(["serverToken"]);
    expect(postmark.fields.filter((f) => f.advanced).map((f) => f.key)).toEqual(["baseUrl", "allowPrivateTargets", "timeoutMs"]);
    expect(POSTMARK_API_BASE).toBe("https://api.postmarkapp.com");
  });
});
