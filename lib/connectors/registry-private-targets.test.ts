import net, { type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CONNECTOR_IDS, connectors, parseConnectorConfig, type ConnectorId } from "./registry";
import { sampleMessage } from "./test-helpers";
import { ConnectorError, type OutboundMessage } from "./types";

/**
 * Every connector that opens a connection, pointed at a private, loopback or
 * link-local target WITHOUT "Allow private network targets": refused with
 * invalid_config before any socket is opened. Two witnesses: a listener on
 * 127.0.0.1 that records connections (and would answer with a banner an error
 * could quote), and a spy on net.Socket's connect, which every client here
 * (http.request, fetch, the AWS SDK, nodemailer) goes through.
 */
const SECRET = "hunter2-very-secret";
const BANNER = "220 internal-only service INTERNAL-BANNER-7781";

const configs: Record<Exclude<ConnectorId, "dev">, (host: string, port: number) => unknown> = {
  http: (host, port) => ({ endpoint: `${url(host, port)}/hook`, signingSecret: SECRET, timeoutMs: 3000 }),
  sendgrid: (host, port) => ({ apiKey: SECRET, baseUrl: url(host, port), timeoutMs: 3000 }),
  mailgun: (host, port) => ({ apiKey: SECRET, domain: "mg.example.com", baseUrl: url(host, port), timeoutMs: 3000 }),
  postmark: (host, port) => ({ serverToken: SECRET, baseUrl: url(host, port), timeoutMs: 3000 }),
  ses: (host, port) => ({ region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET }, baseUrl: url(host, port), timeoutMs: 3000 }),
  aliyun: (host, port) => ({ accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, baseUrl: url(host, port), timeoutMs: 3000 }),
  resend: (host, port) => ({ apiKey: SECRET, baseUrl: url(host, port), timeoutMs: 3000 }),
  smtp: (host, port) => ({ host, port, security: "starttls-optional", auth: { type: "none" } }),
};

const targets: [string, RegExp][] = [
  ["127.0.0.1", /is a loopback address/],
  ["localhost", /host localhost resolves to a loopback address/],
  ["10.0.0.1", /is a private address/],
  ["169.254.169.254", /is a link-local address/],
  ["::1", /is a loopback address/],
  ["fc00::1", /is a private \(unique local\) address/],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", /is a Teredo tunnel address/],
  ["::ffff:127.0.0.1", /is a loopback address/],
  ["64:ff9b::a9fe:a9fe", /is a link-local address/],
];

function url(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

const message = sampleMessage({ to: "ada@example.com" });

let listener: net.Server;
let port = 0;
let connections = 0;
beforeAll(async () => {
  listener = net.createServer((socket) => {
    connections += 1;
    socket.end(`${BANNER}\r\n`);
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  port = (listener.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});
afterEach(() => {
  vi.restoreAllMocks();
});

it("covers every connector that opens a connection", () => {
  expect(Object.keys(configs).sort()).toEqual(CONNECTOR_IDS.filter((id) => id !== "dev").sort());
});

describe.each(Object.entries(configs))("%s without “Allow private network targets”", (id, config) => {
  it.each(targets)("%s → invalid_config, nothing connected", async (host, kind) => {
    const connect = vi.spyOn(net.Socket.prototype, "connect");
    const before = connections;
    const parsed = parseConnectorConfig(id as ConnectorId, config(host, port));
    const error = await (connectors[id as ConnectorId].send as (c: unknown, m: OutboundMessage) => Promise<unknown>)(parsed, message).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe("invalid_config");
    expect((error as ConnectorError).message).toMatch(kind);
    expect((error as ConnectorError).message).toContain("Allow private network targets");
    expect((error as ConnectorError).message).not.toContain("INTERNAL-BANNER");
    expect(connect).not.toHaveBeenCalled();
    expect(connections).toBe(before);
  });
});
