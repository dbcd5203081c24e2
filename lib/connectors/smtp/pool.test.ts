import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dns } from "../net/guard";
import { createPoolRegistry, pools } from "../net/pools";
import { eventually, keepAliveOwners } from "../test-helpers";
import type { OutboundMessage } from "../types";
import { deliver } from "./deliver";
import { toConnectorError } from "./errors";
import smtp, { toMailOptions } from "./index";
import type { SmtpConfig } from "./schema";
import { resolveSmtpTarget } from "./target";
import { openSmtpTransport, SMTP_POOL } from "./transport";

/**
 * Pooled SMTP against a real server (smtp-server) that counts its
 * connections and parses what arrives (mailparser). Its behaviour is picked
 * by the recipient's local part: `drop-reused` closes the connection at RCPT
 * when it already carried a message (what a server that timed out an idle
 * session looks like to the next send), `drop` always does, `stuck` never
 * answers RCPT, `silent` never answers the end of DATA, `drop-after-data`
 * closes the connection once it has the message, `slow` answers after 300 ms.
 */
type Server = Awaited<ReturnType<typeof startServer>>;

async function startServer(options: Partial<SMTPServerOptions> = {}, listenOn = 0) {
  const received: { rcpt: string; parsed: ParsedMail }[] = [];
  const open = new Set<Socket>();
  const stats = { connections: 0, closed: 0, mostAtOnce: 0 };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    disableReverseLookup: true,
    closeTimeout: 100,
    onRcptTo(address, session, callback) {
      const local = address.address.split("@")[0];
      const reused = session.transaction > 1;
      if (local === "drop" || (local === "drop-reused" && reused)) return socketOf(session.remotePort)?.destroy();
      if (local !== "stuck") callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(async (parsed) => {
        const rcpt = session.envelope.rcptTo[0]!.address;
        received.push({ rcpt, parsed });
        if (rcpt.startsWith("silent@")) return;
        if (rcpt.startsWith("drop-after-data@")) return socketOf(session.remotePort)?.destroy();
        if (rcpt.startsWith("slow@")) await sleep(300);
        callback();
      }, callback);
    },
    ...options,
  });
  const socketOf = (port: number) => [...open].find((s) => s.remotePort === port);
  server.server.on("connection", (socket: Socket) => {
    stats.connections += 1;
    open.add(socket);
    stats.mostAtOnce = Math.max(stats.mostAtOnce, open.size);
    socket.once("close", () => {
      open.delete(socket);
      stats.closed += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(listenOn, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const config: SmtpConfig = { host: "127.0.0.1", port, security: "starttls-optional", auth: { type: "none" }, allowPrivateTargets: true };
  return {
    config,
    stats,
    received,
    delivered: (to: string) => received.filter((r) => r.rcpt === to).length,
    openNow: () => open.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const message = (to: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  to, from: { name: "Acme", address: "no-reply@acme.test" }, subject: "Your code", html: "<p>123456</p>", text: "Your code: 123456", ...extra,
});

const owner = keepAliveOwners("pool-test");

let server: Server;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe("a pooled SMTP transport", () => {
  it("sends many messages over one connection, each exactly once", async () => {
    const before = server.stats.connections;
    for (let i = 0; i < 20; i += 1) await smtp.send(server.config, message(`many-${i}@acme.test`), { keepAlive: owner() });
    expect(server.stats.connections - before).toBe(1);
    for (let i = 0; i < 20; i += 1) expect(server.delivered(`many-${i}@acme.test`)).toBe(1);
    expect(server.received.find((r) => r.rcpt === "many-7@acme.test")!.parsed.text).toContain("123456");
  });

  it("without keepAlive (the console's test with unsaved settings) opens and closes a connection per message, leaving no pool", async () => {
    const before = server.stats.connections;
    await smtp.send(server.config, message("one-off-1@acme.test"));
    await smtp.send(server.config, message("one-off-2@acme.test"));
    expect(server.stats.connections - before).toBe(2);
    await eventually(() => server.openNow() === 0);
  });

  it(`concurrent sends use at most ${SMTP_POOL.maxConnections} connections`, async () => {
    const before = { ...server.stats };
    await eventually(() => server.openNow() === 0);
    server.stats.mostAtOnce = 0;
    const sends = Array.from({ length: 24 }, (_, i) => smtp.send(server.config, message(`burst-${i}@acme.test`), { keepAlive: owner() }));
    await Promise.all(sends);
    expect(server.stats.connections - before.connections).toBeLessThanOrEqual(SMTP_POOL.maxConnections);
    expect(server.stats.mostAtOnce).toBeLessThanOrEqual(SMTP_POOL.maxConnections);
    for (let i = 0; i < 24; i += 1) expect(server.delivered(`burst-${i}@acme.test`)).toBe(1);
  });

  it("resolves the name once per pool and connects to the checked address", async () => {
    const resolve = vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);
    const config = { ...server.config, host: "smtp.pooled.mailgate.test" };
    for (let i = 0; i < 3; i += 1) await smtp.send(config, message(`named-${i}@acme.test`), { keepAlive: owner() });
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(server.delivered("named-2@acme.test")).toBe(1);
  });
});

describe("a changed or deleted configuration", () => {
  it("stops using the old pool, which is closed once its message in flight is answered", async () => {
    await smtp.send(server.config, message("config-a-1@acme.test"), { keepAlive: owner("a") });
    const before = { ...server.stats };
    // A slow message still on the old pool while the new configuration sends.
    const slow = smtp.send(server.config, message("slow@acme.test"), { keepAlive: owner("a") });
    await sleep(100);
    await smtp.send({ ...server.config, headers: { "X-Stream": "b" } }, message("config-b-1@acme.test"), { keepAlive: owner("b") });
    expect(server.stats.connections - before.connections).toBe(1);
    await expect(slow).resolves.toMatchObject({ messageId: expect.any(String) });
    await eventually(() => server.stats.closed - before.closed === 1);
    expect(server.delivered("slow@acme.test")).toBe(1);
    expect(server.received.find((r) => r.rcpt === "config-b-1@acme.test")!.parsed.headers.get("x-stream")).toBe("b");
    expect(pools.kinds(owner().owner)).toEqual(["smtp"]);
  });

  it("closes the owner's pools when told to (the saved connector deleted or replaced)", async () => {
    await smtp.send(server.config, message("closed-owner@acme.test"), { keepAlive: owner() });
    const closed = server.stats.closed;
    pools.closeOwner(owner().owner);
    await eventually(() => server.stats.closed === closed + 1);
    expect(pools.kinds(owner().owner)).toEqual([]);
  });
});

describe("idle connections", () => {
  it("a connection the server closed while idle: the next send reconnects and goes out once", async () => {
    // smtp-server closes a session after this much silence (421, then the connection).
    const strict = await startServer({ socketTimeout: 200 });
    try {
      await smtp.send(strict.config, message("before-idle@acme.test"), { keepAlive: owner() });
      expect(pools.kinds(owner().owner)).toEqual(["smtp"]);
      await eventually(() => strict.openNow() === 0);
      await smtp.send(strict.config, message("after-idle@acme.test"), { keepAlive: owner() });
      expect(strict.stats.connections).toBe(2);
      expect(strict.delivered("before-idle@acme.test")).toBe(1);
      expect(strict.delivered("after-idle@acme.test")).toBe(1);
    } finally {
      pools.closeAll();
      await strict.close();
    }
  });

  it("a pooled connection found closed before the hand-over: retried once, at once, on a new connection; delivered once", async () => {
    await smtp.send(server.config, message("first@acme.test"), { keepAlive: owner() });
    const before = server.stats.connections;
    await smtp.send(server.config, message("drop-reused@acme.test"), { keepAlive: owner() });
    expect(server.stats.connections - before).toBe(1);
    expect(server.delivered("drop-reused@acme.test")).toBe(1);
  });

  it("dropped again on the new connection: a plain temporary failure (retried later by the outbox), nothing delivered", async () => {
    await smtp.send(server.config, message("warm@acme.test"), { keepAlive: owner() });
    const before = server.stats.connections;
    const error = await smtp.send(server.config, message("drop@acme.test"), { keepAlive: owner() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "transient", outcomeUnknown: false });
    expect(server.stats.connections - before).toBe(1);
    expect(server.delivered("drop@acme.test")).toBe(0);
  });

  it("the pool closes its connections after an idle spell and opens a new one later", async () => {
    const registry = createPoolRegistry({ idleMs: 150, maxAgeMs: 60_000 });
    const open = async () => openSmtpTransport(server.config, await resolveSmtpTarget(server.config), true);
    const send = (to: string) => registry.run(owner(), "smtp", open, (session) => deliver(session, toMailOptions(message(to))));
    const before = { ...server.stats };
    await send("idle-1@acme.test");
    await eventually(() => server.stats.closed - before.closed === 1);
    await send("idle-2@acme.test");
    expect(server.stats.connections - before.connections).toBe(2);
    registry.closeAll();
  });

  it("a pool older than its age limit is replaced at the next send, resolving the name again", async () => {
    const resolve = vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);
    const config = { ...server.config, host: "smtp.aged.mailgate.test" };
    const registry = createPoolRegistry({ idleMs: 60_000, maxAgeMs: 150 });
    const open = async () => openSmtpTransport(config, await resolveSmtpTarget(config), true);
    const send = (to: string) => registry.run(owner(), "smtp", open, (session) => deliver(session, toMailOptions(message(to))));
    await send("aged-1@acme.test");
    await send("aged-2@acme.test");
    expect(resolve).toHaveBeenCalledTimes(1);
    await sleep(200);
    await send("aged-3@acme.test");
    expect(resolve).toHaveBeenCalledTimes(2);
    registry.closeAll();
  });
});

describe("a server that refuses connections", () => {
  it("each send fails on its own, and a pool whose connection failed is replaced (nodemailer keeps a failed slot taken)", async () => {
    const probe = await startServer();
    const port = probe.config.port;
    await probe.close();
    const config = { ...server.config, port };
    for (let i = 0; i <= SMTP_POOL.maxConnections; i += 1) {
      const error = await smtp.send(config, message(`refused-${i}@acme.test`), { keepAlive: owner() }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "transient", message: expect.stringContaining("ECONNREFUSED") });
    }
    const late = await startServer({}, port);
    try {
      await smtp.send(config, message("back@acme.test"), { keepAlive: owner() });
      expect(late.delivered("back@acme.test")).toBe(1);
    } finally {
      pools.closeAll();
      await late.close();
    }
  });
});

describe("the hand-over under pooling (timeouts scaled down: 0.5 s to hand over, 1.5 s for the answer)", () => {
  const pooled = () => openSmtpTransport(server.config, { address: "127.0.0.1" }, true, { socketTimeout: 1500 });

  it("no answer to the end of DATA: outcome unknown, never retried, and the pool goes on sending", async () => {
    const pool = pooled();
    const sent = await deliver(pool.resource, toMailOptions(message("silent@acme.test")), 500);
    const error = "error" in sent ? toConnectorError(sent.error, server.config, sent.handedOver) : null;
    expect(error).toMatchObject({ code: "transient", outcomeUnknown: true });
    expect(server.delivered("silent@acme.test")).toBe(1);
    const next = await deliver(pool.resource, toMailOptions(message("after-silent@acme.test")), 500);
    expect("info" in next).toBe(true);
    pool.close();
  });

  it("the connection lost once the message is in: outcome unknown, never retried", async () => {
    const pool = pooled();
    await deliver(pool.resource, toMailOptions(message("warm-up@acme.test")), 500);
    const sent = await deliver(pool.resource, toMailOptions(message("drop-after-data@acme.test")), 500);
    const error = "error" in sent ? toConnectorError(sent.error, server.config, sent.handedOver) : null;
    expect(error).toMatchObject({ code: "transient", outcomeUnknown: true });
    expect(server.delivered("drop-after-data@acme.test")).toBe(1);
    pool.close();
  });

  it("each message is tracked on its own: one stuck before the hand-over is not taken for handed over when its neighbours are", async () => {
    const pool = pooled();
    const [stuck, ...others] = await Promise.all([
      deliver(pool.resource, toMailOptions(message("stuck@acme.test")), 500),
      ...[1, 2, 3].map((i) => deliver(pool.resource, toMailOptions(message(`neighbour-${i}@acme.test`)), 500)),
    ]);
    expect(stuck).toMatchObject({ handedOver: false });
    expect("error" in stuck && toConnectorError(stuck.error, server.config, stuck.handedOver)).toMatchObject({ code: "transient", outcomeUnknown: false });
    for (const sent of others) expect("info" in sent).toBe(true);
    expect(server.delivered("stuck@acme.test")).toBe(0);
    pool.close();
  });
});
