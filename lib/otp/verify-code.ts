import "server-only";
import { db, sql, sqlFor, type Tx } from "@/lib/db";
import type { Sql } from "@/lib/db-direct";
import { param } from "@/lib/db-sql";
import type { OtpLimits } from "@/lib/settings/schema";
import { clearFailedVerifies, recordFailedVerify } from "./address-guard";
import { CODE_KEY_ID, cleanCodeInput, hashCode, hashesEqual } from "./code-hash";
import { lockedSeconds, readCodeState } from "./code-state";
import type { Purpose } from "./purposes";
import { HOUR, hit } from "./rate-limit";

export type VerifyInput = { purpose: Purpose; email: string; flowId: string; code: string; ip: string };

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: "malformed" | "dead" | "expired" }
  | { ok: false; reason: "wrong"; attemptsLeft: number; lockStarted: boolean }
  | { ok: false; reason: "locked" | "rate_limited"; retryAfterSeconds: number };

/**
 * What the right code unlocks, done in the transaction that consumes it (see
 * verifyCode): through Prisma's transaction client, or `direct`, in the
 * driver's own (lib/db-direct.ts: no Prisma round trips, for the hot path).
 */
export type OnConsumed = ((tx: Tx) => Promise<void>) | { direct: (tx: Sql) => Promise<void> };

// A live code: this one, not consumed, not expired, attempts left. Taking an attempt is the update itself.
const LIVE = (n: number) => `"id" = ${param(n)} AND "consumedAt" IS NULL AND "expiresAt" > ${param(n + 1)} AND "attempts" < ${param(n + 2)}`;
const CONSUME = `UPDATE "VerificationCode" SET "attempts" = "attempts" + 1, "consumedAt" = ${param(1)} WHERE ${LIVE(2)} RETURNING "id"`;
const TAKE_ATTEMPT = `UPDATE "VerificationCode" SET "attempts" = "attempts" + 1 WHERE ${LIVE(1)} RETURNING "attempts"`;

/**
 * Checks a code. Every try takes one of the code's attempts with a
 * conditional update (attempts < max, not consumed, not expired), and only a
 * try whose update lands counts: so no more than `maxAttempts` guesses are
 * ever judged, however many arrive at once. The typed code is compared
 * first and the update made after, which lets the right code take its
 * attempt and be consumed in the same statement: of many concurrent
 * verifies exactly one wins.
 *
 * `onConsumed` runs in the same transaction as the consumption: if it
 * throws, the code is left unconsumed (the user can try it again) and the
 * error propagates. A concurrent verify waits for that transaction, so it
 * still cannot consume the code twice.
 */
export async function verifyCode(input: VerifyInput, limits: OtpLimits, now = new Date(), onConsumed?: OnConsumed): Promise<VerifyResult> {
  const { purpose, email, flowId } = input;
  const code = cleanCodeInput(input.code);
  if (!code) return { ok: false, reason: "malformed" };

  const ipCheck = await hit(`verify-ip:${input.ip}`, limits.maxVerifiesPerIpPerHour, HOUR, now.getTime());
  if (!ipCheck.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: ipCheck.retryAfterSeconds };
  const state = await readCodeState(purpose, email);
  const locked = lockedSeconds(state, now);
  if (locked > 0) return { ok: false, reason: "locked", retryAfterSeconds: locked };

  const row = state.code;
  // A code from another flow (or an older key) is simply not valid here;
  // it costs the code no attempt, so nobody can burn someone else's code.
  if (!row || row.flowId !== flowId || row.keyId !== CODE_KEY_ID || row.consumedAt) return { ok: false, reason: "dead" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };

  const live = [row.id, now, row.maxAttempts] as const;
  if (hashesEqual(row.codeHash, hashCode({ purpose, email, flowId, code }))) {
    const consume = async (client: Tx | Sql) => (await sqlFor(client).query(CONSUME, now, ...live)).length === 1;
    // The consuming write comes first, so on SQLite the transaction holds the write lock before it reads anything.
    const consumed = !onConsumed
      ? await consume(db)
      : "direct" in onConsumed
        ? await sql.transaction(async (tx) => (await consume(tx)) && (await onConsumed.direct(tx), true))
        : await db.$transaction(async (tx) => (await consume(tx)) && (await onConsumed(tx), true));
    if (!consumed) return { ok: false, reason: "dead" };
    if (state.failedVerifies > 0) await clearFailedVerifies(email);
    return { ok: true };
  }

  const [taken] = await sql.query<{ attempts: number | bigint }>(TAKE_ATTEMPT, ...live);
  if (!taken) return { ok: false, reason: "dead" };
  const lockStarted = await recordFailedVerify(email, limits, now);
  return { ok: false, reason: "wrong", attemptsLeft: Math.max(0, row.maxAttempts - Number(taken.attempts)), lockStarted };
}
