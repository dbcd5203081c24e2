import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dns } from "./net/guard";
import { connectors, parseConnectorConfig, type ConnectorId } from "./registry";
import { sampleMessage, keepAliveOwners } from "./test-helpers";
import { startProviderServer, type ProviderServer, type Reply } from "./test-server";
import type { OutboundMessage, SendOptions } from "./types";

/**
 * Keep-alive for the connectors that speak HTTP: the sends of one
 * configuration share kept-alive connections; another configuration (or
 * the same one from another owner) never gets one of them; without
 * `keepAlive` every send has its own. Each provider is played by a real HTTP
 * server on 127.0.0.1 that counts the TCP connections it accepts, reached
 * through a name only the stand-in for DNS knows.
 */
const SECRET = "hunter2-very-secret";
const HOST = "kept.mailgate.test";

type Case = { config: (base: string) => unknown; accepted: Reply };
const cases: Record<Exclude<ConnectorId, "dev" | "smtp">, Case> = {
  http: { config: (base) => ({ endpoint: `${base}/hook`, signingSecret: SECRET, allowPrivateTargets: true }), accepted: { status: 200, body: { id: "rcv-1" } } },
  sendgrid: { config: (base) => ({ apiKey: SECRET, baseUrl: base, allowPrivateTargets: true }), accepted: { status: 202, headers: { "X-Message-Id": "sg-1" } } },
  mailgun: {
    config: (base) => ({ apiKey: SECRET, domain: "mg.example.com", baseUrl: base, allowPrivateTargets: true }),
    accepted: { status: 200, body: { id: "<1@mg.example.com>", message: "Queued. Thank you." } },
  },
  postmark: {
    config: (base) => ({ serverToken: SECRET, baseUrl: base, allowPrivateTargets: true }),
    accepted: { status: 200, body: { To: "ada@example.com", SubmittedAt: "2026-11-24T17:23:01Z", MessageID: "pm-1", ErrorCode: 0, Message: "OK" } },
  },
  ses: {
    config: (base) => ({ region: "eu-west-1", credentials: { type: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET }, baseUrl: base, allowPrivateTargets: true }),
    accepted: { status: 200, body: { MessageId: "ses-1" } },
  },
  aliyun: {
    config: (base) => ({ accessKeyId: "LTAI5tExampleKeyId", accessKeySecret: SECRET, baseUrl: base, allowPrivateTargets: true }),
    accepted: { status: 200, body: { RequestId: "R-1", EnvId: "600000123456789" } },
  },
  resend: { config: (base) => ({ apiKey: SECRET, baseUrl: base, allowPrivateTargets: true }), accepted: { status: 200, body: { id: "re-1" } } },
};

const message = sampleMessage({ to: "ada@example.com", from: { name: "Acme", address: "no-reply@mg.example.com" } });

function send(id: ConnectorId, raw: unknown, options: SendOptions = {}): Promise<unknown> {
  return (connectors[id].send as (c: unknown, m: OutboundMessage, o: SendOptions) => Promise<unknown>)(parseConnectorConfig(id, raw), message, options);
}

const keepAlive = keepAliveOwners("keep-alive-test");

let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(async () => {
  await server.close();
});

describe.each(Object.entries(cases))("%s", (id, { config, accepted }) => {
  const base = () => `http://${HOST}:${new URL(server.url).port}`;

  it("one configuration's sends share kept-alive connections, to the address checked when the pool opened", async () => {
    const resolve = vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);
    server.respond(() => accepted);
    const before = server.connections();
    for (let i = 0; i < 6; i += 1) await send(id as ConnectorId, config(base()), { keepAlive: keepAlive() });
    // undici (fetch) frees a connection a moment after its response ends: a request sent in that same
    // moment opens a second one, and from then on the two are reused. Node's agents reuse the first.
    expect(server.connections() - before).toBeLessThanOrEqual(id === "http" || id === "ses" ? 1 : 2);
    expect(server.requests.slice(-6).map((r) => r.headers.host)).toEqual(Array(6).fill(`${HOST}:${new URL(server.url).port}`));
    // The name is resolved when the pool opens (SES checks its endpoint then, and again for each new connection).
    expect(resolve).toHaveBeenCalledTimes(id === "ses" ? 2 : 1);
  });

  it("another configuration, or another owner of the same one, never gets that connection", async () => {
    vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);
    server.respond(() => accepted);
    const before = server.connections();
    await send(id as ConnectorId, config(base()), { keepAlive: keepAlive("config-1") });
    await send(id as ConnectorId, config(base()), { keepAlive: keepAlive("config-2") });
    await send(id as ConnectorId, config(base()), { keepAlive: keepAlive("config-2", "another-owner") });
    expect(server.connections() - before).toBe(3);
  });

  it("without keepAlive, every send has a connection of its own", async () => {
    server.respond(() => accepted);
    const before = server.connections();
    for (let i = 0; i < 2; i += 1) await send(id as ConnectorId, config(server.url));
    expect(server.connections() - before).toBe(2);
  });
});

describe("a pool is pinned to the addresses checked when it opened", () => {
  const servers: Server[] = [];
  const hits = { "127.0.0.1": 0, "127.0.0.2": 0 };
  let port = 0;
  beforeAll(async () => {
    // The same port on two loopback addresses: which one answered says where the socket went.
    for (const address of ["127.0.0.1", "127.0.0.2"] as const) {
      const http = createServer((req, res) => {
        hits[address] += 1;
        req.resume().on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(`{"id":"${address}"}`));
      });
      await new Promise<void>((resolve) => http.listen(port, address, resolve));
      port = (http.address() as AddressInfo).port;
      servers.push(http);
    }
  });
  afterAll(async () => {
    for (const http of servers) {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });

  it("a changed DNS answer reaches only a new pool (a new configuration, or the old one's successor)", async () => {
    const resolve = vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);
    const config = { endpoint: `http://${HOST}:${port}/hook`, signingSecret: SECRET, allowPrivateTargets: true };
    await send("http", config, { keepAlive: keepAlive("pinned") });
    resolve.mockResolvedValue([{ address: "127.0.0.2", family: 4 }]);
    await send("http", config, { keepAlive: keepAlive("pinned") });
    expect(hits).toEqual({ "127.0.0.1": 2, "127.0.0.2": 0 });
    await send("http", { ...config, authorization: "Bearer other" }, { keepAlive: keepAlive("pinned-2") });
    expect(hits).toEqual({ "127.0.0.1": 2, "127.0.0.2": 1 });
  });
});
