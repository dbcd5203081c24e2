import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from "vitest";
import { pools } from "./net/pools";
import { startProviderServer, type Handler, type ProviderServer, type Reply } from "./test-server";
import { ConnectorError, type ConnectorErrorCode, type KeepAlive, type OutboundMessage } from "./types";

/**
 * Fixtures shared by the API connectors' tests (SendGrid, Mailgun, Postmark,
 * Resend, SES, Aliyun). What each provider must receive is asserted in that
 * connector's own test file, against the provider's documentation.
 */

/** The sign-in code the sample message carries; tests look for it in the request body. */
export const CODE = "482913";

/** A sign-in email as the outbox hands it to a connector. */
export function sampleMessage(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    to: "ada@example.test",
    from: { name: "Acme", address: "no-reply@acme.test" },
    subject: `Your sign-in code is ${CODE}`,
    text: `Your sign-in code is ${CODE}.`,
    html: `<p>Your sign-in code is <strong>${CODE}</strong>.</p>`,
    ...overrides,
  };
}

/** Awaits a send that must fail and returns its ConnectorError (any other outcome fails the test). */
export async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error("expected the send to fail");
}

/**
 * Starts one provider stand-in for the enclosing `describe` and hands it to
 * `onStart` (to build the config from its URL). Before each test the recorded
 * requests are cleared and the handler is reset to `reply`, so a test that
 * changes the answer does not leak into the next one.
 */
export function useProviderServer(reply: Handler, onStart: (server: ProviderServer) => void): void {
  let server: ProviderServer | undefined;
  beforeAll(async () => {
    server = await startProviderServer();
    onStart(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server!.requests.length = 0;
    server!.respond(reply);
  });
}

/**
 * An error answer as the provider's own documentation shows it, replayed
 * through the connector by documented-errors.test.ts. `source` says where
 * the shape comes from; `reply` may be a function for answers that depend on
 * the time (a reset given as a timestamp).
 */
export type DocumentedError = {
  name: string;
  source: string;
  reply: Reply | (() => Reply);
  expected: {
    code: ConnectorErrorCode;
    /** Something the operator must read in the message (a hint, the provider's words). */
    says?: RegExp;
    /** Inclusive range, for waits computed from a timestamp. */
    retryAfterSeconds?: readonly [number, number];
  };
};

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that accepts every message;
 * `received` lists each one's RCPT TO, `connections` counts the connections
 * it accepted and `open` those still open.
 */
export async function startSmtpSink(options: Partial<SMTPServerOptions> = {}) {
  const received: string[] = [];
  const open = new Set<Socket>();
  let connections = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // The app keeps idle connections open (net/pools.ts); closing waits this long for them, not 30 s.
    closeTimeout: 100,
    onData: (stream, session, cb) => {
      stream.resume();
      stream.on("end", () => {
        received.push(session.envelope.rcptTo[0]?.address ?? "");
        cb();
      });
    },
    ...options,
  });
  server.server.on("connection", (socket: Socket) => {
    connections += 1;
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    connections: () => connections,
    open: () => open.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Kept connections for tests: a new owner per test (so one test's pools never
 * serve the next), every pool closed and every spy restored after each.
 */
export function keepAliveOwners(prefix: string): (configKey?: string, owner?: string) => KeepAlive {
  let run = 0;
  afterEach(() => {
    pools.closeAll();
    vi.restoreAllMocks();
    run += 1;
  });
  return (configKey = "config-1", owner = `${prefix}-${run}`) => ({ owner, configKey });
}

/** Waits until `condition` holds (a server noticing a closed connection), failing after `ms`. */
export async function eventually(condition: () => boolean, ms = 3000): Promise<void> {
  for (const started = Date.now(); !condition(); await sleep(20)) {
    if (Date.now() - started > ms) throw new Error("condition not met in time");
  }
}
