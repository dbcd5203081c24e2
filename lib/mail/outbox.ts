import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { open, seal, SealError } from "@/lib/crypto/seal";
import { getActiveConnector, type ActiveConnector } from "@/lib/connectors/active";
import { ConnectorError, RETRYABLE_ERROR_CODES, type MessageContext } from "@/lib/connectors/types";
import { defaultRetryPolicy, LEASE_MS, retryDelayMs, type RetryPolicy } from "./retry-policy";

/**
 * The delivery outbox. Every email is a row before anything is sent; each
 * attempt is made by whoever holds the row's lease (the request that created
 * it, or a worker that claimed it), and only the lease holder may record the
 * outcome. So a message is attempted by one process at a time, and marked
 * sent once.
 */
export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "dead";
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ["queued", "sending", "sent", "failed", "dead"];

/** What a connector needs besides the recipient and subject; sealed at rest. */
export type QueuedBody = {
  /** The real subject when the stored one is masked (it starts with the code). */
  subject?: string;
  /** Sender name when the connector's From has none (the branding's). */
  senderName: string;
  html: string;
  text: string;
  replyTo?: string;
  context?: MessageContext;
};

export type NewMessage = {
  purpose: string;
  recipient: string;
  locale: string;
  subject: string;
  body: QueuedBody;
  /** A code email is useless after the code expires: not attempted after this. */
  expiresAt?: Date;
  /** Ends earlier undelivered messages of the same purpose to the same address (a newer code replaced theirs). */
  supersede?: boolean;
};

export type Delivery =
  | { id: string; status: "sent"; providerMessageId: string }
  | { id: string; status: "failed"; errorCode: string; errorMessage: string; nextAttemptAt: Date }
  | { id: string; status: "dead"; errorCode: string; errorMessage: string };

const bodyAad = (id: string) => `outbox:${id}`;

/**
 * Writes the message and leases it to the caller, who attempts it at once
 * (`attempt`). If the caller dies first, a worker picks it up when the lease
 * runs out.
 */
export async function enqueue(message: NewMessage, opts: { connector: string; policy?: RetryPolicy; leased?: boolean }): Promise<{ id: string; leaseToken: string | null }> {
  const policy = opts.policy ?? defaultRetryPolicy;
  const id = randomUUID();
  const leaseToken = opts.leased === false ? null : randomUUID();
  const now = new Date();
  await db.$transaction(async (tx) => {
    if (message.supersede) {
      await tx.emailMessage.updateMany({
        where: { recipient: message.recipient, purpose: message.purpose, status: { in: ["queued", "failed"] } },
        data: { status: "dead", errorCode: "superseded", errorMessage: "A newer email of the same kind replaced it.", body: null, nextAttemptAt: null },
      });
    }
    await tx.emailMessage.create({
      data: {
        id,
        idempotencyKey: id,
        purpose: message.purpose,
        recipient: message.recipient,
        locale: message.locale,
        connector: opts.connector,
        subject: message.subject,
        body: seal(JSON.stringify(message.body), bodyAad(id)),
        status: leaseToken ? "sending" : "queued",
        maxAttempts: policy.maxAttempts,
        nextAttemptAt: leaseToken ? null : now,
        leaseToken,
        leaseUntil: leaseToken ? new Date(now.getTime() + LEASE_MS) : null,
        expiresAt: message.expiresAt ?? null,
      },
    });
  });
  return { id, leaseToken };
}

/**
 * Makes one attempt of a message the caller holds the lease of, and records
 * the outcome: sent; failed with the next attempt time (transient errors,
 * attempts left); or dead (permanent errors, out of attempts, expired).
 */
export async function attempt(id: string, leaseToken: string, opts: { policy?: RetryPolicy; connector?: ActiveConnector } = {}): Promise<Delivery | null> {
  const policy = opts.policy ?? defaultRetryPolicy;
  const row = await db.emailMessage.findUnique({ where: { id } });
  if (!row || row.leaseToken !== leaseToken || row.status !== "sending") return null;
  const now = new Date();

  if (row.expiresAt && row.expiresAt <= now) {
    return finish(id, leaseToken, { status: "dead", errorCode: "expired", errorMessage: "Not sent: the code in it had expired.", dropBody: true }, row.attempts);
  }
  let body: QueuedBody;
  try {
    body = JSON.parse(open(row.body ?? "", bodyAad(id))) as QueuedBody;
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return finish(id, leaseToken, { status: "dead", errorCode: "invalid_config", errorMessage: `The stored message could not be opened: ${error.message}` }, row.attempts);
  }

  let connector: ActiveConnector;
  try {
    connector = opts.connector ?? (await getActiveConnector());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`mailgate: email ${id} (${row.purpose}): no usable connector: ${message}`);
    return finish(id, leaseToken, { status: "dead", errorCode: "invalid_config", errorMessage: message }, row.attempts + 1);
  }

  try {
    const { messageId } = await connector.send({
      to: row.recipient,
      from: { name: connector.from.name ?? body.senderName, address: connector.from.address },
      subject: body.subject ?? row.subject,
      html: body.html,
      text: body.text,
      replyTo: body.replyTo,
      context: body.context,
      idempotencyKey: row.idempotencyKey,
    });
    return finish(id, leaseToken, { status: "sent", providerMessageId: messageId, connector: connector.id, dropBody: true }, row.attempts + 1);
  } catch (error) {
    const attempts = row.attempts + 1;
    const connectorError = error instanceof ConnectorError ? error : null;
    const errorCode = connectorError?.code ?? "provider_error";
    const errorMessage = connector.redact(error instanceof Error ? error.message : String(error)).slice(0, 2000);
    if (!connectorError) console.error(`mailgate: email ${id}: unexpected error from the ${connector.id} connector`, error);
    const next = new Date(Date.now() + retryDelayMs(attempts, policy, connectorError?.retryAfterSeconds));
    const retry = RETRYABLE_ERROR_CODES.has(errorCode as never) && attempts < row.maxAttempts && (!row.expiresAt || next < row.expiresAt);
    console.error(`mailgate: email ${id} (${row.purpose}) via ${connector.id}, attempt ${attempts}/${row.maxAttempts}: ${errorCode}: ${errorMessage}${retry ? ` (retry at ${next.toISOString()})` : " (giving up)"}`);
    return finish(
      id,
      leaseToken,
      retry ? { status: "failed", errorCode, errorMessage, nextAttemptAt: next, connector: connector.id } : { status: "dead", errorCode, errorMessage, connector: connector.id },
      attempts,
    );
  }
}

type Outcome =
  | { status: "sent"; providerMessageId: string; connector: string; dropBody: true }
  | { status: "failed"; errorCode: string; errorMessage: string; nextAttemptAt: Date; connector: string }
  | { status: "dead"; errorCode: string; errorMessage: string; connector?: string; dropBody?: boolean };

async function finish(id: string, leaseToken: string, outcome: Outcome, attempts: number): Promise<Delivery | null> {
  const now = new Date();
  const { count } = await db.emailMessage.updateMany({
    // Only the lease holder records an outcome: a worker that lost its lease (it took too long) cannot overwrite.
    where: { id, leaseToken, status: "sending" },
    data: {
      status: outcome.status,
      attempts,
      lastAttemptAt: now,
      leaseToken: null,
      leaseUntil: null,
      ...(outcome.status === "sent"
        ? { providerMessageId: outcome.providerMessageId, sentAt: now, nextAttemptAt: null }
        : { errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, nextAttemptAt: outcome.status === "failed" ? outcome.nextAttemptAt : null }),
      ...("connector" in outcome && outcome.connector ? { connector: outcome.connector } : {}),
      ...("dropBody" in outcome && outcome.dropBody ? { body: null } : {}),
    },
  });
  if (count !== 1) {
    console.error(`mailgate: email ${id}: lease lost before the outcome (${outcome.status}) was recorded`);
    return null;
  }
  switch (outcome.status) {
    case "sent":
      return { id, status: "sent", providerMessageId: outcome.providerMessageId };
    case "failed":
      return { id, status: "failed", errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, nextAttemptAt: outcome.nextAttemptAt };
    case "dead":
      return { id, status: "dead", errorCode: outcome.errorCode, errorMessage: outcome.errorMessage };
  }
}

/**
 * Leases up to `limit` due messages to the caller: queued or failed ones
 * whose time has come, and `sending` ones whose lease ran out (their worker
 * died). Each claim is a conditional update, so of several workers racing
 * for a row exactly one gets it, on SQLite and on PostgreSQL alike.
 */
export async function claimDue(limit: number, now = new Date()): Promise<{ id: string; leaseToken: string }[]> {
  const candidates = await db.emailMessage.findMany({
    where: {
      OR: [
        { status: { in: ["queued", "failed"] }, nextAttemptAt: { lte: now } },
        { status: "sending", leaseUntil: { lt: now } },
      ],
    },
    select: { id: true, status: true, leaseToken: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  const claimed: { id: string; leaseToken: string }[] = [];
  for (const candidate of candidates) {
    const leaseToken = randomUUID();
    const due =
      candidate.status === "sending"
        ? { status: "sending", leaseToken: candidate.leaseToken, leaseUntil: { lt: now } }
        : { status: candidate.status, nextAttemptAt: { lte: now } };
    const { count } = await db.emailMessage.updateMany({
      where: { id: candidate.id, ...due },
      data: { status: "sending", leaseToken, leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (count === 1) claimed.push({ id: candidate.id, leaseToken });
  }
  return claimed;
}

/**
 * An operator's "Retry" on a failed or dead message: due now, with a fresh
 * allowance of attempts. Refused for sent messages, superseded ones and
 * codes that have expired (the user must ask for a new code).
 */
export async function requeue(id: string, policy: RetryPolicy = defaultRetryPolicy): Promise<{ ok: true } | { ok: false; reason: string }> {
  const row = await db.emailMessage.findUnique({ where: { id }, select: { status: true, expiresAt: true, body: true, errorCode: true, attempts: true } });
  if (!row) return { ok: false, reason: "This message no longer exists." };
  if (row.status === "sent") return { ok: false, reason: "This message was already sent." };
  if (row.status === "sending" || row.status === "queued") return { ok: false, reason: "This message is already waiting to be sent." };
  if (row.errorCode === "superseded") return { ok: false, reason: "A newer email of the same kind replaced this one." };
  if (row.expiresAt && row.expiresAt <= new Date()) return { ok: false, reason: "The code in this message has expired; the user needs to request a new one." };
  if (!row.body) return { ok: false, reason: "The content of this message is no longer kept." };
  const { count } = await db.emailMessage.updateMany({
    where: { id, status: row.status },
    data: { status: "queued", nextAttemptAt: new Date(), maxAttempts: row.attempts + policy.maxAttempts },
  });
  return count === 1 ? { ok: true } : { ok: false, reason: "This message changed meanwhile; reload and try again." };
}

/**
 * The code in this message was withdrawn (its send failed for good): it must
 * never go out later, not even by an operator's retry.
 */
export async function expireMessage(id: string): Promise<void> {
  await db.emailMessage.updateMany({ where: { id }, data: { expiresAt: new Date(), body: null, nextAttemptAt: null } });
}

export function openBody(id: string, sealed: string): QueuedBody {
  return JSON.parse(open(sealed, bodyAad(id))) as QueuedBody;
}
