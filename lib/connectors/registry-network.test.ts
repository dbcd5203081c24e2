import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECTOR_IDS, connectors, parseConnectorConfig, type ConnectorId } from "./registry";
import { startProviderServer, type ProviderServer, type Reply } from "./test-server";
import { ConnectorError, type ConnectorErrorCode, type OutboundMessage } from "./types";

/**
 * One table over the whole registry: each provider is played by a server on
 * 127.0.0.1 that rejects the credentials the way that provider does, fails
 * with a 5xx, hangs past the timeout, or drops the connection. Each answer
 * must come back as the same coded error, whatever the provider: the outbox
 * depends on it (auth_failed is not retried, transient is).
 */
const SECRET = "hunter2-very-secret";
const AKID = "AKIAIOSFODNN7EXAMPLE";

type HttpScenario = { config: (url: string) => unknown; authRejection: Reply };

const httpProviders: Record<Exclude<ConnectorId, "dev" | "smtp">, HttpScenario> = {
  http: {
    config: (url) => ({ endpoint: `${url}/hook`, signingSecret: SECRET, allowPrivateTargets: true, timeoutMs: 1000 }),
    authRejection: { status: 401, body: { error: "bad credentials" } },
  },
  sendgrid: {
    config: (url) => ({ apiKey: SECRET, baseUrl: url, allowPrivateTargets: true, timeoutMs: 1000 }),
    authRejection: { status: 401, body: { errors: [{ message: "The provided authorization grant is invalid, expired, or revoked", field: null, help: null }] } },
  },
  mailgun: {
    config: (url) => ({ apiKey: SECRET, domain: "mg.example.com", baseUrl: url, allowPrivateTargets: true, timeoutMs: 1000 }),
    authRejection: { status: 401, body: "Forbidden" },
  },
  postmark: {
    config: (url) => ({ serverToken: SECRET, baseUrl: url, allowPrivateTargets: true, timeoutMs: 1000 }),
    authRejection: { status: 401, body: { ErrorCode: 10, Message: "Bad or missing Server API token." } },
  },
  ses: {
    config: (url) => ({ region: "eu-west-1", credentials: { type: "access-key", accessKeyId: AKID, secretAccessKey: SECRET }, baseUrl: url, allowPrivateTargets: true, timeoutMs: 1000 }),
    authRejection: {
      status: 403,
      headers: { "x-amzn-errortype": "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/" },
      body: { message: "The security token included in the request is invalid." },
    },
  },
  aliyun: {
    config: (url) => ({ accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, baseUrl: url, allowPrivateTargets: true, timeoutMs: 1000 }),
    authRejection: { status: 404, body: { Code: "InvalidAccessKeyId.NotFound", Message: "Specified access key is not found.", RequestId: "r-1" } },
  },
  resend: {
    config: (url) => ({ apiKey: SECRET, baseUrl: url, allowPrivateTargets: true, timeoutMs: 1000 }),
    authRejection: { status: 401, body: { statusCode: 401, name: "validation_error", message: "API key is invalid" } },
  },
};

const message: OutboundMessage = {
  to: "ada@example.com",
  from: { name: "Mailgate", address: "no-reply@example.com" },
  subject: "Your code",
  html: "<p>123456</p>",
  text: "123456",
  idempotencyKey: "idem-1",
  context: { type: "SignIn", locale: "en", variables: { code: "123456" } },
};

async function sendError(id: ConnectorId, rawConfig: unknown): Promise<ConnectorError> {
  const config = parseConnectorConfig(id, rawConfig);
  try {
    await (connectors[id].send as (c: unknown, m: OutboundMessage) => Promise<unknown>)(config, message);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as Error).message).not.toContain(SECRET);
    return error as ConnectorError;
  }
  throw new Error(`${id} did not fail`);
}

let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(async () => {
  await server.close();
});

it("covers every registered connector (dev has no network; smtp is tested below)", () => {
  expect(Object.keys(httpProviders).sort()).toEqual(CONNECTOR_IDS.filter((id) => id !== "dev" && id !== "smtp").sort());
});

const cases: [string, Reply, ConnectorErrorCode][] = [
  // What a load balancer in front of any provider answers during an outage.
  ["503", { status: 503, body: "<html><body>503 Service Temporarily Unavailable</body></html>" }, "transient"],
  ["502", { status: 502, body: "Bad Gateway" }, "transient"],
  ["a hang past the timeout", "hang", "transient"],
  ["a reset connection", "reset", "transient"],
];

describe.each(Object.entries(httpProviders))("%s over HTTP", (id, scenario) => {
  it("rejected credentials → auth_failed", async () => {
    server.respond(() => scenario.authRejection);
    const error = await sendError(id as ConnectorId, scenario.config(server.url));
    expect(error.code).toBe("auth_failed");
  });

  it.each(cases)("%s → %s", async (_name, reply, code) => {
    server.respond(() => reply);
    const started = Date.now();
    const error = await sendError(id as ConnectorId, scenario.config(server.url));
    expect(error.code).toBe(code);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it("a bad config → invalid_config before any request", async () => {
    const before = server.requests.length;
    expect(() => parseConnectorConfig(id as ConnectorId, { ...(scenario.config(server.url) as object), timeoutMs: 5 })).toThrow(ConnectorError);
    expect(server.requests.length).toBe(before);
  });
});

describe("smtp over SMTP", () => {
  let smtp: SMTPServer;
  let port = 0;
  let dropper: TcpServer;
  let dropPort = 0;
  beforeAll(async () => {
    smtp = new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      onAuth: (_auth, _session, cb) => cb(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 })),
      onData: (stream, _session, cb) => {
        stream.resume();
        stream.on("end", () => cb(Object.assign(new Error("4.3.0 Try again later"), { responseCode: 451 })));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    port = (smtp.server.address() as AddressInfo).port;
    dropper = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => dropper.listen(0, "127.0.0.1", resolve));
    dropPort = (dropper.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => dropper.close(() => resolve()));
  });

  it("rejected credentials → auth_failed", async () => {
    const error = await sendError("smtp", { host: "127.0.0.1", port, security: "starttls-optional", allowPrivateTargets: true, auth: { type: "login", user: "u", password: SECRET } });
    expect(error.code).toBe("auth_failed");
  });

  it("a 4xx answer → transient", async () => {
    const error = await sendError("smtp", { host: "127.0.0.1", port, security: "starttls-optional", allowPrivateTargets: true, auth: { type: "none" } });
    expect(error.code).toBe("transient");
  });

  it("a dropped connection → transient", async () => {
    const error = await sendError("smtp", { host: "127.0.0.1", port: dropPort, security: "starttls-optional", allowPrivateTargets: true, auth: { type: "none" } });
    expect(error.code).toBe("transient");
  });
});
