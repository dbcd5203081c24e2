import net, { type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { dns } from "./net/guard";
import { connectors, parseConnectorConfig, type ConnectorId } from "./registry";
import { sampleMessage, startSmtpSink } from "./test-helpers";
import { startProviderServer, type ProviderServer } from "./test-server";
import { ConnectorError, type OutboundMessage } from "./types";

/**
 * Each way a connector opens a connection (http.request, fetch through the
 * guard's dispatcher, the Resend SDK, the AWS SDK's agents, nodemailer) goes
 * to the address the guard checked. The host is a name only the stand-in for
 * DNS knows: a client that resolved it again by itself would not find it.
 */
const SECRET = "hunter2-very-secret";
const HOST = "pinned.mailgate.test";

const configs: Record<Exclude<ConnectorId, "dev" | "smtp">, (base: string) => unknown> = {
  http: (base) => ({ endpoint: `${base}/hook`, signingSecret: SECRET, allowPrivateTargets: true, timeoutMs: 3000 }),
  sendgrid: (base) => ({ apiKey: SECRET, baseUrl: base, allowPrivateTargets: true, timeoutMs: 3000 }),
  mailgun: (base) => ({ apiKey: SECRET, domain: "mg.example.com", baseUrl: base, allowPrivateTargets: true, timeoutMs: 3000 }),
  postmark: (base) => ({ serverToken: SECRET, baseUrl: base, allowPrivateTargets: true, timeoutMs: 3000 }),
  ses: (base) => ({ region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET }, baseUrl: base, allowPrivateTargets: true, timeoutMs: 3000 }),
  aliyun: (base) => ({ accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, baseUrl: base, allowPrivateTargets: true, timeoutMs: 3000 }),
  resend: (base) => ({ apiKey: SECRET, baseUrl: base, allowPrivateTargets: true, timeoutMs: 3000 }),
};

const message = sampleMessage({ to: "ada@example.com" });

function send(id: ConnectorId, raw: unknown): Promise<unknown> {
  return (connectors[id].send as (c: unknown, m: OutboundMessage) => Promise<unknown>)(parseConnectorConfig(id, raw), message).catch((e: unknown) => e);
}

const loopback = () => vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("HTTP API connectors", () => {
  let server: ProviderServer;
  beforeAll(async () => {
    server = await startProviderServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(Object.entries(configs))("%s connects to the checked address, with the configured host name", async (id, config) => {
    const resolve = loopback();
    server.requests.length = 0;
    server.respond(() => ({ status: 503, body: "busy" }));
    const port = new URL(server.url).port;
    const error = await send(id as ConnectorId, config(`http://${HOST}:${port}`));
    expect((error as ConnectorError).code).toBe("transient");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.host).toBe(`${HOST}:${port}`);
    // Once by the guard; SES checks its endpoint URL up front and again in the agents' lookup it connects with.
    expect(resolve.mock.calls.every(([host]) => host === HOST)).toBe(true);
    expect(resolve).toHaveBeenCalledTimes(id === "ses" ? 2 : 1);
  });

  it("resend does not follow a redirect to an address nobody checked", async () => {
    let reached = 0;
    const elsewhere = net.createServer((socket) => {
      reached += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/emails`;
    server.respond(() => ({ status: 307, headers: { location: target } }));
    const error = await send("resend", configs.resend(server.url));
    await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(reached).toBe(0);
  });
});

describe("smtp", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const servernames: string[] = [];
  beforeAll(async () => {
    smtp = await startSmtpSink({
      disabledCommands: [],
      SNICallback: (servername, cb) => {
        servernames.push(servername);
        cb(null, undefined as never);
      },
    });
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("connects to the checked address and asks TLS for the configured host name (SNI, certificate)", async () => {
    const resolve = loopback();
    const error = await send("smtp", { host: HOST, port: smtp.port, security: "starttls", allowPrivateTargets: true, auth: { type: "none" } });
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(servernames).toEqual([HOST]);
    // smtp-server's own self-signed certificate: refused, as it must be.
    expect((error as ConnectorError).code).toBe("invalid_config");
    expect((error as ConnectorError).message).toMatch(/certificate/i);
    expect((error as ConnectorError).message).toContain(`${HOST}:${smtp.port}`);
  });
});
