import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../types";
import { toConnectorError } from "./errors";
import { sendTracked } from "./hand-over";
import smtp, { toMailOptions, toTransportOptions } from "./index";
import type { SmtpConfig } from "./schema";

/**
 * Which side of the end of DATA a failure came from, against a real SMTP
 * server whose behaviour is picked by the recipient's local part: `slow`
 * answers the end of DATA late, `silent` never answers it, `drop` closes the
 * connection once it has the message, `stuck` never answers RCPT. The
 * timeouts are scaled down: the socket's (what the end of DATA may take) to
 * 1.5 s, the hand-over deadline (every step before) to 0.5 s.
 */
const received: { rcpt: string; parsed: ParsedMail }[] = [];
const sockets = new Map<number, Socket>();
let server: SMTPServer;
let config: SmtpConfig;

beforeAll(async () => {
  server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    onRcptTo(address, _session, callback) {
      if (!address.address.startsWith("stuck@")) callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const rcpt = session.envelope.rcptTo[0]!.address;
        received.push({ rcpt, parsed: await simpleParser(Buffer.concat(chunks)) });
        if (rcpt.startsWith("silent@")) return;
        if (rcpt.startsWith("drop@")) return sockets.get(session.remotePort)?.destroy();
        if (rcpt.startsWith("slow@")) await sleep(1000);
        callback();
      });
    },
  });
  server.server.on("connection", (socket: Socket) => sockets.set(socket.remotePort!, socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  config = { host: "127.0.0.1", port: (server.server.address() as AddressInfo).port, security: "starttls-optional", auth: { type: "none" }, allowPrivateTargets: true };
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const message = (to: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  to, from: { name: "Acme", address: "no-reply@acme.test" }, subject: "Your code", html: "<p>123456</p>", text: "123456", ...extra,
});

async function send(to: string) {
  const transport = nodemailer.createTransport({ ...toTransportOptions(config, { address: "127.0.0.1" }), socketTimeout: 1500 });
  const started = Date.now();
  const sent = await sendTracked(transport, toMailOptions(message(to)), 500);
  transport.close();
  return { sent, ms: Date.now() - started, error: "error" in sent ? toConnectorError(sent.error, config, sent.handedOver) : null };
}

describe("SMTP: the end of DATA has its own timeout", () => {
  it("a server that answers the end of DATA after the hand-over deadline: sent", async () => {
    const { sent, ms } = await send("slow@acme.test");
    expect("info" in sent).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(1000);
  });

  it("a session stuck before the message was handed over: given up at the deadline, a plain temporary failure", async () => {
    const { sent, ms, error } = await send("stuck@acme.test");
    expect(sent).toMatchObject({ handedOver: false });
    expect(ms).toBeLessThan(1400);
    expect(error).toMatchObject({ code: "transient", outcomeUnknown: false });
    expect(received.some((r) => r.rcpt === "stuck@acme.test")).toBe(false);
  });

  it.each([
    ["silent@acme.test", "no answer to the end of DATA"],
    ["drop@acme.test", "the connection lost after the message"],
  ])("%s (%s): the outcome is unknown, not a refusal", async (to) => {
    const { sent, error } = await send(to);
    expect(sent).toMatchObject({ handedOver: true });
    expect(error).toMatchObject({ code: "transient", outcomeUnknown: true });
    expect(error!.message).toMatch(/may have been delivered/);
    expect(received.filter((r) => r.rcpt === to)).toHaveLength(1);
  });
});

describe("SMTP: Message-ID", () => {
  it("the message carries the Message-ID it was given, and reports it", async () => {
    const result = await smtp.send(config, message("stable@acme.test", { messageId: "<outbox-42@acme.test>" }));
    expect(result.messageId).toBe("<outbox-42@acme.test>");
    expect(received.find((r) => r.rcpt === "stable@acme.test")!.parsed.messageId).toBe("<outbox-42@acme.test>");
  });
});
