import { connect, type Socket } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Pooled } from "../net/pools";
import { toOAuth2Options } from "./oauth2";
import type { SmtpConfig } from "./schema";
import type { SmtpTarget } from "./target";

/** Milliseconds. A code email that cannot leave in this time is better reported than awaited. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  // Silence allowed on the socket. The wait for the answer to the end of DATA needs it long (servers often scan the
  // message first; RFC 5321 suggests 10 minutes); every step before that is bounded by HAND_OVER_TIMEOUT_MS.
  socketTimeout: 60_000,
  dnsTimeout: 10_000,
} as const;

/**
 * A pooled transport's connections: five at a time (half the outbox's ten
 * sends in flight; most providers cap concurrent sessions near there), a
 * new one after 100 messages (servers limit messages per session).
 */
export const SMTP_POOL = { maxConnections: 5, maxMessages: 100 } as const;

/** nodemailer's options for connections to `target` (the checked address, see target.ts). */
export function toTransportOptions(config: SmtpConfig, target: SmtpTarget): SMTPTransport.Options {
  return {
    host: target.address,
    port: config.port,
    // SNI and the certificate check use the configured name, not the address connected to.
    ...(target.servername ? { servername: target.servername, tls: { servername: target.servername } } : {}),
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: false,
    auth:
      config.auth.type === "login" ? { user: config.auth.user, pass: config.auth.password }
      : config.auth.type === "oauth2" ? toOAuth2Options(config.auth, config)
      : undefined,
    ...SMTP_TIMEOUTS,
    // Rendered HTML never needs the server's files or remote URLs fetched into the message.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  };
}

export type SmtpSession = {
  transport: Transporter;
  /** Its connections outlive a message, so one may have been closed by the server while idle. */
  pooled: boolean;
  /** A transport of its own to the same checked address, for a message whose pooled connection was found closed. */
  fresh(): Pooled<SmtpSession>;
};

type Overrides = Partial<Record<keyof typeof SMTP_TIMEOUTS, number>>;

/**
 * A transport to the checked address, pooled or for one message. The socket
 * is ours (`getSocket`): opened to exactly that address, with Nagle's
 * algorithm off (on loopback it costs a delayed-ACK wait at the end of
 * DATA) and TCP keep-alive on (a pooled connection a NAT forgot is noticed).
 */
export function openSmtpTransport(config: SmtpConfig, target: SmtpTarget, pooled: boolean, overrides: Overrides = {}): Pooled<SmtpSession> {
  const sockets = new Set<Socket>();
  let held = !pooled;
  let broken = false;
  const options = { ...toTransportOptions(config, target), ...overrides };
  const getSocket = (_: unknown, callback: (error: Error | null, socket?: { connection: Socket }) => void) => {
    connectTo(target.address, config.port, options.connectionTimeout ?? SMTP_TIMEOUTS.connectionTimeout).then(
      (socket) => {
        sockets.add(socket);
        socket.once("close", () => sockets.delete(socket));
        if (!held) socket.unref();
        callback(null, { connection: socket });
      },
      (error: Error) => {
        // nodemailer's pool keeps the slot of a connection that failed here taken for good: start a new pool.
        broken = pooled;
        callback(error);
      },
    );
  };
  const transport = pooled
    ? nodemailer.createTransport({ ...options, pool: true, ...SMTP_POOL, maxRequeues: 0, getSocket } as SMTPPool.Options)
    : nodemailer.createTransport({ ...options, getSocket });
  return {
    resource: { transport, pooled, fresh: () => openSmtpTransport(config, target, false, overrides) },
    close: () => transport.close(),
    hold(inUse) {
      held = inUse;
      for (const socket of sockets) {
        if (inUse) socket.ref();
        else socket.unref();
      }
    },
    usable: () => !broken,
  };
}

function connectTo(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, noDelay: true, keepAlive: true, keepAliveInitialDelay: 30_000 });
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    socket.once("error", fail);
    socket.once("connect", () => {
      clearTimeout(timer);
      // From here on nodemailer listens for the socket's errors.
      socket.removeListener("error", fail);
      resolve(socket);
    });
  });
}
