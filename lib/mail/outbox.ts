import "server-only";
import { randomUUID } from "node:crypto";
import { db, sql } from "@/lib/db";
import type { Sql } from "@/lib/db-direct";
import { insertRow, param } from "@/lib/db-sql";
import { open, seal, SealError } from "@/lib/crypto/seal";
import { getActiveConnector, type ActiveConnector } from "@/lib/connectors/active";
import { findSuppression } from "@/lib/deliverability/suppressions";
import type { MessageContext } from "@/lib/connectors/types";
import { failWith } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { retryRefusal } from "./deliveries-view";
import { holdLease, LEASE_MS } from "./lease";
import { failureOutcome, recordOutcome, type Delivery, type Outcome } from "./outcome";
import { defaultRetryPolicy, type RetryPolicy } from "./retry-policy";

export type { Delivery };

/**
 * The delivery outbox. Every email is a row before anything is sent; each
 * attempt is made by whoever holds the row's lease (the request that created
 * it, or a worker that claimed it: ./lease.ts), and only the lease holder
 * may record the outcome. So a message is attempted by one process at a
 * time, marked sent once, and carries one Message-ID across its attempts.
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

const bodyAad = (id: string) => `outbox:${id}`;

// A newer code replaced the one in these: they are not to be sent any more.
const SUPERSEDE = `UPDATE "EmailMessage" SET "status" = 'dead', "errorCode" = 'superseded', "errorMessage" = 'A newer email of the same kind replaced it.',
    "body" = NULL, "nextAttemptAt" = NULL
  WHERE "recipient" = ${param(1)} AND "purpose" = ${param(2)} AND "status" IN ('queued', 'failed')`;

/**
 * `recipientChecked`: the caller refused a suppressed recipient already (a
 * code request does, in the read it makes anyway), so enqueue need not look.
 */
export type EnqueueOptions = { connector: string; policy?: RetryPolicy; leased?: boolean; leaseMs?: number; recipientChecked?: boolean };

/** What an attempt reads of its message; the writer of a leased message has it in hand already. */
type AttemptRow = {
  id: string; purpose: string; recipient: string; subject: string; status: string; leaseToken: string | null;
  attempts: number; maxAttempts: number; expiresAt: Date | null; idempotencyKey: string; providerMessageId: string | null;
};
/** `refused`: written dead at once, never to be attempted (its recipient is suppressed). */
export type Enqueued = { id: string; leaseToken: string | null; written: { row: AttemptRow; body: QueuedBody }; refused?: Refusal };
type Refusal = { errorCode: string; errorMessage: string };

/** Why nothing goes to a suppressed recipient, in the deliveries view (the code's operator words explain it). */
function suppressedRefusal(entry: { reason: string; provider: string }): Refusal {
  const why = entry.reason === "complaint" ? "a spam complaint" : "a hard bounce";
  return { errorCode: "address_suppressed", errorMessage: `The address is on the suppression list (${why} reported by ${entry.provider}).` };
}

/**
 * Writes the message and leases it to the caller, who attempts it at once
 * (`attempt`). If the caller dies first, a worker picks it up when the lease
 * runs out. Inside `tx` when given, so the message is written together with
 * what it belongs to (the code it carries), or not at all. A message to a
 * suppressed address is written dead (`refused`), so the deliveries view
 * shows why it never left; no connector sees it. That includes an
 * operator's test send: another bounce or complaint costs the sender's
 * reputation whoever asked, and the address can be taken off the list first.
 */
export async function enqueue(message: NewMessage, opts: EnqueueOptions, tx?: Sql): Promise<Enqueued> {
  const policy = opts.policy ?? defaultRetryPolicy;
  const id = randomUUID();
  const leaseToken = opts.leased === false ? null : randomUUID();
  const now = new Date();
  let refused: Refusal | undefined;
  const common = {
    id, idempotencyKey: id, purpose: message.purpose, recipient: message.recipient, locale: message.locale, connector: opts.connector,
    subject: message.subject, maxAttempts: policy.maxAttempts, attempts: 0, expiresAt: message.expiresAt ?? null, createdAt: now,
  };
  const write = async (client: Sql) => {
    const suppression = opts.recipientChecked ? null : await findSuppression(message.recipient, client);
    if (suppression) {
      refused = suppressedRefusal(suppression);
      const row = insertRow("EmailMessage", { ...common, body: null, status: "dead", ...refused });
      await client.execute(row.text, ...row.args);
      return;
    }
    if (message.supersede) await client.execute(SUPERSEDE, message.recipient, message.purpose);
    const row = insertRow("EmailMessage", {
      ...common,
      body: seal(JSON.stringify(message.body), bodyAad(id)),
      status: leaseToken ? "sending" : "queued",
      nextAttemptAt: leaseToken ? null : now,
      leaseToken,
      leaseUntil: leaseToken ? new Date(now.getTime() + (opts.leaseMs ?? LEASE_MS)) : null,
    });
    await client.execute(row.text, ...row.args);
  };
  if (tx) await write(tx);
  else await sql.transaction(write);
  const status = refused ? "dead" : leaseToken ? "sending" : "queued";
  const held = refused ? null : leaseToken;
  const row: AttemptRow = {
    id, purpose: message.purpose, recipient: message.recipient, subject: message.subject, status,
    leaseToken: held, attempts: 0, maxAttempts: policy.maxAttempts, expiresAt: message.expiresAt ?? null, idempotencyKey: id, providerMessageId: null,
  };
  return { id, leaseToken: held, written: { row, body: message.body }, ...(refused ? { refused } : {}) };
}

/** `<outbox id@sender domain>`: the same for every attempt, so mail clients see one email even if two arrive. */
export function stableMessageId(id: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1).trim().toLowerCase();
  return `<${id}@${/^[a-z0-9.-]+$/.test(domain) ? domain : "mailgate.invalid"}>`;
}

export type AttemptOptions = {
  policy?: RetryPolicy;
  connector?: ActiveConnector;
  leaseMs?: number;
  /** The message as its writer just wrote it (`enqueue`): the first attempt need not read it back. */
  written?: Enqueued["written"];
};

/**
 * Makes one attempt of a message the caller holds the lease of (renewed
 * while the send is in progress), and records the outcome: sent; failed
 * with the next attempt time; or dead (permanent errors, out of attempts,
 * expired). Null when the caller no longer holds the lease.
 */
export async function attempt(id: string, leaseToken: string, opts: AttemptOptions = {}): Promise<Delivery | null> {
  const policy = opts.policy ?? defaultRetryPolicy;
  const row: AttemptRow | null = opts.written?.row ?? (await db.emailMessage.findUnique({ where: { id } }));
  if (!row || row.leaseToken !== leaseToken || row.status !== "sending") return null;
  const giveUp = (outcome: Outcome, attempts = row.attempts) => recordOutcome(id, leaseToken, outcome, attempts);

  if (row.expiresAt && row.expiresAt <= new Date()) {
    return giveUp({ status: "dead", errorCode: "expired", errorMessage: "Not sent: the code in it had expired.", dropBody: true });
  }
  // A later attempt (a retry, an operator's requeue): the address may have bounced since the message was written.
  const suppression = opts.written ? null : await findSuppression(row.recipient);
  if (suppression) return giveUp({ status: "dead", ...suppressedRefusal(suppression), dropBody: true });
  let body: QueuedBody;
  try {
    body = opts.written?.body ?? (JSON.parse(open((row as { body?: string | null }).body ?? "", bodyAad(id))) as QueuedBody);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return giveUp({ status: "dead", errorCode: "invalid_config", errorMessage: `The stored message could not be opened: ${error.message}` });
  }

  let connector: ActiveConnector;
  try {
    connector = opts.connector ?? (await getActiveConnector());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`mailgate: email ${id} (${row.purpose}): no usable connector: ${message}`);
    return giveUp({ status: "dead", errorCode: "invalid_config", errorMessage: message }, row.attempts + 1);
  }

  const messageId = stableMessageId(row.id, connector.from.address);
  const sending = connector.send({
    to: row.recipient,
    from: { name: connector.from.name ?? body.senderName, address: connector.from.address },
    subject: body.subject ?? row.subject,
    html: body.html,
    text: body.text,
    replyTo: body.replyTo,
    context: body.context,
    idempotencyKey: row.idempotencyKey,
    messageId,
  });
  let accepted: string;
  try {
    accepted = (await holdLease(id, leaseToken, sending, opts.leaseMs)).messageId;
  } catch (error) {
    return recordOutcome(id, leaseToken, failureOutcome(error, row, connector, policy, messageId), row.attempts + 1);
  }
  return recordOutcome(id, leaseToken, { status: "sent", providerMessageId: accepted, connector: connector.id, dropBody: true }, row.attempts + 1);
}

/**
 * An operator's "Retry" on a failed or dead message: due now, with a fresh
 * allowance of attempts. Refused for sent messages, superseded ones and
 * codes that have expired (the user must ask for a new code): the rules of
 * the deliveries list (retryRefusal), checked again on the row as it is now.
 */
export async function requeue(id: string, policy: RetryPolicy = defaultRetryPolicy): Promise<Result<null>> {
  const row = await db.emailMessage.findUnique({ where: { id }, select: { status: true, expiresAt: true, body: true, errorCode: true, attempts: true } });
  if (!row) return failWith("not_found", "This message no longer exists.");
  const refusal = retryRefusal({ ...row, hasBody: row.body !== null });
  if (refusal) return failWith("conflict", refusal);
  const { count } = await db.emailMessage.updateMany({
    where: { id, status: row.status },
    data: { status: "queued", nextAttemptAt: new Date(), maxAttempts: row.attempts + policy.maxAttempts },
  });
  return count === 1 ? ok(null) : failWith("conflict");
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
