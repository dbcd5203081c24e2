import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "@/lib/db";
import { assignments, param } from "@/lib/db-sql";
import { ConnectorError, isRetryable } from "@/lib/connectors/types";
import { UNKNOWN_OUTCOME } from "./deliveries-view";
import { retryDelayMs, type RetryPolicy } from "./retry-policy";

/** What an attempt ended in, as the outbox records it. */
export type Outcome =
  | { status: "sent"; providerMessageId: string; connector: string; dropBody: true }
  | { status: "failed"; errorCode: string; errorMessage: string; nextAttemptAt: Date; connector: string; handedOverAs?: string }
  | { status: "dead"; errorCode: string; errorMessage: string; connector?: string; dropBody?: boolean; handedOverAs?: string };

export type Delivery =
  | { id: string; status: "sent"; providerMessageId: string }
  | { id: string; status: "failed"; errorCode: string; errorMessage: string; nextAttemptAt: Date }
  | { id: string; status: "dead"; errorCode: string; errorMessage: string };


type AttemptedRow = { id: string; purpose: string; attempts: number; maxAttempts: number; expiresAt: Date | null; providerMessageId: string | null };
type Sender = { id: string; redact(text: string): string };

/**
 * A failed attempt: retried later (a temporary failure with attempts and
 * code lifetime left) or given up. A message whose outcome is unknown (it
 * may be in the inbox already) is handed over once more at most, and a
 * backoff step later than a refusal would be: the server may still be
 * delivering the first. Its Message-ID is kept as the provider's id, which
 * is also how a later attempt knows an earlier one was handed over.
 */
export function failureOutcome(error: unknown, row: AttemptedRow, sender: Sender, policy: RetryPolicy, messageId: string): Outcome {
  const attempts = row.attempts + 1;
  const connectorError = error instanceof ConnectorError ? error : null;
  const unknown = connectorError?.outcomeUnknown === true;
  const handedOverBefore = row.providerMessageId !== null;
  const errorCode = unknown ? UNKNOWN_OUTCOME : (connectorError?.code ?? "provider_error");
  let errorMessage = sender.redact(error instanceof Error ? error.message : String(error)).slice(0, 2000);
  if (handedOverBefore) errorMessage += " (An earlier attempt was handed over without an answer: it may have been delivered.)";
  if (!connectorError) console.error(`mailgate: email ${row.id}: unexpected error from the ${sender.id} connector`, error);

  const next = new Date(Date.now() + retryDelayMs(unknown ? attempts + 1 : attempts, policy, connectorError?.retryAfterSeconds));
  const retryable = unknown ? !handedOverBefore : isRetryable(errorCode);
  const retry = retryable && attempts < row.maxAttempts && (!row.expiresAt || next < row.expiresAt);
  console.error(
    `mailgate: email ${row.id} (${row.purpose}) via ${sender.id}, attempt ${attempts}/${row.maxAttempts}: ${errorCode}: ${errorMessage}${retry ? ` (retry at ${next.toISOString()})` : " (giving up)"}`,
  );
  const handedOver = unknown ? { handedOverAs: messageId } : {};
  return retry
    ? { status: "failed", errorCode, errorMessage, nextAttemptAt: next, connector: sender.id, ...handedOver }
    : { status: "dead", errorCode, errorMessage, connector: sender.id, ...handedOver };
}

/** How long to wait before writing an outcome a second time when the database refused the first. */
const RECORD_RETRY_MS = 1000;

/**
 * Records an attempt's outcome, if the caller still holds the lease. Tried
 * twice: an outcome that is not recorded means the message is attempted
 * again when its lease runs out, and a sent email would go out twice.
 */
export async function recordOutcome(id: string, leaseToken: string, outcome: Outcome, attempts: number): Promise<Delivery | null> {
  const now = new Date();
  const set = assignments({
    status: outcome.status,
    attempts,
    lastAttemptAt: now,
    leaseToken: null,
    leaseUntil: null,
    ...(outcome.status === "sent"
      ? { providerMessageId: outcome.providerMessageId, sentAt: now, nextAttemptAt: null }
      : { errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, nextAttemptAt: outcome.status === "failed" ? outcome.nextAttemptAt : null }),
    ...(outcome.connector ? { connector: outcome.connector } : {}),
    ...("dropBody" in outcome && outcome.dropBody ? { body: null } : {}),
    ...("handedOverAs" in outcome && outcome.handedOverAs ? { providerMessageId: outcome.handedOverAs } : {}),
  });
  // Only the lease holder records an outcome: a holder that lost its lease (it took too long) cannot overwrite.
  const text = `UPDATE "EmailMessage" SET ${set.text} WHERE "id" = ${param(set.next)} AND "leaseToken" = ${param(set.next + 1)} AND "status" = 'sending' RETURNING "id"`;
  const write = async () => (await sql.query<{ id: string }>(text, ...set.args, id, leaseToken))[0] ?? null;
  let recorded: { id: string } | null;
  try {
    recorded = await write();
  } catch (error) {
    console.error(`mailgate: email ${id}: recording its outcome (${outcome.status}) failed, trying again: ${error instanceof Error ? error.message : String(error)}`);
    await sleep(RECORD_RETRY_MS);
    recorded = await write();
  }
  if (!recorded) {
    console.error(`mailgate: email ${id}: lease lost before the outcome (${outcome.status}) was recorded`);
    return null;
  }
  if (outcome.status === "sent") return { id, status: "sent", providerMessageId: outcome.providerMessageId };
  if (outcome.status === "failed") for (const listener of retryListeners) listener(outcome.nextAttemptAt);
  const { errorCode, errorMessage } = outcome;
  return outcome.status === "failed" ? { id, status: "failed", errorCode, errorMessage, nextAttemptAt: outcome.nextAttemptAt } : { id, status: "dead", errorCode, errorMessage };
}

const retryListeners = new Set<(at: Date) => void>();

/** Workers in this process hear of each retry scheduled here, and wake for it rather than at their next poll. */
export function onRetryScheduled(listener: (at: Date) => void): () => void {
  retryListeners.add(listener);
  return () => retryListeners.delete(listener);
}
