import "server-only";
import { randomUUID } from "node:crypto";
import { db, sql } from "@/lib/db";
import type { Sql } from "@/lib/db-direct";
import { param } from "@/lib/db-sql";
import type { OtpLimits } from "@/lib/settings/schema";
import { CODE_KEY_ID, generateCode, hashCode } from "./code-hash";
import { lockedSeconds, readCodeState } from "./code-state";
import type { Purpose } from "./purposes";
import { HOUR, hitAll, sweepExpiredCounters } from "./rate-limit";

export type IssueInput = { purpose: Purpose; email: string; flowId: string; ip: string };

export type IssueResult =
  | { ok: true; id: string; code: string; expiresAt: Date }
  | { ok: false; reason: "cooldown" | "rate_limited" | "locked"; retryAfterSeconds: number }
  /** The address is on the suppression list: nothing can be sent to it, whoever asks. */
  | { ok: false; reason: "suppressed" };

export type IssueOptions = {
  now?: Date;
  /** A write that goes first in the code's transaction, whatever the limits say (a new flow's row). */
  before?: (tx: Sql) => Promise<void>;
  /**
   * Called with the new code once the limits allowed it; returns the write
   * that goes with it (its email in the outbox), done in the code's
   * transaction: both exist or neither, so no code sits in its cooldown
   * with nothing sent.
   */
  withCode?: (code: string) => Promise<(tx: Sql) => Promise<void>>;
};

// The cooldown is in the write: an existing code is replaced only when it was sent before the cutoff.
const COLUMNS = `"id", "purpose", "email", "flowId", "codeHash", "keyId", "attempts", "maxAttempts", "sentAt", "expiresAt", "consumedAt"`;
const WRITE_CODE = `INSERT INTO "VerificationCode" (${COLUMNS})
  VALUES (${[1, 2, 3, 4, 5, 6].map(param).join(", ")}, 0, ${param(7)}, ${param(8)}, ${param(9)}, NULL)
  ON CONFLICT ("purpose", "email") DO UPDATE SET
    "id" = excluded."id", "flowId" = excluded."flowId", "codeHash" = excluded."codeHash", "keyId" = excluded."keyId",
    "attempts" = 0, "maxAttempts" = excluded."maxAttempts", "sentAt" = excluded."sentAt", "expiresAt" = excluded."expiresAt", "consumedAt" = NULL
  WHERE "VerificationCode"."sentAt" <= ${param(10)}
  RETURNING "id"`;

/**
 * Issues a code for purpose + address, replacing any earlier one. The
 * cooldown is enforced by the write itself (update only if the last send is
 * older than the cooldown, or insert under the unique key), so concurrent
 * requests from several instances cannot both send. The limits count the
 * request before they are checked; the request still counts when it is
 * refused after that (limits, a suppressed address, a concurrent request's
 * cooldown), so asking again and again is limited like any other request.
 *
 * One commit (on SQLite each waits for the disk): `before`, the counts and,
 * when all allow it, the code with its email. The email is composed
 * (`withCode`) before the transaction, because composing may read the
 * operator's templates, which a statement outside the transaction cannot do
 * while it is open; a refused request discards it.
 */
export async function issueCode(input: IssueInput, limits: OtpLimits, opts: IssueOptions = {}): Promise<IssueResult> {
  const { purpose, email, flowId } = input;
  const now = opts.now ?? new Date();
  const state = await readCodeState(purpose, email);
  const locked = lockedSeconds(state, now);
  if (locked > 0) return { ok: false, reason: "locked", retryAfterSeconds: locked };

  const cooldownMs = limits.resendCooldownSeconds * 1000;
  const wait = state.code ? state.code.sentAt.getTime() + cooldownMs - now.getTime() : 0;
  // An address that bounced since its last code: say so now, not "wait a minute" and then that
  // (nothing is counted, as for any cooldown answer; the code before this one was).
  if (wait > 0) return state.suppressed ? { ok: false, reason: "suppressed" } : { ok: false, reason: "cooldown", retryAfterSeconds: Math.ceil(wait / 1000) };

  const code = generateCode();
  const alongside = await opts.withCode?.(code);
  const expiresAt = new Date(now.getTime() + limits.ttlSeconds * 1000);
  const id = randomUUID();
  const codeHash = hashCode({ purpose, email, flowId, code });
  const cutoff = new Date(now.getTime() - cooldownMs);
  // Starts with a write, so on SQLite the transaction takes the write lock at once (no read-then-upgrade).
  const refusal = await sql.transaction(async (tx): Promise<Exclude<IssueResult, { ok: true }> | null> => {
    await opts.before?.(tx);
    const limitsFor = [
      { bucket: `send-ip:${input.ip}`, limit: limits.maxSendsPerIpPerHour, windowMs: HOUR },
      { bucket: `send-address:${email}`, limit: limits.maxSendsPerAddressPerHour, windowMs: HOUR },
    ];
    const refused = (await hitAll(limitsFor, now.getTime(), tx)).find((check) => !check.allowed);
    if (refused && !refused.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: refused.retryAfterSeconds };
    if (state.suppressed) return { ok: false, reason: "suppressed" };
    const written = await tx.query(WRITE_CODE, id, purpose, email, flowId, codeHash, CODE_KEY_ID, limits.maxAttempts, now, expiresAt, cutoff);
    // Another request wrote this address's code a moment ago: its cooldown refuses ours.
    if (written.length !== 1) return { ok: false, reason: "cooldown", retryAfterSeconds: limits.resendCooldownSeconds };
    await alongside?.(tx);
    return null;
  });
  await sweepExpiredCounters();
  if (refusal) return refusal;
  return { ok: true, id, code, expiresAt };
}

/** Seconds until a new code may be sent (0 = now). For the resend countdown. */
export async function resendAvailableIn(purpose: Purpose, email: string, limits: OtpLimits, now = new Date()) {
  const row = await db.verificationCode.findUnique({ where: { purpose_email: { purpose, email } } });
  if (!row) return 0;
  return Math.max(0, Math.ceil((row.sentAt.getTime() + limits.resendCooldownSeconds * 1000 - now.getTime()) / 1000));
}

/**
 * Withdraws a code whose email could not be sent, so the user may retry at
 * once instead of waiting out a cooldown for a message that never left.
 */
export async function withdrawCode(id: string): Promise<void> {
  await db.verificationCode.deleteMany({ where: { id, consumedAt: null } });
}
