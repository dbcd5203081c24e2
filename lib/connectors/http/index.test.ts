import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startProviderServer, type ProviderServer, type RecordedRequest } from "../test-server";
import { ConnectorError, type ConnectorErrorCode, type OutboundMessage } from "../types";
import connector from "./index";
import { postToEndpoint } from "./post";
import { dns } from "../net/guard";
import { httpConfigSchema, httpFields, type HttpConfig } from "./schema";

/**
 * The receiver is a real HTTP server on 127.0.0.1 that records what arrived;
 * the assertions are about that request (what an operator's endpoint sees),
 * and the signature is checked the way the README tells receivers to.
 */
const SIGNING_SECRET = "whsec-0123456789abcdef-signing";
const AUTHORIZATION = "Bearer tok_live_4f9a8b7c6d5e";

function config(server: ProviderServer, overrides: Record<string, unknown> = {}): HttpConfig {
  return httpConfigSchema.parse({
    endpoint: `${server.url}/mailgate/hook?tenant=acme`,
    authorization: AUTHORIZATION,
    signingSecret: SIGNING_SECRET,
    allowPrivateTargets: true,
    ...overrides,
  });
}

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    to: "ada@example.test",
    from: { name: "Acme", address: "no-reply@acme.test" },
    replyTo: "support@acme.test",
    subject: "Your sign-in code is 482913",
    text: "Your sign-in code is 482913. It expires in 10 minutes.",
    html: "<p>Your sign-in code is <strong>482913</strong>.</p>",
    context: { type: "SignIn", locale: "de", variables: { code: "482913", ttlMinutes: 10 }, ip: "203.0.113.7" },
    idempotencyKey: "outbox-7f3e2a",
    ...overrides,
  };
}

/** What a receiver does, written independently of the connector's signing code. */
function signatureMatches(req: RecordedRequest, secret: string): boolean {
  const timestamp = String(req.headers["x-mailgate-timestamp"]);
  const given = /^v1=([0-9a-f]{64})$/.exec(String(req.headers["x-mailgate-signature"]))?.[1];
  if (!given) return false;
  const expected = createHmac("sha256", secret).update(Buffer.concat([Buffer.from(`${timestamp}.`), req.body])).digest();
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}

async function sendExpectingError(cfg: HttpConfig, msg: OutboundMessage = message()): Promise<ConnectorError> {
  try {
    await connector.send(cfg, msg);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error("expected the send to fail");
}

describe("http connector against a loopback receiver", () => {
  let server: ProviderServer;
  beforeAll(async () => {
    server = await startProviderServer();
  });
  afterEach(() => {
    server.respond(() => ({ status: 200, body: {} }));
    server.requests.length = 0;
  });
  afterAll(async () => {
    await server.close();
  });

  it("POSTs the documented JSON with the documented headers and a signature a receiver can verify", async () => {
    server.respond(() => ({ status: 200, body: { id: "rcv-123" } }));
    const before = Math.floor(Date.now() / 1000);
    const result = await connector.send(config(server), message());

    expect(result).toEqual({ messageId: "rcv-123" });
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/mailgate/hook");
    expect(req.query.get("tenant")).toBe("acme");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.authorization).toBe(AUTHORIZATION);
    expect(req.headers["idempotency-key"]).toBe("outbox-7f3e2a");
    expect(req.headers["user-agent"]).toBe("Mailgate");
    expect(JSON.parse(req.text)).toEqual({
      to: "ada@example.test",
      from: { name: "Acme", address: "no-reply@acme.test" },
      replyTo: "support@acme.test",
      type: "SignIn",
      payload: {
        code: "482913",
        ttlMinutes: 10,
        locale: "de",
        subject: "Your sign-in code is 482913",
        html: "<p>Your sign-in code is <strong>482913</strong>.</p>",
        text: "Your sign-in code is 482913. It expires in 10 minutes.",
      },
      ip: "203.0.113.7",
    });

    const timestamp = Number(req.headers["x-mailgate-timestamp"]);
    expect(Number.isInteger(timestamp)).toBe(true);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(signatureMatches(req, SIGNING_SECRET)).toBe(true);
    expect(signatureMatches(req, "another-secret-of-16+chars")).toBe(false);
    // A body altered in transit no longer matches.
    expect(signatureMatches({ ...req, body: Buffer.from(req.text.replace("ada@", "eve@")) }, SIGNING_SECRET)).toBe(false);
  });

  it("without context: type Generic, only the rendered parts, no ip; no Authorization or Idempotency-Key when not set", async () => {
    server.respond(() => ({ status: 202 }));
    const cfg = config(server, { authorization: undefined });
    const result = await connector.send(cfg, message({ context: undefined, idempotencyKey: undefined, replyTo: undefined, from: { address: "no-reply@acme.test" } }));

    expect(result.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const req = server.requests[0]!;
    expect(req.headers.authorization).toBeUndefined();
    expect(req.headers["idempotency-key"]).toBeUndefined();
    expect(JSON.parse(req.text)).toEqual({
      to: "ada@example.test",
      from: { address: "no-reply@acme.test" },
      type: "Generic",
      payload: { subject: "Your sign-in code is 482913", html: message().html, text: message().text },
    });
  });

  it("202 without a body → the idempotency key is the message id; `messageId` in the body is used too", async () => {
    server.respond(() => ({ status: 202 }));
    expect(await connector.send(config(server), message())).toEqual({ messageId: "outbox-7f3e2a" });
    server.respond(() => ({ status: 201, body: { messageId: "queued-9" } }));
    expect(await connector.send(config(server), message())).toEqual({ messageId: "queued-9" });
  });

  it("forwards the message's extra headers; template variables cannot replace the rendered subject", async () => {
    await connector.send(
      config(server),
      message({ headers: { "List-Unsubscribe": "<mailto:u@acme.test>" }, context: { type: "SignIn", locale: "en", variables: { subject: "spoofed" } } }),
    );
    const body = JSON.parse(server.requests[0]!.text) as Record<string, Record<string, unknown>>;
    expect(body.headers).toEqual({ "List-Unsubscribe": "<mailto:u@acme.test>" });
    expect(body.payload!.subject).toBe("Your sign-in code is 482913");
  });

  it.each<[string, number, unknown, Record<string, string> | undefined, ConnectorErrorCode, RegExp]>([
    ["401", 401, { error: { message: "bad token" } }, undefined, "auth_failed", /HTTP 401.*bad token/],
    ["403", 403, "forbidden", undefined, "auth_failed", /HTTP 403/],
    ["404", 404, "Not Found", undefined, "invalid_config", /not found.*check the URL/],
    ["405", 405, undefined, undefined, "invalid_config", /does not accept POST.*check the URL/],
    ["400", 400, { error: { code: "bad_request", message: "payload.code missing" } }, undefined, "provider_error", /HTTP 400.*payload\.code missing/],
    ["422 without a code", 422, { error: { message: "template unknown" } }, undefined, "provider_error", /HTTP 422.*template unknown/],
    ["422 rejected_recipient", 422, { error: { code: "rejected_recipient", message: "mailbox does not exist" } }, undefined, "rejected_recipient", /mailbox does not exist/],
    ["408", 408, undefined, undefined, "transient", /HTTP 408/],
    ["500", 500, "boom", undefined, "transient", /HTTP 500.*boom/],
    ["503", 503, undefined, undefined, "transient", /HTTP 503/],
    ["302", 302, undefined, { location: "/elsewhere" }, "invalid_config", /redirect.*\/elsewhere.*not followed/],
  ])("%s → %s", async (_name, status, body, headers, code, text) => {
    server.respond((req) => (req.path === "/elsewhere" ? { status: 200, body: { id: "followed" } } : { status, body, headers }));
    const error = await sendExpectingError(config(server));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(text);
    expect(server.requests).toHaveLength(1);
  });

  it("429 with Retry-After → rate_limited carrying the delay", async () => {
    server.respond(() => ({ status: 429, body: { error: { message: "slow down" } }, headers: { "retry-after": "30" } }));
    const error = await sendExpectingError(config(server));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(30);
  });

  it("a receiver that never answers → transient after timeoutMs", async () => {
    server.respond(() => "hang");
    const started = Date.now();
    const error = await sendExpectingError(config(server, { timeoutMs: 1000 }));
    expect(error.code).toBe("transient");
    expect(error.message).toMatch(/did not answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a connection reset → transient", async () => {
    server.respond(() => "reset");
    const error = await sendExpectingError(config(server));
    expect(error.code).toBe("transient");
    expect(error.message).toMatch(/ECONNRESET|socket hang up/);
  });

  it("https:// to a plain-HTTP port → invalid_config naming the TLS mix-up", async () => {
    const error = await sendExpectingError(config(server, { endpoint: server.url.replace("http:", "https:") }));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toMatch(/TLS handshake with 127\.0\.0\.1 failed.*HTTPS on this port/);
    expect(server.requests).toHaveLength(0);
  });

  it("keeps the Authorization value and the signing secret out of errors, even when the receiver echoes them", async () => {
    server.respond((req) => ({ status: 400, body: `got ${String(req.headers.authorization)} and ${SIGNING_SECRET}` }));
    const error = await sendExpectingError(config(server));
    expect(error.code).toBe("provider_error");
    expect(error.message).not.toContain("tok_live_4f9a8b7c6d5e");
    expect(error.message).not.toContain(SIGNING_SECRET);
    expect(error.message).toContain("[redacted]");
  });

  it("the same loopback endpoint without allowPrivateTargets is refused and receives nothing", async () => {
    const error = await sendExpectingError(config(server, { allowPrivateTargets: undefined }));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain("127.0.0.1");
    expect(error.message).toMatch(/loopback/);
    expect(error.message).toContain("Allow private network targets");
    expect(server.requests).toHaveLength(0);
  });

  it("a host name that resolves to loopback (localhost) is refused and receives nothing", async () => {
    const port = new URL(server.url).port;
    const error = await sendExpectingError(config(server, { endpoint: `http://localhost:${port}/hook`, allowPrivateTargets: false }));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toMatch(/localhost resolves to a loopback address \((127\.0\.0\.1|::1)\)/);
    expect(server.requests).toHaveLength(0);
  });

  it("connects to the address that was checked: the host is resolved once, by the guard, never again by Node", async () => {
    const port = new URL(server.url).port;
    const resolve = vi.spyOn(dns, "resolve").mockImplementation(async () => [{ address: "127.0.0.1", family: 4 }]);
    const response = await postToEndpoint(`http://receiver.mailgate.test:${port}/pinned`, {
      body: "{}",
      headers: { "Content-Type": "application/json" },
      timeoutMs: 5000,
      allowPrivateTargets: true,
    });
    expect(response.status).toBe(200);
    expect(resolve).toHaveBeenCalledTimes(1);
    // The name that does not exist in DNS was never looked up again; the Host header still names it.
    expect(server.requests[0]!.headers.host).toBe(`receiver.mailgate.test:${port}`);
    resolve.mockRestore();
  });
});

describe("private targets are refused before any connection", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function stubRequests() {
    // Stubbed, not spied: if the guard ever regresses, these tests fail without sending anything anywhere.
    const refuse = () => {
      throw new Error("the guard let a request through");
    };
    return [vi.spyOn(http, "request").mockImplementation(refuse), vi.spyOn(https, "request").mockImplementation(refuse)] as const;
  }

  it.each([
    ["http://10.0.0.1/", "a private address"],
    ["http://169.254.169.254/latest/meta-data/", "a link-local address"],
    ["http://[::ffff:127.0.0.1]/", "a loopback address"],
    ["http://[fe80::1]/", "a link-local address"],
    ["http://0.0.0.0/", "an unspecified"],
    ["http://[::]/", "an unspecified address"],
    ["http://[::1]:8080/", "a loopback address"],
    ["http://192.168.1.20/", "a private address"],
    ["http://100.64.0.1/", "a carrier-grade NAT"],
    ["http://0x7f.1/", "a loopback address"],
    ["https://[fd00::5]/", "a private (unique local) address"],
    ["http://224.0.0.251/", "a multicast address"],
  ])("%s → invalid_config (%s), no request made", async (endpoint, kind) => {
    const [request, secureRequest] = stubRequests();
    const started = Date.now();
    const error = await sendExpectingError(httpConfigSchema.parse({ endpoint, signingSecret: SIGNING_SECRET, timeoutMs: 5000 }));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain(kind);
    expect(error.message).toContain("Allow private network targets");
    expect(request).not.toHaveBeenCalled();
    expect(secureRequest).not.toHaveBeenCalled();
    // Well under the timeout: refused by the guard, not by a failed connection attempt.
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("a host with one public and one private address is refused before connecting", async () => {
    const [request] = stubRequests();
    vi.spyOn(dns, "resolve").mockImplementation(async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ]);
    await expect(
      postToEndpoint("http://mixed.mailgate.test/", { body: "{}", headers: {}, timeoutMs: 5000, allowPrivateTargets: false }),
    ).rejects.toMatchObject({ code: "invalid_config", message: expect.stringContaining("resolves to a private address (10.0.0.5)") });
    expect(request).not.toHaveBeenCalled();
  });
});

describe("http config schema", () => {
  const valid = { endpoint: "https://mail.example.com/mailgate", signingSecret: SIGNING_SECRET };

  it("applies the defaults and keeps the fields and schema in step", () => {
    expect(httpConfigSchema.parse(valid)).toEqual({ ...valid, allowPrivateTargets: false, timeoutMs: 10_000 });
    const keys = httpFields.map((f) => f.key).sort();
    expect(keys).toEqual(Object.keys(httpConfigSchema.shape).sort());
    expect(httpFields.filter((f) => f.secret).map((f) => f.key).sort()).toEqual(["authorization", "signingSecret"]);
  });

  it.each<[string, Record<string, unknown>]>([
    ["no endpoint", { signingSecret: SIGNING_SECRET }],
    ["no signing secret", { endpoint: valid.endpoint }],
    ["a short signing secret", { ...valid, signingSecret: "too-short" }],
    ["an ftp URL", { ...valid, endpoint: "ftp://mail.example.com/" }],
    ["not a URL", { ...valid, endpoint: "mail.example.com/mailgate" }],
    ["credentials in the URL", { ...valid, endpoint: "https://user:pw@mail.example.com/" }],
    ["a line break in Authorization", { ...valid, authorization: "Bearer x\r\nX-Evil: 1" }],
    ["a timeout below 1 s", { ...valid, timeoutMs: 500 }],
    ["a timeout above 60 s", { ...valid, timeoutMs: 60_001 }],
    ["a fractional timeout", { ...valid, timeoutMs: 1500.5 }],
    ["allowPrivateTargets as a string", { ...valid, allowPrivateTargets: "true" }],
    ["an unknown key", { ...valid, secret: "x" }],
  ])("refuses %s", (_name, input) => {
    expect(httpConfigSchema.safeParse(input).success).toBe(false);
  });
});
