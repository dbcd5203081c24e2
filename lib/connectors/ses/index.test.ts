import { createHash, createHmac } from "node:crypto";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { describe, expect, it } from "vitest";
import { CODE, failure, sampleMessage, useProviderServer } from "../test-helpers";
import { startProviderServer, type ProviderServer, type RecordedRequest, type Reply } from "../test-server";
import { secretKeys, type ConnectorErrorCode, type OutboundMessage } from "../types";
import { toSesError } from "./errors";
import ses, { sendWithClient, sesClientConfig } from "./index";
import { sesConfigSchema, type SesConfig } from "./schema";

const KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY-Secret-KEY";
const SESSION = "FwoGZXIvYXdzEXAMPLE-Session-Token-3f9a";
const REGION = "eu-west-1";

const message = sampleMessage;

/** An SES v2 error as the service sends it: REST-JSON, the type in `x-amzn-ErrorType`, the text in `message`. */
function awsError(status: number, type: string, text: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "x-amzn-ErrorType": `${type}:http://internal.amazon.com/coral/com.amazonaws.sesv2/`, "x-amzn-RequestId": "4d5e-request", ...headers },
    body: { message: text },
  };
}

// ---- Signature Version 4, written from the AWS specification (not from the SDK) ----

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

type Scope = { accessKeyId: string; region: string; service: string };

/** Rebuilds the canonical request from what arrived and checks the Authorization header's signature with `secret`. */
function verifySigV4(req: RecordedRequest, secret: string, scope: Scope): { ok: boolean; reason?: string } {
  const auth = String(req.headers.authorization ?? "");
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { ok: false, reason: `malformed Authorization: ${auth}` };
  const [, keyId, date, region, service, signedHeaders, signature] = m as unknown as string[];
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  if (!/^\d{8}T\d{6}Z$/.test(amzDate)) return { ok: false, reason: "bad X-Amz-Date" };
  if (keyId !== scope.accessKeyId || region !== scope.region || service !== scope.service) return { ok: false, reason: "wrong scope" };
  if (date !== amzDate.slice(0, 8)) return { ok: false, reason: "scope date differs from X-Amz-Date" };
  const names = signedHeaders!.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date")) return { ok: false, reason: "host and x-amz-date must be signed" };
  if ([...names].sort().join(";") !== signedHeaders) return { ok: false, reason: "signed headers not sorted" };

  const payloadHash = sha256(req.body);
  const canonicalUri = req.path.split("/").map(rfc3986).join("/");
  const canonicalQuery = [...req.query.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalHeaders = names
    .map((name) => {
      const raw = req.headers[name];
      const value = Array.isArray(raw) ? raw.join(",") : String(raw ?? "");
      return `${name}:${value.trim().replace(/\s+/g, " ")}\n`;
    })
    .join("");
  const canonicalRequest = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const credentialScope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, credentialScope, sha256(canonicalRequest)].join("\n");
  const kDate = hmac(`AWS4${secret}`, date!);
  const kRegion = hmac(kDate, region!);
  const kService = hmac(kRegion, service!);
  const kSigning = hmac(kService, "aws4_request");
  const expected = createHmac("sha256", kSigning).update(stringToSign, "utf8").digest("hex");
  return expected === signature ? { ok: true } : { ok: false, reason: "signature mismatch" };
}

const SCOPE: Scope = { accessKeyId: KEY_ID, region: REGION, service: "ses" };

describe("ses connector against a local stand-in of the SES v2 API", () => {
  let server: ProviderServer;
  let config: SesConfig;

  useProviderServer(() => ({ status: 200, body: { MessageId: "0102019a-1b2c-3d4e-5f60-718293a4b5c6-000000" } }), (started) => {
    server = started;
    config = {
      region: REGION,
      credentials: { type: "access-key", accessKeyId: KEY_ID, secretAccessKey: SECRET },
      baseUrl: started.url,
      allowPrivateTargets: true,
      timeoutMs: 5000,
    };
  });

  it("POSTs /v2/email/outbound-emails with the documented JSON body and returns the MessageId", async () => {
    const result = await ses.send({ ...config, configurationSetName: "mailgate-events" }, message());
    expect(result).toEqual({ messageId: "0102019a-1b2c-3d4e-5f60-718293a4b5c6-000000" });

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v2/email/outbound-emails");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.text)).toEqual({
      FromEmailAddress: "Acme <no-reply@acme.test>",
      Destination: { ToAddresses: ["ada@example.test"] },
      Content: {
        Simple: {
          Subject: { Data: `Your sign-in code is ${CODE}`, Charset: "UTF-8" },
          Body: {
            Text: { Data: `Your sign-in code is ${CODE}.`, Charset: "UTF-8" },
            Html: { Data: `<p>Your sign-in code is <strong>${CODE}</strong>.</p>`, Charset: "UTF-8" },
          },
        },
      },
      ConfigurationSetName: "mailgate-events",
    });
  });

  it("signs with SigV4 for ses in the configured region: the signature verifies, and fails with a wrong secret or a changed body", async () => {
    await ses.send(config, message());
    const req = server.requests[0]!;
    expect(req.headers["x-amz-content-sha256"]).toBe(sha256(req.body));
    const signedAt = Date.parse(String(req.headers["x-amz-date"]).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
    expect(Math.abs(Date.now() - signedAt)).toBeLessThan(5 * 60_000);

    expect(verifySigV4(req, SECRET, SCOPE)).toEqual({ ok: true });
    expect(verifySigV4(req, "wrong-secret", SCOPE)).toEqual({ ok: false, reason: "signature mismatch" });
    expect(verifySigV4(req, SECRET, { ...SCOPE, region: "us-east-1" })).toEqual({ ok: false, reason: "wrong scope" });
    const tampered = { ...req, body: Buffer.from(req.text.replace("ada@example.test", "eve@example.test")) };
    expect(verifySigV4(tampered, SECRET, SCOPE)).toEqual({ ok: false, reason: "signature mismatch" });
    expect(req.headers.authorization).not.toContain(SECRET);
  });

  it("signs the session token of temporary credentials", async () => {
    await ses.send({ ...config, credentials: { type: "access-key", accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: SESSION } }, message());
    const req = server.requests[0]!;
    expect(req.headers["x-amz-security-token"]).toBe(SESSION);
    expect(String(req.headers.authorization)).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
    expect(verifySigV4(req, SECRET, SCOPE)).toEqual({ ok: true });
  });

  it("sends ReplyToAddresses, custom headers in Content.Simple.Headers, and encodes names SES cannot take raw", async () => {
    await ses.send(
      config,
      message({
        from: { name: "Acme, Inc.", address: "no-reply@acme.test" },
        replyTo: "support@acme.test",
        headers: { "X-Mailgate-Purpose": "SignIn", "X-Tenant": "Zürich" },
      }),
    );
    const body = JSON.parse(server.requests[0]!.text);
    expect(body.FromEmailAddress).toBe('"Acme, Inc." <no-reply@acme.test>');
    expect(body.ReplyToAddresses).toEqual(["support@acme.test"]);
    expect(body.Content.Simple.Headers).toEqual([
      { Name: "X-Mailgate-Purpose", Value: "SignIn" },
      { Name: "X-Tenant", Value: `=?UTF-8?B?${Buffer.from("Zürich").toString("base64")}?=` },
    ]);
    expect(body.ConfigurationSetName).toBeUndefined();

    await ses.send(config, message({ from: { name: "Société Générale de Démonstration ✉", address: "no-reply@acme.test" } }));
    const from: string = JSON.parse(server.requests[1]!.text).FromEmailAddress;
    expect(from).toMatch(/^(=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= ?)+ <no-reply@acme\.test>$/);
    const words = from.replace(/ <no-reply@acme\.test>$/, "").split(" ");
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), "base64").toString("utf8")).join("");
    expect(decoded).toBe("Société Générale de Démonstration ✉");
  });

  it("a CR/LF in the sender name or subject stays text: no header, no extra destination", async () => {
    await ses.send(config, message({ from: { name: "Acme\r\nBcc: evil@x.test", address: "no-reply@acme.test" }, subject: "Hello\r\nBcc: evil2@x.test" }));
    const body = JSON.parse(server.requests[0]!.text);
    expect(body.FromEmailAddress).toBe('"Acme Bcc: evil@x.test" <no-reply@acme.test>');
    expect(body.Content.Simple.Subject).toEqual({ Data: "Hello Bcc: evil2@x.test", Charset: "UTF-8" });
    expect(body.Destination).toEqual({ ToAddresses: ["ada@example.test"] });
    expect(body.Content.Simple.Headers).toBeUndefined();
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
      expect((await failure(ses.send(config, message(overrides)))).code).toBe(code);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("403 UnrecognizedClientException (x-amzn-ErrorType) → auth_failed with SES's words, never the secret even when echoed", async () => {
    server.respond(() => awsError(403, "UnrecognizedClientException", `The security token included in the request is invalid. (${SECRET} / ${SESSION})`));
    const error = await failure(
      ses.send({ ...config, credentials: { type: "access-key", accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: SESSION } }, message()),
    );
    expect(error.code).toBe("auth_failed");
    expect(error.message).toBe(
      "Amazon SES (eu-west-1) refused the credentials (UnrecognizedClientException, HTTP 403): The security token included in the request is invalid. ([redacted] / [redacted]). Check the access key ID and secret (or the role), and that the server clock is right.",
    );
  });

  it.each<[string, Reply, string]>([
    ["__type in the body", { status: 403, body: { __type: "com.amazon.coral.service#InvalidSignatureException", message: "The request signature we calculated does not match the signature you provided." } }, "InvalidSignatureException"],
    ["AccessDeniedException", awsError(403, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/mailgate is not authorized to perform: ses:SendEmail"), "needs ses:SendEmail"],
    ["ExpiredTokenException", awsError(403, "ExpiredTokenException", "The security token included in the request is expired"), "temporary credentials expired"],
    ["a bare 401", { status: 401, body: {} }, "HTTP 401"],
  ])("%s → auth_failed", async (_name, reply, text) => {
    server.respond(() => reply);
    const error = await failure(ses.send(config, message()));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toContain(text);
  });

  it("429 TooManyRequestsException → rate_limited with Retry-After", async () => {
    server.respond(() => awsError(429, "TooManyRequestsException", "Maximum sending rate exceeded.", { "Retry-After": "2" }));
    const error = await failure(ses.send(config, message()));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(2);
    expect(server.requests).toHaveLength(1);
    expect(error.message).toBe("Amazon SES (eu-west-1) is rate limiting (TooManyRequestsException, HTTP 429): Maximum sending rate exceeded. The outbox tries again later.");
  });

  it("LimitExceededException (daily quota) → rate_limited with the quota hint", async () => {
    server.respond(() => awsError(400, "LimitExceededException", "Daily message quota exceeded."));
    const error = await failure(ses.send(config, message()));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toContain("24-hour sending quota");
  });

  it.each<[string, string, ConnectorErrorCode, string]>([
    ["sender not verified", "Email address is not verified. The following identities failed the check in region EU-WEST-1: no-reply@acme.test", "invalid_config", "Verify the sender's domain"],
    ["sender domain not verified", "Email address is not verified. The following identities failed the check in region EU-WEST-1: acme.test", "invalid_config", "Verify the sender's domain"],
    ["recipient not verified (sandbox)", "Email address is not verified. The following identities failed the check in region EU-WEST-1: ada@example.test", "invalid_config", "SES sandbox"],
    ["content rejected", "Message rejected: the message contains a virus.", "provider_error", "contains a virus"],
  ])("MessageRejected, %s → %s", async (_name, text, code, hint) => {
    server.respond(() => awsError(400, "MessageRejected", text));
    const error = await failure(ses.send(config, message()));
    expect(error.code).toBe(code);
    expect(error.message).toContain("MessageRejected, HTTP 400");
    expect(error.message).toContain(hint);
  });

  it("the sandbox hint names production access", async () => {
    server.respond(() => awsError(400, "MessageRejected", "Email address is not verified. The following identities failed the check in region EU-WEST-1: ada@example.test"));
    const error = await failure(ses.send(config, message()));
    expect(error.message).toBe(
      "Amazon SES (eu-west-1) only sends to verified recipients (MessageRejected, HTTP 400): Email address is not verified. The following identities failed the check in region EU-WEST-1: ada@example.test. The account is in the SES sandbox in this region: it only delivers to verified addresses. Request production access (SES → Account dashboard), or verify this recipient for a test.",
    );
  });

  it.each<[string, number, ConnectorErrorCode, string]>([
    ["MailFromDomainNotVerifiedException", 400, "invalid_config", "MX and SPF"],
    ["NotFoundException", 404, "invalid_config", 'configuration set "missing-set"'],
    ["AccountSuspendedException", 400, "provider_error", "paused or suspended"],
    ["SendingPausedException", 400, "provider_error", "paused or suspended"],
    ["BadRequestException", 400, "provider_error", "refused the message"],
  ])("%s → %s", async (type, status, code, hint) => {
    server.respond(() => awsError(status, type, "Something SES said."));
    const error = await failure(ses.send({ ...config, configurationSetName: "missing-set" }, message()));
    expect(error.code).toBe(code);
    expect(error.message).toContain(`${type}, HTTP ${status}`);
    expect(error.message).toContain(hint);
  });

  it.each<[number, Reply]>([
    [500, { status: 500, body: "<html>Internal Server Error</html>" }],
    [503, { status: 503, body: {} }],
    [500, awsError(500, "InternalServiceErrorException", "An internal error occurred.")],
  ])("%s → transient", async (status, reply) => {
    server.respond(() => reply);
    const error = await failure(ses.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toContain(`HTTP ${status}`);
    // One attempt: retries belong to the outbox.
    expect(server.requests).toHaveLength(1);
  });

  it("no answer within timeoutMs → transient", async () => {
    server.respond(() => "hang");
    const started = Date.now();
    const error = await failure(ses.send({ ...config, timeoutMs: 1000 }, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toBe(`Amazon SES did not answer within 1 s (${new URL(server.url).host}).`);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("connection reset → transient, not reported as a timeout", async () => {
    server.respond(() => "reset");
    const error = await failure(ses.send(config, message()));
    expect(error.code).toBe("transient");
    expect(error.message).toBe(`Could not reach Amazon SES at ${new URL(server.url).host} (ECONNRESET).`);
    expect(error.message).not.toContain(SECRET);
  });

  it("a 200 without a MessageId still counts as sent", async () => {
    server.respond(() => ({ status: 200, body: {} }));
    const result = await ses.send(config, message());
    expect(result.messageId).toMatch(/^unknown-[0-9a-f-]{36}$/);
  });
});

describe("ses default credential chain", () => {
  const defaultChain: SesConfig = { region: REGION, credentials: { type: "default-chain" } };

  it("leaves credentials to the SDK's default chain, with one attempt and bounded timeouts", () => {
    const options = sesClientConfig({ ...defaultChain, timeoutMs: 3000 });
    expect(options).toEqual({
      region: REGION,
      maxAttempts: 1,
      requestHandler: expect.objectContaining({ connectionTimeout: 3000, requestTimeout: 3000, throwOnRequestTimeout: true }),
    });
    expect("credentials" in options).toBe(false);
  });

  it("a chain that finds nothing → auth_failed with a clear message, and no request is made", async () => {
    const server = await startProviderServer();
    try {
      const config: SesConfig = { ...defaultChain, baseUrl: server.url, allowPrivateTargets: true };
      // The real chain would ask the instance metadata service; this stand-in fails the way it does, offline.
      const client = new SESv2Client({
        ...sesClientConfig(config),
        credentials: async () => {
          throw Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
        },
      });
      const error = await failure(sendWithClient(client, config, message()));
      client.destroy();
      expect(error.code).toBe("auth_failed");
      expect(error.message).toBe(
        "Amazon SES (eu-west-1) found no AWS credentials in the default chain (CredentialsProviderError): Could not load credentials from any providers. The chain looks at the environment, shared config files, SSO, and the container or instance role. Attach an IAM role allowed to call ses:SendEmail to the machine, task or function, or use an access key.",
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it("maps a thrown CredentialsProviderError without any network", () => {
    const thrown = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    expect(toSesError(thrown, defaultChain).code).toBe("auth_failed");
  });

  it("maps network failures by their code", () => {
    const host = { ...defaultChain, baseUrl: "https://email.example.test" };
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const unknownHost = Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    expect(toSesError(refused, host).message).toBe("Could not reach Amazon SES at email.example.test (ECONNREFUSED).");
    expect(toSesError(refused, host).code).toBe("transient");
    expect(toSesError(unknownHost, defaultChain).code).toBe("invalid_config");
    expect(toSesError(unknownHost, defaultChain).message).toContain("email.eu-west-1.amazonaws.com");
  });
});

describe("ses config", () => {
  const SECRET_VALUE = "hunter2-very-secret";

  it.each([
    { region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET_VALUE } },
    { region: "us-gov-west-1", credentials: { type: "default-chain" } },
    { region: " EU-CENTRAL-1 ", credentials: { type: "default-chain" }, configurationSetName: "mailgate_events-1", timeoutMs: 60_000 },
    { region: "ap-southeast-2", credentials: { type: "access-key", accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET_VALUE, sessionToken: SECRET_VALUE }, baseUrl: "https://vpce-0abc.email.ap-southeast-2.vpce.amazonaws.com" },
  ])("accepts %j", (raw) => {
    expect(sesConfigSchema.safeParse(raw).success).toBe(true);
  });

  it("normalises the region", () => {
    expect(sesConfigSchema.parse({ region: " EU-WEST-1 ", credentials: { type: "default-chain" } }).region).toBe("eu-west-1");
  });

  it.each<[string, unknown]>([
    ["empty", {}],
    ["no credentials", { region: "eu-west-1" }],
    ["a region name instead of its code", { region: "Ireland", credentials: { type: "default-chain" } }],
    ["an endpoint as region", { region: "email.eu-west-1.amazonaws.com", credentials: { type: "default-chain" } }],
    ["access key without secret", { region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE" } }],
    ["lower-case access key id", { region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "akiaiosfodnn7example", secretAccessKey: SECRET_VALUE } }],
    ["secret with a space", { region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "hunter2 very-secret" } }],
    ["keys kept with default-chain", { region: "eu-west-1", credentials: { type: "default-chain", secretAccessKey: SECRET_VALUE } }],
    ["unknown credentials type", { region: "eu-west-1", credentials: { type: "profile", profile: "default" } }],
    ["configuration set with a dot", { region: "eu-west-1", credentials: { type: "default-chain" }, configurationSetName: "my.set" }],
    ["endpoint with a query", { region: "eu-west-1", credentials: { type: "default-chain" }, baseUrl: "https://email.eu-west-1.amazonaws.com/?x=1" }],
    ["timeout below 1 s", { region: "eu-west-1", credentials: { type: "default-chain" }, timeoutMs: 999 }],
    ["From inside the config", { region: "eu-west-1", credentials: { type: "default-chain" }, from: "Acme <no-reply@acme.test>" }],
  ])("refuses %s without echoing a secret", (_name, raw) => {
    const parsed = sesConfigSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(SECRET_VALUE);
  });

  it("describes its form: keys are schema paths, the two secrets are listed once, endpoint and timeout are advanced", () => {
    expect(ses.fields.map((f) => f.key)).toEqual([
      "region",
      "credentials.type",
      "credentials.accessKeyId",
      "credentials.secretAccessKey",
      "credentials.sessionToken",
      "configurationSetName",
      "baseUrl",
      "allowPrivateTargets",
      "timeoutMs",
    ]);
    const keys = Object.keys(sesConfigSchema.shape);
    for (const field of ses.fields) expect(keys).toContain(field.key.split(".")[0]);
    expect(secretKeys(ses)).toEqual(["credentials.secretAccessKey", "credentials.sessionToken"]);
    expect(ses.fields.filter((f) => f.advanced).map((f) => f.key)).toEqual(["baseUrl", "allowPrivateTargets", "timeoutMs"]);
    for (const field of ses.fields.filter((f) => f.key.startsWith("credentials.") && f.key !== "credentials.type")) {
      expect(field.showWhen).toEqual({ key: "credentials.type", equals: "access-key" });
    }
  });
});
