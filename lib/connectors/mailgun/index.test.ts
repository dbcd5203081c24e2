import { describe, expect, it } from "vitest";
import { CODE, failure, sampleMessage, useProviderServer } from "../test-helpers";
import type { ProviderServer } from "../test-server";
import { secretKeys, type ConnectorErrorCode, type OutboundMessage } from "../types";
import mailgun, { mailgunMessagesUrl } from "./index";
import { MAILGUN_API_BASES, mailgunConfigSchema, type MailgunConfig } from "./schema";

const API_KEY = "key-test-Secret-0123456789abcdef";
const BASIC = Buffer.from(`api:${API_KEY}`).toString("base64");

/** Sent from the sending domain, as Mailgun requires. */
const message = (overrides: Partial<OutboundMessage> = {}) =>
  sampleMessage({ from: { name: "Acme", address: "no-reply@mg.acme.test" }, ...overrides });

describe("mailgun connector against a local stand-in", () => {
  let server: ProviderServer;
  let config: MailgunConfig;

  useProviderServer(() => ({ status: 200, body: { id: "<20261124172301.1.ABCDEF@mg.acme.test>", message: "Queued. Thank you." } }), (started) => {
    server = started;
    config = { apiKey: API_KEY, domain: "mg.acme.test", region: "eu", baseUrl: started.url, allowPrivateTargets: true, timeoutMs: 5000 };
  });

  it("POSTs the documented form fields with Basic api:<key> and returns the id without angle brackets", async () => {
    const result = await mailgun.send(config, message());
    expect(result).toEqual({ messageId: "20261124172301.1.ABCDEF@mg.acme.test" });

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v3/mg.acme.test/messages");
    expect(req.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(Buffer.from(BASIC, "base64").toString()).toBe(`api:${API_KEY}`);
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect([...new URLSearchParams(req.text)]).toEqual([
      ["from", "Acme <no-reply@mg.acme.test>"],
      ["to", "ada@example.test"],
      ["subject", `Your sign-in code is ${CODE}`],
      ["text", `Your sign-in code is ${CODE}.`],
      ["html", `<p>Your sign-in code is <strong>${CODE}</strong>.</p>`],
      ["o:tracking", "no"],
    ]);
  });

  it("forwards Reply-To and custom headers as h: fields, and test mode as o:testmode", async () => {
    await mailgun.send(
      { ...config, testMode: true },
      message({ replyTo: "support@acme.test", headers: { "X-Mailgate-Purpose": "SignIn", "List-Id": "<codes.acme.test>" } }),
    );
    const form = new URLSearchParams(server.requests[0]!.text);
    expect(form.getAll("h:Reply-To")).toEqual(["support@acme.test"]);
    expect(form.getAll("h:X-Mailgate-Purpose")).toEqual(["SignIn"]);
    expect(form.getAll("h:List-Id")).toEqual(["<codes.acme.test>"]);
    expect(form.getAll("o:testmode")).toEqual(["yes"]);
  });

  it("quotes a display name with specials, so it stays one mailbox", async () => {
    await mailgun.send(config, message({ from: { name: 'Acme, Inc. "HQ"', address: "no-reply@mg.acme.test" } }));
    expect(new URLSearchParams(server.requests[0]!.text).get("from")).toBe('"Acme, Inc. \\"HQ\\"" <no-reply@mg.acme.test>');
  });

  it("a CR/LF in the from-name or subject stays text: no header, no extra recipient", async () => {
    await mailgun.send(
      config,
      message({ from: { name: "Acme\r\nBcc: evil@x.test", address: "no-reply@mg.acme.test" }, subject: "Hello\r\nBcc: evil2@x.test" }),
    );
    const form = new URLSearchParams(server.requests[0]!.text);
    expect(form.get("from")).toBe('"Acme Bcc: evil@x.test" <no-reply@mg.acme.test>');
    expect(form.get("subject")).toBe("Hello Bcc: evil2@x.test");
    expect(form.getAll("to")).toEqual(["ada@example.test"]);
    expect([...form.keys()].filter((k) => k.startsWith("h:") || k === "bcc" || k === "cc")).toEqual([]);
  });

  it("refuses injection, reserved headers and several recipients before any request", async () => {
    const cases: [Partial<OutboundMessage>, ConnectorErrorCode][] = [
      [{ headers: { "X-Test": "a\r\nBcc: evil@x.test" } }, "provider_error"],
      [{ headers: { "X-Test\r\nBcc": "evil@x.test" } }, "provider_error"],
      [{ headers: { Bcc: "evil@x.test" } }, "provider_error"],
      [{ headers: { "Reply-To": "evil@x.test" } }, "provider_error"],
      [{ to: "ada@example.test, evil@x.test" }, "rejected_recipient"],
      [{ to: "ada@example.test\r\nBcc: evil@x.test" }, "rejected_recipient"],
      [{ from: { address: "no-reply@mg.acme.test\r\nBcc: evil@x.test" } }, "invalid_config"],
      [{ replyTo: "not an address" }, "invalid_config"],
    ];
    for (const [overrides, code] of cases) {
      expect((await failure(mailgun.send(config, message(overrides)))).code).toBe(code);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("401 Forbidden → auth_failed, and neither the key nor its Basic form appears", async () => {
    server.respond(() => ({ status: 401, body: `Forbidden (${API_KEY} / ${BASIC})` }));
    const error = await failure(mailgun.send(config, message()));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toBe(
      "Mailgun refused the API key (HTTP 401): Forbidden ([redacted] / [redacted]). Check the key and the region; a Domain Sending Key only works for its own domain.",
    );
  });

  it.each<[number, string]>([
    [404, "Domain not found: mg.acme.test"],
    [400, "Domain not found: mg.acme.test"],
  ])("%s %s → invalid_config pointing at domain and region", async (status, text) => {
    server.respond(() => ({ status, body: { message: text } }));
    const error = await failure(mailgun.send(config, message()));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain(text);
    expect(error.message).toContain("https://api.eu.mailgun.net");
  });

  it("403 from a sandbox domain to an unauthorized address → invalid_config", async () => {
    server.respond(() => ({
      status: 403,
      body: {
        message:
          "Domain sandbox123.mailgun.org is not allowed to send: Free accounts are for test purposes only. Please upgrade or add the address to authorized recipients in Account Settings.",
      },
    }));
    const error = await failure(mailgun.send(config, message()));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain("authorized recipients");
  });

  it.each<[string, ConnectorErrorCode]>([
    ["to parameter is not a valid address. please check documentation", "rejected_recipient"],
    ["from parameter is not a valid address. please check documentation", "invalid_config"],
    ["Send options (parameters starting with o:, h:, or v:) are limited to 16 kB total", "provider_error"],
  ])("400 %s → %s", async (text, code) => {
    server.respond(() => ({ status: 400, body: { message: text } }));
    const error = await failure(mailgun.send(config, message()));
    expect(error.code).toBe(code);
    expect(error.message).toContain(text.replace(/\.$/, ""));
  });

  it("429 with Retry-After → rate_limited with retryAfterSeconds", async () => {
    server.respond(() => ({ status: 429, headers: { "Retry-After": "30" }, body: { message: "Too many requests" } }));
    const error = await failure(mailgun.send(config, message()));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(30);
  });

  it.each([500, 503])("%s → transient", async (status) => {
    server.respond(() => ({ status, body: { message: "Internal error" } }));
    const error = await failure(mailgun.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it("no answer within timeoutMs → transient", async () => {
    server.respond(() => "hang");
    const error = await failure(mailgun.send({ ...config, timeoutMs: 1000 }, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain("did not answer within 1 s");
  });

  it("connection reset → transient", async () => {
    server.respond(() => "reset");
    const error = await failure(mailgun.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).not.toContain(API_KEY);
  });
});

describe("mailgun config", () => {
  const SECRET = "hunter2-very-secret";

  it("picks the API by region unless a base URL is set", () => {
    expect(mailgunMessagesUrl({ domain: "mg.acme.test" })).toBe("https://api.mailgun.net/v3/mg.acme.test/messages");
    expect(mailgunMessagesUrl({ domain: "mg.acme.test", region: "us" })).toBe("https://api.mailgun.net/v3/mg.acme.test/messages");
    expect(mailgunMessagesUrl({ domain: "mg.acme.test", region: "eu" })).toBe("https://api.eu.mailgun.net/v3/mg.acme.test/messages");
    expect(mailgunMessagesUrl({ domain: "mg.acme.test", region: "eu", baseUrl: "http://127.0.0.1:9/mg/" })).toBe(
      "http://127.0.0.1:9/mg/v3/mg.acme.test/messages",
    );
    expect(MAILGUN_API_BASES).toEqual({ us: "https://api.mailgun.net", eu: "https://api.eu.mailgun.net" });
  });

  it.each([
    { apiKey: SECRET, domain: "mg.example.com" },
    { apiKey: SECRET, domain: " MG.Example.com ", region: "eu" },
    { apiKey: SECRET, domain: "sandbox0123456789abcdef.mailgun.org", region: "us", testMode: true },
    { apiKey: SECRET, domain: "mg.example.com", baseUrl: "http://127.0.0.1:8025", timeoutMs: 60_000 },
  ])("accepts %j", (raw) => {
    const parsed = mailgunConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.apiKey).toBe(SECRET);
    expect(parsed.data?.domain).toMatch(/^[a-z0-9.]+$/);
  });

  it.each<[string, unknown]>([
    ["empty", {}],
    ["missing domain", { apiKey: SECRET }],
    ["missing key", { domain: "mg.example.com" }],
    ["domain with scheme", { apiKey: SECRET, domain: "https://mg.example.com" }],
    ["domain with a path", { apiKey: SECRET, domain: "mg.example.com/v3" }],
    ["single-label domain", { apiKey: SECRET, domain: "localhost" }],
    ["an address as domain", { apiKey: SECRET, domain: "postmaster@mg.example.com" }],
    ["unknown region", { apiKey: SECRET, domain: "mg.example.com", region: "asia" }],
    ["javascript base URL", { apiKey: SECRET, domain: "mg.example.com", baseUrl: "javascript:alert(1)" }],
    ["timeout as string", { apiKey: SECRET, domain: "mg.example.com", timeoutMs: "10000" }],
    ["unknown key", { apiKey: SECRET, domain: "mg.example.com", fromAddress: "a@b.test" }],
  ])("refuses %s without echoing the key", (_name, raw) => {
    const parsed = mailgunConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(SECRET);
  });

  it("says which field is missing or of the wrong type", () => {
    const issues = (raw: unknown) => mailgunConfigSchema.safeParse(raw).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({})).toEqual([["apiKey", "is required"], ["domain", "is required"]]);
    expect(issues({ apiKey: 42, domain: "mg.example.com" })).toEqual([["apiKey", "must be text"]]);
  });

  it("describes its form: every field is a schema key, the key is the only secret, URL and timeout are advanced", () => {
    const keys = Object.keys(mailgunConfigSchema.shape);
    for (const field of mailgun.fields) expect(keys).toContain(field.key);
    expect(secretKeys(mailgun)).toEqual(["apiKey"]);
    expect(mailgun.fields.filter((f) => f.advanced).map((f) => f.key)).toEqual(["baseUrl", "allowPrivateTargets", "timeoutMs"]);
    expect(mailgun.fields.find((f) => f.key === "region")?.options?.map((o) => o.value)).toEqual(["us", "eu"]);
  });
});
