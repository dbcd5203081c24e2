import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { db } from "@/lib/db";
import { seal } from "@/lib/crypto/seal";
import { forgetActiveConnector, SAVED_CONNECTOR_AAD } from "@/lib/connectors/active";

/**
 * For the outbox tests: a real SMTP server on loopback, saved as the
 * console's connector (From no-reply@outbox.test). `nobody@…` is refused at
 * RCPT and `slow-…` gets its end of DATA answered after `faults.slowMs`;
 * `faults.failData` makes the next DATA ends fail with 451, and
 * `faults.dropData` the next ones close the connection once the message is in.
 */
export type OutboxTestServer = {
  received: { rcpt: string; parsed: ParsedMail }[];
  faults: { failData: number; dropData: number; slowMs: number };
  connections(): number;
  messageIds(to: string): (string | undefined)[];
  close(): Promise<void>;
};

const smtpError = (responseCode: number, text: string) => Object.assign(new Error(text), { responseCode });

export async function startOutboxTestServer(): Promise<OutboxTestServer> {
  const received: OutboxTestServer["received"] = [];
  const faults = { failData: 0, dropData: 0, slowMs: 0 };
  const sockets = new Map<number, Socket>();
  let connections = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    // The app keeps idle connections open (lib/connectors/net/pools.ts); closing waits this long for them, not 30 s.
    closeTimeout: 100,
    onConnect(_s, cb) {
      connections += 1;
      cb();
    },
    onRcptTo(address, _s, cb) {
      if (address.address.startsWith("nobody@")) return cb(smtpError(550, "5.1.1 No such user here"));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const rcpt = session.envelope.rcptTo[0]!.address;
        if (faults.failData > 0) {
          faults.failData -= 1;
          return cb(smtpError(451, "4.3.0 Temporary failure, try later"));
        }
        received.push({ rcpt, parsed: await simpleParser(Buffer.concat(chunks)) });
        if (faults.dropData > 0) {
          faults.dropData -= 1;
          return sockets.get(session.remotePort)?.destroy();
        }
        if (rcpt.startsWith("slow-")) await sleep(faults.slowMs);
        cb();
      });
    },
  });
  server.server.on("connection", (socket: Socket) => sockets.set(socket.remotePort!, socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const config = { host: "127.0.0.1", port, security: "starttls-optional", auth: { type: "none" }, allowPrivateTargets: true };
  await db.emailConnector.create({
    data: { id: 1, connectorId: "smtp", config: JSON.stringify(config), secrets: seal("{}", SAVED_CONNECTOR_AAD), fromAddress: "no-reply@outbox.test", fromName: "Outbox Test" },
  });
  forgetActiveConnector();
  return {
    received,
    faults,
    connections: () => connections,
    messageIds: (to) => received.filter((r) => r.rcpt === to).map((r) => r.parsed.messageId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
