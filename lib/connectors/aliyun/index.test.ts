import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CODE, failure, sampleMessage, useProviderServer } from "../test-helpers";
import type { ProviderServer, RecordedRequest } from "../test-server";
import { secretKeys, type ConnectorErrorCode, type OutboundMessage } from "../types";
import aliyun, { toAliyunParams } from "./index";
import { ALIYUN_ENDPOINTS, aliyunConfigSchema, type AliyunConfig } from "./schema";

const KEY_ID = "LTAI5tExampleKeyId12345";
const SECRET = "Zx9Secret-AccessKey-Secret-0a1b2c";
const ACCEPTED = { RequestId: "2D8A1F5B-3C4E-4F60-8A9B-0C1D2E3F4A5B", EnvId: "600000123456789" };

/** Sent from the sending domain, as DirectMail requires. */
const message = (overrides: Partial<OutboundMessage> = {}) =>
  sampleMessage({ from: { name: "Acme", address: "no-reply@mail.acme.test" }, ...overrides });

// ---- The RPC signature (HMAC-SHA1, version 1.0), written here from Aliyun's description, not imported ----

/** RFC 3986, byte by byte: unreserved characters stay, every other UTF-8 byte becomes %XX (upper case). */
function rfc3986(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function rpcSignature(method: string, params: Map<string, string>, secret: string): string {
  const canonical = [...params.keys()]
    .sort()
    .map((key) => `${rfc3986(key)}=${rfc3986(params.get(key)!)}`)
    .join("&");
  const stringToSign = `${method}&${rfc3986("/")}&${rfc3986(canonical)}`;
  return createHmac("sha1", `${secret}&`).update(stringToSign, "utf8").digest("base64");
}

/** The form as the server decodes it, without Signature, plus the Signature it carried. */
function formOf(req: RecordedRequest): { params: Map<string, string>; signature: string } {
  const form = new URLSearchParams(req.text);
  const params = new Map([...form.entries()].filter(([key]) => key !== "Signature"));
  return { params, signature: form.get("Signature") ?? "" };
}

function verify(req: RecordedRequest, secret: string): boolean {
  const { params, signature } = formOf(req);
  return signature !== "" && rpcSignature(req.method, params, secret) === signature;
}

describe("the test's own RPC signer", () => {
  it("reproduces Aliyun's documented example (DescribeRegions, testid/testsecret)", () => {
    const params = new Map(
      Object.entries({
        TimeStamp: "2016-02-23T12:46:24Z",
        Format: "XML",
        AccessKeyId: "testid",
        Action: "DescribeRegions",
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        Version: "2014-05-26",
        SignatureVersion: "1.0",
      }),
    );
    expect(rpcSignature("GET", params, "testsecret")).toBe("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
    expect(rfc3986("a b*c~d/é")).toBe("a%20b%2Ac~d%2F%C3%A9");
  });
});

describe("aliyun connector against a local stand-in of DirectMail", () => {
  let server: ProviderServer;
  let config: AliyunConfig;

  useProviderServer(() => ({ status: 200, body: ACCEPTED }), (started) => {
    server = started;
    config = { accessKeyId: KEY_ID, accessKeySecret: SECRET, baseUrl: started.url, allowPrivateTargets: true, timeoutMs: 5000 };
  });

  it("POSTs SingleSendMail as a form with the documented parameters and returns the EnvId", async () => {
    const result = await aliyun.send(config, message());
    expect(result).toEqual({ messageId: "600000123456789" });

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/");
    expect([...req.query.keys()]).toEqual([]);
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const { params } = formOf(req);
    const nonce = params.get("SignatureNonce")!;
    const timestamp = params.get("Timestamp")!;
    expect(Object.fromEntries(params)).toEqual({
      Action: "SingleSendMail",
      AccountName: "no-reply@mail.acme.test",
      AddressType: "1",
      ReplyToAddress: "false",
      ToAddress: "ada@example.test",
      Subject: `Your sign-in code is ${CODE}`,
      FromAlias: "Acme",
      HtmlBody: `<p>Your sign-in code is <strong>${CODE}</strong>.</p>`,
      TextBody: `Your sign-in code is ${CODE}.`,
      Format: "JSON",
      Version: "2015-11-23",
      AccessKeyId: KEY_ID,
      RegionId: "cn-hangzhou",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      SignatureNonce: nonce,
      Timestamp: timestamp,
    });
    expect(nonce).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(timestamp) - Date.now())).toBeLessThan(60_000);
    expect(req.text).not.toContain(SECRET);
  });

  it("signs the form: the signature verifies, and fails with a wrong secret or a tampered parameter", async () => {
    await aliyun.send(config, message());
    const req = server.requests[0]!;
    expect(verify(req, SECRET)).toBe(true);
    expect(verify(req, "wrong-secret")).toBe(false);
    const tampered = { ...req, text: req.text.replace("ToAddress=ada%40example.test", "ToAddress=eve%40example.test") };
    expect(tampered.text).not.toBe(req.text);
    expect(verify(tampered, SECRET)).toBe(false);
  });

  it("encodes the body as signed (RFC 3986: %20, %2A, ~) and the signature still verifies with non-ASCII text", async () => {
    await aliyun.send(config, message({ subject: "Code *482913* ~ok", from: { name: "Ünïcode 名前", address: "no-reply@mail.acme.test" } }));
    const req = server.requests[0]!;
    expect(req.text).toContain("Subject=Code%20%2A482913%2A%20~ok");
    expect(req.text).not.toMatch(/\+/);
    expect(formOf(req).params.get("FromAlias")).toBe("Ünïcode 名前");
    expect(verify(req, SECRET)).toBe(true);
  });

  it("uses the region's endpoint parameter, tag, reply-to and headers as DirectMail names them", async () => {
    await aliyun.send(
      { ...config, region: "ap-southeast-1", tagName: "signin_codes", useConsoleReplyTo: true },
      message({ replyTo: "support@acme.test", headers: { "X-Mailgate-Purpose": "SignIn", "list-unsubscribe": "<mailto:u@acme.test>", "X-User-Id": "42" } }),
    );
    const { params } = formOf(server.requests[0]!);
    expect(params.get("RegionId")).toBe("ap-southeast-1");
    expect(params.get("TagName")).toBe("signin_codes");
    expect(params.get("ReplyAddress")).toBe("support@acme.test");
    expect(params.get("ReplyToAddress")).toBe("false");
    expect(JSON.parse(params.get("Headers")!)).toEqual({
      "X-User-Mailgate-Purpose": "SignIn",
      "List-Unsubscribe": "<mailto:u@acme.test>",
      "X-User-Id": "42",
    });
    expect(verify(server.requests[0]!, SECRET)).toBe(true);

    await aliyun.send({ ...config, useConsoleReplyTo: true }, message());
    expect(formOf(server.requests[1]!).params.get("ReplyToAddress")).toBe("true");
  });

  it("a CR/LF in the sender name or subject stays text: no header, no extra recipient", async () => {
    await aliyun.send(config, message({ from: { name: "A\r\nBcc: e@x.test", address: "no-reply@mail.acme.test" }, subject: "Hello\r\nBcc: evil2@x.test" }));
    const { params } = formOf(server.requests[0]!);
    expect(params.get("FromAlias")).toBe("A Bcc: e@x.test");
    expect(params.get("Subject")).toBe("Hello Bcc: evil2@x.test");
    expect(params.get("ToAddress")).toBe("ada@example.test");
    expect(params.has("Headers")).toBe(false);
    expect([...params.values()].some((v) => /[\r\n]/.test(v) && v !== params.get("HtmlBody") && v !== params.get("TextBody"))).toBe(false);
  });

  it("refuses injection, reserved headers and several recipients before any request", async () => {
    const cases: [Partial<OutboundMessage>, ConnectorErrorCode][] = [
      [{ headers: { "X-Test": "a\r\nBcc: evil@x.test" } }, "provider_error"],
      [{ headers: { "X-Test\r\nBcc": "evil@x.test" } }, "provider_error"],
      [{ headers: { Bcc: "evil@x.test" } }, "provider_error"],
      [{ headers: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`X-H${i}`, "v"])) }, "provider_error"],
      [{ to: "ada@example.test, evil@x.test" }, "rejected_recipient"],
      [{ to: "Ada <ada@example.test>" }, "rejected_recipient"],
      [{ from: { address: "no-reply@acme.test\r\nBcc: evil@x.test" } }, "invalid_config"],
      [{ replyTo: "support@acme.test\nBcc: evil@x.test" }, "invalid_config"],
    ];
    for (const [overrides, code] of cases) {
      expect((await failure(aliyun.send(config, message(overrides)))).code).toBe(code);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("InvalidAccessKeyId.NotFound → auth_failed with DirectMail's words and RequestId, never the secret even when echoed", async () => {
    server.respond(() => ({
      status: 404,
      body: { RequestId: "R-1", HostId: "dm.aliyuncs.com", Code: "InvalidAccessKeyId.NotFound", Message: `Specified access key is not found. (${SECRET})` },
    }));
    const error = await failure(aliyun.send(config, message()));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toBe(
      "Aliyun DirectMail refused the credentials (HTTP 404, InvalidAccessKeyId.NotFound, RequestId R-1): Specified access key is not found. ([redacted]). Check the AccessKey ID: it must exist and be enabled.",
    );
  });

  it.each<[number, string, string, ConnectorErrorCode, string]>([
    [400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", "auth_failed", "AccessKey secret"],
    [400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.", "auth_failed", "AccessKey secret"],
    [403, "Forbidden.RAM", "User not authorized to operate on the specified resource.", "auth_failed", "dm:SingleSendMail"],
    [400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.", "auth_failed", "clock"],
    [400, "Throttling.User", "Request was denied due to user flow control.", "rate_limited", "tries again later"],
    [400, "InvalidToAddress", "The specified toAddress is wrongly formed.", "rejected_recipient", "will not send"],
    [400, "InvalidToAddress.Spam", "Sendmail rejected by invalid address.", "rejected_recipient", "will not send"],
    [404, "InvalidMailAddress.NotFound", "The specified mailAddress does not exist.", "invalid_config", "Sender Addresses"],
    [400, "InvalidMailAddressStatus.Malformed", "The specified mailAddress status is wrongly formed.", "invalid_config", "Sender Addresses"],
    [400, "InvalidMailAddressSendType.Malformed", "The specified mailAddress sendType is wrongly formed.", "invalid_config", "triggered"],
    [400, "InvalidDomain.NotFound", "The specified domain does not exist.", "invalid_config", "verified domain"],
    [400, "InvalidSendMail.Spam", "Sendmail rejected by spam filter.", "invalid_config", "daily quota"],
    [400, "InvalidTagName.Malformed", "The specified tagName is wrongly formed.", "invalid_config", "email tag"],
    [400, "InvalidBody", "The specified textBody or htmlBody is wrongly formed.", "provider_error", "refused the message"],
    [503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.", "transient", "temporary problem"],
    [500, "InternalError", "The request processing has failed due to some unknown error.", "transient", "temporary problem"],
  ])("HTTP %s %s → %s", async (status, code, text, expected, hint) => {
    server.respond(() => ({ status, body: { RequestId: "R-2", Code: code, Message: text } }));
    const error = await failure(aliyun.send(config, message()));
    expect(error.code).toBe(expected);
    expect(error.message).toContain(`(HTTP ${status}, ${code}, RequestId R-2): ${text}`);
    expect(error.message).toContain(hint);
    expect(error.message).not.toContain(SECRET);
  });

  it("a 200 that carries a Code is not a success", async () => {
    server.respond(() => ({ status: 200, body: { RequestId: "R-3", Code: "InvalidToAddress", Message: "The specified toAddress is wrongly formed." } }));
    expect((await failure(aliyun.send(config, message()))).code).toBe("rejected_recipient");
  });

  it("429 without a body → rate_limited with Retry-After", async () => {
    server.respond(() => ({ status: 429, headers: { "Retry-After": "7" }, body: "Too Many Requests" }));
    const error = await failure(aliyun.send(config, message()));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(7);
  });

  it.each([500, 502, 503])("%s with an HTML page → transient", async (status) => {
    server.respond(() => ({ status, body: "<html>Bad Gateway</html>" }));
    const error = await failure(aliyun.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it("no answer within timeoutMs → transient", async () => {
    server.respond(() => "hang");
    const error = await failure(aliyun.send({ ...config, timeoutMs: 1000 }, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toBe(`Aliyun DirectMail did not answer within 1 s (${new URL(server.url).host}).`);
  });

  it("connection reset → transient", async () => {
    server.respond(() => "reset");
    const error = await failure(aliyun.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).not.toContain(SECRET);
  });

  it("falls back to RequestId when there is no EnvId", async () => {
    server.respond(() => ({ status: 200, body: { RequestId: "R-4" } }));
    expect(await aliyun.send(config, message())).toEqual({ messageId: "R-4" });
  });
});

describe("aliyun message limits (no network)", () => {
  it("keeps FromAlias within 15 characters, at a word boundary when there is one", () => {
    const alias = (name: string) => toAliyunParams(message({ from: { name, address: "a@mail.acme.test" } }), {}).FromAlias;
    expect(alias("Acme")).toBe("Acme");
    expect(alias("Acme Sign-in Bot")).toBe("Acme Sign-in");
    expect(alias("Supercalifragilistic")).toBe("Supercalifragil");
    expect(alias("阿里云邮件推送服务通知中心发信人昵称")).toBe("阿里云邮件推送服务通知中心发信");
  });

  it("keeps the subject within 100 characters and lower-cases the sender address", () => {
    const params = toAliyunParams(message({ subject: "x".repeat(150), from: { address: "No-Reply@Mail.Acme.test" } }), {});
    expect(Array.from(params.Subject!)).toHaveLength(100);
    expect(params.Subject!.endsWith("…")).toBe(true);
    expect(params.AccountName).toBe("no-reply@mail.acme.test");
    expect(params.FromAlias).toBeUndefined();
  });
});

describe("aliyun config", () => {
  const SECRET_VALUE = "hunter2-very-secret";

  it.each([
    { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET_VALUE },
    { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET_VALUE, region: "ap-southeast-1", tagName: "signin_codes", useConsoleReplyTo: true },
    { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET_VALUE, region: "eu-central-1", baseUrl: "https://dm-vpc.eu-central-1.aliyuncs.com", timeoutMs: 1000 },
  ])("accepts %j", (raw) => {
    expect(aliyunConfigSchema.safeParse(raw).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ["empty", {}],
    ["no secret", { accessKeyId: "LTAI5tExampleKeyId" }],
    ["blank secret", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: "   " }],
    ["secret with a space inside", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: "hunter2 very-secret" }],
    ["unknown region", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET_VALUE, region: "cn-beijing" }],
    ["tag with a dash", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET_VALUE, tagName: "sign-in" }],
    ["endpoint without scheme", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET_VALUE, baseUrl: "dm.aliyuncs.com" }],
    ["timeout above 60 s", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET_VALUE, timeoutMs: 60_001 }],
    ["From inside the config", { accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET_VALUE, accountName: "no-reply@mail.acme.test" }],
  ])("refuses %s without echoing the secret", (_name, raw) => {
    const parsed = aliyunConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(SECRET_VALUE);
  });

  it("describes its form: every field is a schema key, the secret is listed once, endpoint and timeout are advanced", () => {
    const keys = Object.keys(aliyunConfigSchema.shape);
    for (const field of aliyun.fields) expect(keys).toContain(field.key);
    expect(secretKeys(aliyun)).toEqual(["accessKeySecret"]);
    expect(aliyun.fields.filter((f) => f.advanced).map((f) => f.key)).toEqual(["baseUrl", "allowPrivateTargets", "timeoutMs"]);
    const region = aliyun.fields.find((f) => f.key === "region")!;
    expect(region.options?.map((o) => o.value)).toEqual(Object.keys(ALIYUN_ENDPOINTS));
    expect(ALIYUN_ENDPOINTS["cn-hangzhou"]).toBe("https://dm.aliyuncs.com");
    expect(ALIYUN_ENDPOINTS["ap-southeast-1"]).toBe("https://dm.ap-southeast-1.aliyuncs.com");
  });
});
