import type { SendMailOptions } from "nodemailer";
import { HAND_OVER_TIMEOUT_MS, sendTracked, type TrackedSend } from "./hand-over";
import type { SmtpSession } from "./transport";

/** nodemailer's words for a connection that went away under a command. */
const CONNECTION_GONE = /Connection closed unexpectedly|Unexpected socket close|connection was closed|ECONNRESET|EPIPE/i;

/**
 * A pooled connection the server had closed while it sat idle: the message
 * was given to it, and it failed at once with the connection gone (or the
 * server's 421, "closing the channel") before the message was handed over.
 */
export function foundClosed(sent: TrackedSend): boolean {
  if (!("error" in sent) || sent.handedOver || !sent.inSession) return false;
  const e = sent.error as { code?: string; responseCode?: number; message?: string };
  if (e.responseCode !== undefined) return e.responseCode === 421;
  return e.code === "ECONNECTION" || e.code === "ESOCKET" || CONNECTION_GONE.test(e.message ?? "");
}

/**
 * Sends one message over the session. A pooled connection found closed
 * before the hand-over gets one more try, at once, on a new connection of
 * its own: the server never had the whole message, so it cannot arrive
 * twice. After the hand-over there is no retry here (the outcome is unknown;
 * the outbox decides).
 */
export async function deliver(session: SmtpSession, mail: SendMailOptions, handOverMs = HAND_OVER_TIMEOUT_MS): Promise<TrackedSend> {
  const sent = await sendTracked(session.transport, mail, handOverMs);
  if (!session.pooled || !foundClosed(sent)) return sent;
  const fresh = session.fresh();
  try {
    return await sendTracked(fresh.resource.transport, mail, handOverMs);
  } finally {
    fresh.close();
  }
}
